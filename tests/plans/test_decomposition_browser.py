"""任务分解 in a real browser: the 开封 analyst splits the investment target between two districts."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_analyst_decomposes_a_target_in_one_table_and_sees_the_difference(browser_as, kf_analyst, investment,
                                                                              kf_units):
    page = browser_as("kf-analyst")
    page.goto(browser_as.url + reverse("plans:target", args=[investment.pk]))
    page.click("text=编辑分解")
    rows = page.locator("tr.blank")
    rows.nth(0).locator("select").select_option(label="龙亭区")
    rows.nth(0).locator("input").fill("600")
    rows.nth(1).locator("select").select_option(label="鼓楼区")
    rows.nth(1).locator("input").fill("300")
    page.click("text=保存分解")
    page.wait_for_url(f"**{reverse('plans:target', args=[investment.pk])}")
    assert page.text_content(".quota-total") == "900" and page.text_content(".quota-gap") == "-100"
    assert "尚未分解完" in page.text_content("main")

    page.click("text=编辑分解")
    page.fill("input[aria-label='鼓楼区 分解值']", "400")
    page.click("text=保存分解")
    page.wait_for_url(f"**{reverse('plans:target', args=[investment.pk])}")
    assert page.text_content(".quota-gap") == "0" and "已全部分解" in page.text_content("main")
    assert {a.unit.name: int(a.value) for a in investment.assignments.all()} == {"龙亭区": 600, "鼓楼区": 400}
