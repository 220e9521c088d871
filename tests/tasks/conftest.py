"""Supervision-task fixtures: the 一周办结 class and a task the leader issues to 金水区 with 二七区 helping."""

import pytest

from luoshi.tasks import workflow
from luoshi.tasks.models import TimeLimitClass


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def week(db):
    return TimeLimitClass.objects.create(code="week", name="一周办结", days=7)


@pytest.fixture
def task(leader, units, week, jinshui_reporter, erqi_reporter, media):
    return workflow.issue(leader, title="测试督办事项", lead_unit=units["金水区"], co_units=[units["二七区"]],
                          time_limit=week)


@pytest.fixture
def other_task(leader, units, media):
    """A task of 中原区 that neither 金水区 nor 二七区 may see."""
    return workflow.issue(leader, title="中原区的事项", lead_unit=units["中原区"])


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
