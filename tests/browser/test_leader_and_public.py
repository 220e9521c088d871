"""A leader reads the dashboard, opens a red target and downloads the briefing; a citizen reads the pledge page."""

import pytest

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_leader_reads_the_dashboard_opens_a_red_target_and_downloads_the_briefing(live_server, demo, open_page,
                                                                                      tmp_path):
    page = open_page()
    log_in(page, live_server, "leader")
    page.click("nav >> text=看板")
    page.select_option("select[name=period]", "2023")
    page.wait_for_selector(".target-card")
    first = page.locator(".target-card").first
    assert first.get_attribute("data-status") == "red"
    assert "滞后" in first.inner_text() and "6.8" in first.inner_text()
    assert page.locator(".bullet svg").count() == page.locator(".target-card").count()
    gdp = page.locator(".target-card", has_text="地区生产总值")
    assert "已完成" in gdp.inner_text() and "7.4" in gdp.inner_text()

    first.locator("a.indicator").click()
    page.wait_for_selector(".year-chart svg")
    assert "固定资产投资" in page.locator("h1").inner_text()
    assert "滞后" in page.locator(".standing").inner_text()
    assert page.locator("table.revisions tbody tr").count() >= 1

    page.click("nav >> text=通报")
    page.select_option("select[name=period]", "2023")
    page.select_option("select[name=format]", "pdf")
    with page.expect_download() as download:
        page.click("text=下载通报")
    path = tmp_path / "briefing.pdf"
    download.value.save_as(path)
    assert download.value.suggested_filename == "郑州市2023年发展目标落实情况通报(2023年).pdf"
    assert path.read_bytes().startswith(b"%PDF")


def test_the_dashboard_works_on_a_phone(live_server, demo, open_page):
    page = open_page({"width": 390, "height": 844})
    log_in(page, live_server, "leader")
    page.goto(live_server.url + "/dashboard/?period=2023")
    page.wait_for_selector(".bullet svg")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "no horizontal scrolling on a phone"


def test_an_anonymous_visitor_reads_the_pledge_page(live_server, demo, open_page):
    page = open_page()
    page.goto(live_server.url + "/")
    assert "/accounts/login/" in page.url
    page.click("text=公开承诺")
    page.click(f"text={demo.title}")
    item = page.locator(".pledge-target", has_text="招商引资签约总额").filter(has_text="7000")
    assert "已完成" in item.inner_text() and "7797" in item.inner_text()
    item.locator("a.indicator").click()
    page.wait_for_selector("text=历史数据")
    assert "全年突破7000亿元" in page.content()
    assert page.locator("text=看板").count() == 0


def test_a_big_board_shows_red_and_yellow_first_and_opens_the_rest_of_a_front_in_place(live_server, demo,
                                                                                      open_page):
    for target in list(demo.targets.all()) * 2:  # the demo's 12 targets three times over: a board of 36
        target.pk, target.order = None, demo.targets.count() + 1
        target.save()
    page = open_page()
    log_in(page, live_server, "leader")
    page.goto(live_server.url + "/dashboard/?period=2023")
    page.wait_for_selector(".target-card")
    first_screen = page.locator(".target-card")
    assert {first_screen.nth(i).get_attribute("data-status") for i in range(first_screen.count())} <= {"red", "yellow"}
    economy = page.locator(".front-panel", has_text="经济发展")
    economy.locator("details.front-rest summary").click()
    gdp = economy.locator("details.front-rest .target-card", has_text="地区生产总值").first
    gdp.wait_for()
    assert "已完成" in gdp.inner_text() and "7.4" in gdp.inner_text()
    page.wait_for_selector("details.front-rest .bullet svg")
    rest = economy.locator("details.front-rest")
    assert rest.locator(".bullet svg").count() == rest.locator(".target-card").count() > 0
