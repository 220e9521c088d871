"""A live API token is read from the database once a minute at most per process; a token revoked or a user
deactivated in this process is refused at the next request, one changed elsewhere within the minute."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.accounts.models import LIVE, ApiToken
from luoshi.accounts.tokens import LiveTokens

pytestmark = pytest.mark.django_db

SERIES = "/api/v1/series"


@pytest.fixture
def clock(monkeypatch):
    """The live tokens' clock, moved on by hand: clock.now += seconds."""
    class Clock:
        now = 1000.0

        def __call__(self):
            return self.now

    fake = Clock()
    monkeypatch.setattr(LIVE, "clock", fake)
    LIVE.clear()
    return fake


def token_reads(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SERIES).status_code == 200
    return sum('FROM "accounts_apitoken"' in q["sql"] for q in queries)


def test_a_token_is_read_once_in_its_minute(token_client, jinshui_reporter, clock):
    client = token_client(jinshui_reporter)
    assert token_reads(client) == 1
    assert [token_reads(client) for _ in range(5)] == [0] * 5
    clock.now += ApiToken.LAST_USED_EVERY.total_seconds()
    assert token_reads(client) == 1


def test_a_token_revoked_here_is_refused_at_once(token_client, jinshui_reporter, clock):
    client = token_client(jinshui_reporter)
    assert client.get(SERIES).status_code == 200
    token = ApiToken.objects.get(user=jinshui_reporter)
    token.revoked = True
    token.save()  # as the admin does
    assert client.get(SERIES).status_code == 401


def test_a_user_deactivated_here_is_refused_at_once(token_client, jinshui_reporter, clock):
    client = token_client(jinshui_reporter)
    assert client.get(SERIES).status_code == 200
    jinshui_reporter.is_active = False
    jinshui_reporter.save()
    assert client.get(SERIES).status_code == 401


def test_a_token_revoked_elsewhere_is_refused_within_the_minute(token_client, jinshui_reporter, clock):
    """Another process's change sends no signal here (a bare UPDATE stands for it): the cached token holds
    until its minute is over."""
    client = token_client(jinshui_reporter)
    assert client.get(SERIES).status_code == 200
    ApiToken.objects.filter(user=jinshui_reporter).update(revoked=True)
    clock.now += ApiToken.LAST_USED_EVERY.total_seconds() - 1
    assert client.get(SERIES).status_code == 200
    clock.now += 1
    assert client.get(SERIES).status_code == 401


def test_each_request_has_its_own_user(token_client, jinshui_reporter, clock):
    _, key = ApiToken.issue(jinshui_reporter, "own")
    first, second = ApiToken.active(key), ApiToken.active(key)
    first.user.display_name = "changed by one request"
    assert second.user.display_name != "changed by one request"
    assert second.user.unit == jinshui_reporter.unit


def test_the_cache_is_bounded_and_expires():
    now = [0.0]
    cache = LiveTokens(ttl=60, size=2, clock=lambda: now[0])
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # b is now the least recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
    now[0] = 60
    assert cache.get("a") is None and len(cache) == 1
