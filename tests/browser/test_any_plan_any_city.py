"""Any plan, any city, in the browser: the loop of tests/e2e/test_any_plan_any_city.py as people click it.

An empty installation holds only the 河南 province unit and its analyst; everything else (the 18 cities
and their counties, the 开封 plan and its wiring, a quota, a figure and its approval) is done on the
pages a new user finds, never in the Django admin. Accounts are added with `luoshi.accounts.people`,
what `luoshi users add` calls. Every page must log no console error, ask no other host and never /admin/.
"""

from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.urls import reverse

from luoshi.accounts import people
from luoshi.lib.divisions import load
from luoshi.plans.models import Plan, Target
from luoshi.units.models import Unit

from .conftest import log_in, start_plan

pytestmark = [pytest.mark.browser]

PLAN_TEXT = (Path(__file__).parents[1] / "e2e" / "data" / "kaifeng-2025-report.txt").read_text(encoding="utf-8")
PASSWORD = "Kaifeng-browser-2025!"
TITLE = "开封市2025年政府工作报告(浏览器)"
NOT_FOUND = "Failed to load resource: the server responded with a status of 404 (Not Found)"


@pytest.fixture
def henan_analyst(transactional_db):
    """The installation's one seeded unit, the province, and the analyst who keeps it."""
    province = load().by_code["410000"]
    Unit.objects.create(code=province.code, name=province.name, short_name=province.short_name,
                        kind=Unit.Kind.PROVINCE)
    return people.add_person("ha-analyst", role="analyst", unit_code="410000", password=PASSWORD)[0]


@pytest.fixture
def person(live_server, open_page):
    """A signed-in page for USERNAME that also records every request made to the admin."""
    admin_requests = []

    def sign_in(username: str):
        page = open_page()
        page.on("request", lambda r: urlparse(r.url).path.startswith("/admin") and admin_requests.append(r.url))
        log_in(page, live_server, username, PASSWORD)
        assert "/accounts/login/" not in page.url, f"{username} could not sign in"
        return page

    yield sign_in
    assert admin_requests == []


def visit(page, live_server, path: str):
    response = page.goto(live_server.url + path)
    page.wait_for_load_state("networkidle")
    return response


def import_henan(page, live_server) -> None:
    visit(page, live_server, reverse("units:tree"))
    page.fill("form.unit-import input[name=code]", "410000")
    page.click("form.unit-import button[type=submit]")
    page.wait_for_load_state("networkidle")
    tree = page.text_content(".unit-tree")
    assert "开封市" in tree and "郑州市" in tree, tree
    assert Unit.objects.filter(parent__code="410000").count() == 18
    assert Unit.objects.filter(parent__code="410200", code__in=["410202", "410204"]).count() == 2


def publish_kaifeng_plan(page, live_server) -> Plan:
    visit(page, live_server, reverse("plans:list"))
    start_plan(page, title=TITLE, year=2025, region="开封", issuer="开封市", text=PLAN_TEXT)
    page.wait_for_selector("tr.proposal")
    jobs = page.locator("tr.proposal", has_text="5 万人")
    assert "城镇新增就业" in jobs.locator("td.series").inner_text(), jobs.inner_text()
    assert "龙亭区" in page.locator("tr.proposal", has_text="10%").inner_text()
    page.click("#review-counts button:has-text('全部按提议采纳')")
    page.wait_for_load_state("networkidle")
    assert page.locator("tr.proposal .status-pending").count() == 0

    page.click("#review-counts >> text=发布")
    page.wait_for_selector("h1:has-text('发布规划')")
    assert page.locator(".publish-blockers").count() == 0, page.text_content("main")
    page.click("form[action$='/publish/'] button[type=submit]")
    plan = Plan.objects.get(issuer__code="410200")
    page.wait_for_url(f"**{reverse('plans:detail', args=[plan.pk])}")
    assert "已发布" in page.text_content("main")
    return plan


def decompose_jobs(page, live_server, jobs: Target) -> None:
    visit(page, live_server, reverse("plans:assignments", args=[jobs.pk]))
    rows = page.locator("tr.blank")
    for n, (name, quota) in enumerate((("龙亭区", "0.8"), ("鼓楼区", "0.6"))):
        rows.nth(n).locator("select").select_option(label=name)
        rows.nth(n).locator("input").fill(quota)
    page.click("text=保存分解")
    page.wait_for_url(f"**{reverse('plans:target', args=[jobs.pk])}")
    assert page.text_content(".quota-total") == "1.4" and page.text_content(".quota-gap") == "-3.6"
    assert "尚未分解完" in page.text_content("main")


def report_jobs(page, live_server) -> None:
    visit(page, live_server, reverse("figures:entry") + "?unit=410202&period=2025")
    row = page.locator("table.entry tr", has_text="城镇新增就业")
    row.locator("input[name^=value-]").fill("0.85")
    row.locator("input[name^=source-]").fill("龙亭区人力资源和社会保障局年报")
    page.click("button:has-text('提交')")
    page.wait_for_load_state("networkidle")
    assert "待审核" in page.text_content("main")


def approve_jobs(page, live_server) -> None:
    visit(page, live_server, reverse("figures:review"))
    row = page.locator("tr", has_text="龙亭区").filter(has_text="0.85")
    row.locator("button:has-text('通过')").click()
    page.wait_for_selector("tr:has-text('龙亭区') >> text=已采用")


def jobs_card(page, live_server, plan: Plan):
    visit(page, live_server, reverse("dashboard:board") + f"?plan={plan.pk}&period=2025")
    return page.locator(".target-card", has_text="城镇新增就业").filter(has_text="龙亭区").first


def test_a_new_kaifeng_plan_goes_from_its_text_to_a_judged_district_quota_in_the_browser(
        live_server, henan_analyst, person):
    province = person("ha-analyst")
    import_henan(province, live_server)
    for username, role, code in (("kf-analyst", "analyst", "410200"), ("zz-analyst", "analyst", "410100"),
                                 ("lt-reporter", "reporter", "410202")):
        people.add_person(username, role=role, unit_code=code, password=PASSWORD)

    kaifeng = person("kf-analyst")
    plan = publish_kaifeng_plan(kaifeng, live_server)
    jobs = plan.targets.get(indicator="城镇新增就业", region_unit__code="410200")
    decompose_jobs(kaifeng, live_server, jobs)

    reporter = person("lt-reporter")
    report_jobs(reporter, live_server)
    approve_jobs(kaifeng, live_server)
    card = jobs_card(reporter, live_server, plan)
    assert card.get_attribute("data-status") == "green", card.inner_text()
    assert "正常" in card.inner_text() and "已完成" in card.inner_text() and "0.85" in card.inner_text()

    zhengzhou = person("zz-analyst")
    visit(zhengzhou, live_server, reverse("plans:list"))
    assert TITLE not in zhengzhou.text_content("main")
    for path in (reverse("plans:detail", args=[plan.pk]), reverse("plans:target", args=[jobs.pk])):
        assert visit(zhengzhou, live_server, path).status == 404, path
    assert set(zhengzhou.errors) == {NOT_FOUND}, "the only console errors are the two 404s asked for"
    zhengzhou.errors.clear()

    visit(province, live_server, reverse("plans:list"))
    assert TITLE in province.text_content("main")
