"""Shared fixtures: the demo's real units and plan, and the personas every view is tested with.

Personas (after Healthchecks' alice/bob/charlie): the 金水区 reporter, the 二七区 reporter, an analyst
and a leader, both of 郑州市 (so their jurisdiction is the city and everything below it).
"""

import os
import socket
from urllib.parse import urlparse

import pytest
from django.conf import settings

from luoshi.accounts.models import ApiToken, User
from luoshi.demo import loader
from luoshi.figures.models import Series
from luoshi.plans.models import Assignment, Target
from luoshi.units.models import Unit


def postgres_unreachable() -> str | None:
    """Why the PostgreSQL run cannot happen, or None when the server answers."""
    url = urlparse(settings.POSTGRES_URL)
    try:
        socket.create_connection((url.hostname or "127.0.0.1", url.port or 5432), timeout=2).close()
    except OSError as exc:
        return f"PostgreSQL at {url.hostname}:{url.port or 5432} is unreachable ({exc})"
    return None


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rendered cards and boards are keyed by kept verdicts, whose ids and
    timestamps a rolled-back test may hand to the next one."""
    from django.core.cache import cache

    cache.clear()


def pytest_report_header(config):
    return f"luoshi: database {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}"


def pytest_collection_modifyitems(config, items):
    if settings.TEST_DATABASE != "postgres":
        return
    reason = postgres_unreachable()
    if reason is None:
        return
    if os.environ.get("LUOSHI_REQUIRE_POSTGRES") == "1":
        pytest.exit(f"{reason}, and LUOSHI_REQUIRE_POSTGRES=1 forbids skipping", returncode=3)
    skip = pytest.mark.skip(reason=reason)
    for item in items:
        item.add_marker(skip)


@pytest.fixture
def units(db):
    loader.load_units()
    return {u.name: u for u in Unit.objects.all()}


@pytest.fixture
def series(units):
    loader.load_series()
    return {s.name: s for s in Series.objects.all()}


@pytest.fixture
def plan(series):
    return loader.load_plan()


def make_user(username: str, role: str, unit: Unit | None) -> User:
    return User.objects.create_user(username=username, password="pw-" + username, role=role, unit=unit,
                                    display_name=username)


@pytest.fixture
def jinshui_reporter(units):
    return make_user("jinshui", User.Role.REPORTER, units["金水区"])


@pytest.fixture
def erqi_reporter(units):
    return make_user("erqi", User.Role.REPORTER, units["二七区"])


@pytest.fixture
def analyst(units):
    return make_user("analyst", User.Role.ANALYST, units["郑州市"])


@pytest.fixture
def leader(units):
    return make_user("leader", User.Role.LEADER, units["郑州市"])


@pytest.fixture
def admin_user(units):
    return make_user("root", User.Role.ADMIN, None)


@pytest.fixture
def fai_target(plan) -> Target:
    """固定资产投资 7000 亿元, the seed's headline investment target."""
    return plan.targets.get(indicator="固定资产投资", kind="level")


@pytest.fixture
def assignments(fai_target, units):
    """The investment target decomposed to 金水区 and 二七区 (test quotas, not real ones)."""
    return {
        name: Assignment.objects.create(target=fai_target, unit=units[name], value=value, note=f"{name} 测试分解")
        for name, value in (("金水区", 900), ("二七区", 400))
    }


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client
    return login


@pytest.fixture
def token_client(client):
    """token_client(user) → the test client sending a fresh API token of USER (Bearer)."""
    def make(user):
        _, key = ApiToken.issue(user, "test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
        return client
    return make


CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser_as(live_server, monkeypatch):
    """open(username) → a signed-in Chromium page; every console error and foreign request is collected."""
    from urllib.parse import urlparse

    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    host = urlparse(live_server.url).netloc
    problems = {"errors": [], "foreign": []}
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)

        def open_as(username: str):
            page = browser.new_context().new_page()
            page.on("console", lambda m: m.type == "error" and problems["errors"].append(m.text))
            page.on("pageerror", lambda e: problems["errors"].append(str(e)))
            page.on("request", lambda r: urlparse(r.url).netloc != host and problems["foreign"].append(r.url))
            page.goto(live_server.url + "/accounts/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", "pw-" + username)
            page.click("form button[type=submit]")
            page.wait_for_load_state()
            return page

        open_as.url = live_server.url
        open_as.problems = problems
        yield open_as
        browser.close()
    assert problems == {"errors": [], "foreign": []}


#: A 开封 2024 work report written for these tests (not the real one): the city's targets, one of 龙亭区.
KAIFENG_TEXT = (
    "2024年开封市人民政府工作报告\n"
    "一、2024年主要预期目标\n"
    "全市生产总值增长6.5%左右，规模以上工业增加值增长7%，固定资产投资增长10%，"
    "社会消费品零售总额增长6%，一般公共预算收入增长5%。\n"
    "二、重点工作\n"
    "龙亭区地区生产总值增长7%。\n"
)


@pytest.fixture
def kf_text() -> str:
    return KAIFENG_TEXT


@pytest.fixture
def kf_units(db):
    """河南省 › 开封市 › 龙亭区、鼓楼区 by name, made by hand (not the Zhengzhou demo tree)."""
    henan = Unit.objects.create(code="410000", name="河南省", short_name="河南", kind=Unit.Kind.PROVINCE)
    city = Unit.objects.create(code="410200", name="开封市", short_name="开封", kind=Unit.Kind.CITY, parent=henan)
    return {"河南省": henan, "开封市": city,
            **{name: Unit.objects.create(code=code, name=name, short_name=name, kind=Unit.Kind.DISTRICT, parent=city)
               for code, name in (("410202", "龙亭区"), ("410204", "鼓楼区"))}}


@pytest.fixture
def default_catalogue(db):
    """The shipped indicator catalogue (指标库)."""
    from luoshi.figures.catalogue import load_default_catalogue

    load_default_catalogue()


@pytest.fixture
def kf_analyst(kf_units):
    return make_user("kf-analyst", User.Role.ANALYST, kf_units["开封市"])
