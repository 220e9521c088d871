"""In a real browser: the kanban filters by 专班 without a page load (htmx), a 专班 member moves a lead to 签约
with its amount, and a reporter of another unit sees none of it; no console error, nothing fetched elsewhere."""

import datetime as dt

import pytest
from django.test import Client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
D = dt.date


def test_a_task_force_member_moves_a_lead_to_signed_on_the_kanban(browser_as, make_lead, other_force,
                                                                   bureau_reporter, erqi_reporter):
    lead = make_lead("浏览器测试项目", "金水区", talks=D(2023, 2, 1))
    make_lead("另一专班项目", "金水区", force=other_force, with_node=False)
    page = browser_as("bureau")
    page.goto(browser_as.url + "/attraction/")
    assert page.locator(".lead-card").count() == 2
    talks = page.locator('.kanban-column[data-stage="talks"]')
    assert "浏览器测试项目" in talks.inner_text()
    page.select_option("#lead-filters select[name=task_force]", label="测试一专班")
    page.wait_for_selector("text=另一专班项目", state="detached")
    assert page.locator(".lead-card").count() == 1 and "task_force=" in page.url
    page.click("text=浏览器测试项目")
    assert "进入“签约”" in page.inner_text("#stage-form")
    page.fill("#stage-form input[name=date]", "2023-03-15")
    page.fill("#stage-form input[name=signed_investment]", "25.5")
    page.click("#stage-form button[type=submit]")
    page.wait_for_load_state()
    assert "签约" in page.inner_text("#lead-stage") and "25.5" in page.inner_text("#signed")
    assert page.locator("#steps .log li").count() == 3
    lead.refresh_from_db()
    assert (lead.stage, str(lead.signed_investment)) == ("signed", "25.5000")
    page.goto(browser_as.url + "/attraction/")
    assert "浏览器测试项目" in page.locator('.kanban-column[data-stage="signed"]').inner_text()

    outsider = browser_as("erqi")
    outsider.goto(browser_as.url + "/attraction/")
    assert outsider.locator(".lead-card").count() == 0
    client = Client()
    client.force_login(erqi_reporter)
    assert client.get(f"/attraction/leads/{lead.pk}/").status_code == 404  # (a 404 in the browser logs an error)


def test_an_analyst_keeps_a_task_force_and_imports_leads_in_the_browser(browser_as, analyst, task_force, node, firm,
                                                                        units, tmp_path):
    from luoshi.attraction.models import TaskForce
    from tests.attraction.test_leads_sheet import GOOD, workbook

    page = browser_as("analyst")
    page.goto(browser_as.url + "/attraction/task-forces/new/")
    page.fill("#task-force-form input[name=name]", "浏览器专班")
    page.select_option("#task-force-form select[name=lead_department]", label=units["郑州市商务局"].name)
    page.select_option("#task-force-form select[name=members]", label=units["金水区"].name)
    page.click("#task-force-form button[type=submit]")
    page.wait_for_url("**/attraction/task-forces/*/")
    assert "浏览器专班" in page.inner_text("h1") and "金水区" in page.inner_text("dl.facts")
    assert TaskForce.objects.get(name="浏览器专班").members.get() == units["金水区"]

    bad, good = tmp_path / "bad.xlsx", tmp_path / "good.xlsx"
    bad.write_bytes(workbook([("", "", "没有的公司", "", "", "测试一专班", "金水区", "", "", "", "2023-01-01")]))
    good.write_bytes(workbook(GOOD))
    page.goto(browser_as.url + "/attraction/leads/import/")
    page.set_input_files("#import-form input[name=file]", str(bad))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("table.import-errors")
    assert "C列(投资企业)" in page.inner_text("table.import-errors")
    page.set_input_files("#import-form input[name=file]", str(good))
    page.click("#import-form button[type=submit]")
    page.wait_for_url("**/attraction/")
    assert page.locator(".lead-card").count() == 3
    assert "导入签约项目" in page.locator('.kanban-column[data-stage="signed"]').inner_text()
    browser_as.problems["errors"] = [e for e in browser_as.problems["errors"] if "422" not in e]
