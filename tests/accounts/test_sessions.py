"""会话: the session store reads a session by one prepared statement and behaves as Django's own database store —
a live session loads, an expired or unknown one loads empty and its key is forgotten."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.backends import db
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from luoshi.accounts.sessions import SessionStore

pytestmark = pytest.mark.django_db

DATA = {"单位": "金水区", "期间": ["2023Q1", "2023H1"], "已读": True, "次数": 3}


def saved(data: dict) -> str:
    """The key of a new session holding DATA, saved by our store."""
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


def expire(key: str, ago: dt.timedelta = dt.timedelta(seconds=1)) -> None:
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - ago)


def loaded(store_class, key: str | None) -> tuple[dict, str | None]:
    """What STORE_CLASS loads for KEY, and the key it keeps afterwards."""
    store = store_class(key)
    return store.load(), store.session_key


def test_it_is_the_session_engine():
    assert settings.SESSION_ENGINE == "luoshi.accounts.sessions"


def test_a_saved_session_loads_back():
    key = saved(DATA)
    assert loaded(SessionStore, key) == (DATA, key)
    assert loaded(SessionStore, key) == loaded(db.SessionStore, key)


def test_an_expired_session_loads_empty_and_its_key_is_forgotten():
    key = saved(DATA)
    expire(key)
    assert loaded(SessionStore, key) == ({}, None)
    assert loaded(db.SessionStore, key) == ({}, None)


def test_a_session_expiring_in_a_moment_still_loads():
    key = saved(DATA)
    Session.objects.filter(session_key=key).update(expire_date=timezone.now() + dt.timedelta(seconds=30))
    assert loaded(SessionStore, key) == (DATA, key)


def test_a_store_whose_expired_key_was_forgotten_saves_under_a_new_key():
    key = saved(DATA)
    expire(key, dt.timedelta(days=2))
    store = SessionStore(key)
    store["重新登录"] = 1
    store.save()
    assert store.session_key not in (None, key)
    assert loaded(SessionStore, store.session_key) == ({"重新登录": 1}, store.session_key)


def test_an_unknown_key_loads_empty():
    saved(DATA)
    assert loaded(SessionStore, "nosuchsessionkey0123456789abcdef") == ({}, None)
    assert loaded(db.SessionStore, "nosuchsessionkey0123456789abcdef") == ({}, None)


def test_loading_reads_one_query(django_assert_num_queries):
    key = saved(DATA)
    with django_assert_num_queries(1):
        assert SessionStore(key).load() == DATA


def test_a_client_whose_session_expired_in_the_database_is_signed_out(client_for, jinshui_reporter):
    client = client_for(jinshui_reporter)
    assert isinstance(client.session, SessionStore)
    page = reverse("plans:list")
    assert client.get(page).wsgi_request.user == jinshui_reporter
    expire(client.session.session_key)
    response = client.get(page)
    assert not response.wsgi_request.user.is_authenticated
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
