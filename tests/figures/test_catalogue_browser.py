"""An analyst manages the 指标库 in Chromium: search by alias, add a series, archive it."""

import pytest

from luoshi.figures.catalogue import load_default_catalogue
from luoshi.figures.models import Series

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_finds_adds_and_archives_a_series(browser_as, analyst):
    load_default_catalogue()
    page = browser_as("analyst")
    page.click("nav a:has-text('指标库')")
    page.fill("input[name=q]", "社零")
    page.click("button:has-text('筛选')")
    assert page.locator("tbody tr").count() == 1 and "社会消费品零售总额" in page.inner_text("tbody")

    page.click("a:has-text('新建指标')")
    page.fill("input[name=name]", "快递业务量")
    page.fill("input[name=aliases]", "快递量、邮政快递业务量")
    page.fill("input[name=unit_of_measure]", "亿件")
    page.select_option("select[name=publisher]", "owner")
    page.click("button:has-text('保存')")
    page.wait_for_selector("text=已新建指标“快递业务量”")
    added = Series.objects.get(name="快递业务量")
    assert added.aliases == ["快递量", "邮政快递业务量"] and added.publisher == "owner"

    page.locator(f"#series-{added.pk} button:has-text('归档')").click()
    page.wait_for_selector("text=已归档")
    assert Series.objects.get(pk=added.pk).archived
