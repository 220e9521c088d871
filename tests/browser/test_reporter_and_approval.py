"""A reporter submits a figure on the entry form; the status changes once an analyst approves it."""

import pytest

from luoshi.figures.models import Series
from luoshi.plans.models import Assignment
from luoshi.units.models import Unit

from .conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def jinshui_card(page, live_server):
    page.goto(live_server.url + "/dashboard/?period=2023H1")
    page.wait_for_selector(".target-card")
    return page.locator(".target-card", has_text="固定资产投资").first


def test_a_reporter_submits_a_figure_and_sees_the_status_change_after_approval(live_server, demo, open_page):
    fai = demo.targets.get(indicator="固定资产投资", kind="level")
    Assignment.objects.update_or_create(target=fai, unit=Unit.objects.get(code="410105"), defaults={"value": 900})
    series = Series.objects.get(name="固定资产投资")

    reporter = open_page()
    log_in(reporter, live_server, "jinshui")
    card = jinshui_card(reporter, live_server)
    assert card.get_attribute("data-status") == "grey" and "金水区" in card.inner_text()

    reporter.goto(live_server.url + "/figures/entry/?unit=410105&period=2023H1")
    reporter.fill(f"input[name=value-{series.pk}]", "420")
    reporter.fill(f"input[name=source-{series.pk}]", "金水区统计局月报")
    reporter.click("button:has-text('提交')")
    reporter.wait_for_load_state("networkidle")
    assert jinshui_card(reporter, live_server).get_attribute("data-status") == "grey", "not counted before approval"

    analyst = open_page()
    log_in(analyst, live_server, "analyst")
    analyst.goto(live_server.url + "/figures/review/")
    row = analyst.locator("tr", has_text="金水区").filter(has_text="420")
    row.locator("button:has-text('通过')").click()
    analyst.wait_for_selector("tr:has-text('金水区') >> text=已采用")

    card = jinshui_card(reporter, live_server)
    assert card.get_attribute("data-status") == "red"
    assert "420" in card.inner_text() and "按时间进度推算" in card.inner_text()
