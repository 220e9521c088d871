"""A real browser (Debian's chromium through Playwright) on the live server, with the demo loaded.

Every page records console errors and requests to any other host; the tests assert both stay empty.
"""

from urllib.parse import urlparse

import pytest

from luoshi.demo import loader

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def demo(transactional_db):
    return loader.load_demo()


@pytest.fixture
def browser(live_server, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser, live_server):
    """A new page (its own cookies) that logs its console errors and foreign requests."""
    host = urlparse(live_server.url).netloc
    pages = []

    def new(viewport=None):
        context = browser.new_context(viewport=viewport or {"width": 1366, "height": 768}, accept_downloads=True)
        page = context.new_page()
        page.errors, page.foreign = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        page.on("request", lambda r: urlparse(r.url).netloc != host and not r.url.startswith(("data:", "blob:"))
                and page.foreign.append(r.url))
        pages.append(page)
        return page

    yield new
    for page in pages:
        assert page.errors == [], page.errors
        assert page.foreign == [], page.foreign


def log_in(page, live_server, username: str, password: str = loader.DEMO_PASSWORD) -> None:
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
    page.wait_for_load_state("networkidle")


def start_plan(page, *, title: str, year: int, region: str, issuer: str, text: str) -> None:
    """新建规划 from the plans list: the form filled in and 抽取目标 clicked (the review opens next)."""
    page.click("text=新建规划")
    page.fill("input[name=title]", title)
    page.fill("input[name=year]", str(year))
    page.fill("input[name=region]", region)
    page.select_option("select[name=issuer]", label=issuer)
    page.fill("textarea[name=text]", text)
    page.click("text=抽取目标")
