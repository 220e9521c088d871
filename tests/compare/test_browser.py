"""The compare page in a real browser on the demo, at desktop and phone width: the map drawn offline."""

import pytest

from tests.browser.conftest import browser, demo, log_in, open_page  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_the_province_analyst_reads_the_map_and_the_table(demo, open_page, live_server, viewport):  # noqa: F811
    page = open_page(viewport)
    log_in(page, live_server, "henan")
    page.goto(live_server.url + "/compare/?indicator=地区生产总值&period=2023&under=410000")
    page.wait_for_selector("#compare-map[data-drawn='18']")
    assert page.locator("#compare-table tbody tr").count() == 18
    assert page.locator("#compare-dumbbell canvas").count() == 1
    nanyang = page.locator("#compare-table tr[data-unit='411300']")
    assert "保 增长 8%" in nanyang.inner_text() and "争 增长 9%" in nanyang.inner_text()
    page.click(".map-modes button[data-mode='gap']")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"] + 1  # nothing sticks out sideways; the table scrolls in its own box


def test_a_zhengzhou_leader_sees_the_other_cities_public_figures(demo, open_page, live_server):  # noqa: F811
    page = open_page()
    log_in(page, live_server, "leader")
    page.goto(live_server.url + "/compare/?indicator=地区生产总值&period=2023&under=410000")
    page.wait_for_selector("#compare-map[data-drawn='18']")
    assert "4.8%" in page.locator("#compare-table tr[data-unit='411300']").inner_text()
    assert page.locator("#compare-table tr[data-unit='410100'] th").inner_text().startswith("郑州")


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 900}, {"width": 390, "height": 844}],
                         ids=["desktop", "phone"])
def test_each_source_is_its_own_link_and_reliability_reads_in_chinese(demo, open_page, live_server, viewport):  # noqa: F811
    page = open_page(viewport)
    log_in(page, live_server, "henan")
    page.goto(live_server.url + "/compare/?indicator=地区生产总值&period=2023&under=410000")
    zhengzhou = page.locator("#compare-table tr[data-unit='410100'] td.source")
    assert zhengzhou.locator("a").first.get_attribute("href").startswith("https://big5.cri.cn/")
    assert "新闻" in zhengzhou.inner_text() and "news" not in zhengzhou.inner_text()
    xinxiang = page.locator("#compare-table tr[data-unit='410700'] td.source a")
    assert xinxiang.count() == 2
    assert all(";" not in xinxiang.nth(i).get_attribute("href") for i in range(2))
