"""The review in a real browser: paste a text, accept two proposals, edit one, reject one, see the targets."""

from urllib.parse import urlparse

import pytest
from django.urls import reverse

from luoshi.accounts.models import User
from luoshi.demo import loader
from luoshi.plans.models import Plan
from luoshi.review.models import Proposal
from luoshi.units.models import Unit
from tests.browser.conftest import start_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TEXT = (
    "西城市2024年发展目标\n"
    "一是在经济发展上稳中求进。全年地区生产总值增长5.5%左右；确保固定资产投资完成900亿元。\n"
    "二是在民生保障上尽力而为。确保城镇新增就业6万人，力争高新技术企业总数突破400家。\n"
)


@pytest.fixture
def browser_page(live_server, monkeypatch):
    sync_api = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.errors, page.foreign = [], []
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        host = urlparse(live_server.url).netloc
        page.on("request", lambda r: urlparse(r.url).netloc != host and page.foreign.append(r.url))
        yield page
        browser.close()


def row_of(page, value: str):
    return page.locator("tr.proposal", has_text=value)


def test_an_analyst_reviews_a_pasted_plan_in_the_browser(live_server, browser_page):
    loader.load_units()
    User.objects.create_user(username="ana", password="pw-ana", role=User.Role.ANALYST,
                             unit=Unit.objects.get(name="郑州市"))
    page = browser_page
    page.goto(live_server.url + reverse("login"))
    page.fill("input[name=username]", "ana")
    page.fill("input[name=password]", "pw-ana")
    page.click("form button[type=submit]")

    page.goto(live_server.url + reverse("plans:list"))
    start_plan(page, title="西城市2024年目标", year=2024, region="西城", issuer="郑州市", text=TEXT)
    page.wait_for_selector("#plan-text mark.hl-pending")
    assert page.locator("tr.proposal").count() == 4

    for value in ("确保 900 亿元", "确保 6 万人"):
        row_of(page, value).locator("button", has_text="采纳").click()
        page.wait_for_selector(f"tr.proposal:has-text('{value}') .status-accepted")
    assert page.locator("#plan-text mark.hl-taken").count() >= 2

    row_of(page, "5.5%").locator("a", has_text="编辑").click()
    editing = page.locator("tr.editing")
    editing.locator("input[name=indicator]").fill("地区生产总值(GDP)")
    end = editing.locator("input[name=span_end]")
    end.fill(str(int(end.input_value()) - 2))
    editing.locator("button", has_text="保存并采纳").click()
    page.wait_for_selector("tr.proposal:has-text('地区生产总值(GDP)') .status-edited")

    row_of(page, "400").locator("button", has_text="驳回").click()
    page.wait_for_selector("tr.proposal:has-text('400') .status-rejected")
    assert page.locator("#plan-text mark.hl-rejected").count() == 1

    clause = "城镇新增就业6万人"
    page.evaluate("""clause => {
        const box = document.getElementById("plan-text");
        const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode()) && !node.data.includes(clause)) {}
        const range = document.createRange();
        range.setStart(node, node.data.indexOf(clause));
        range.setEnd(node, node.data.indexOf(clause) + clause.length);
        getSelection().removeAllRanges(); getSelection().addRange(range);
        document.dispatchEvent(new MouseEvent("mouseup"));
    }""", clause)
    start = TEXT.index(clause)
    assert page.input_value("input[name=add-span_start]") == str(start)
    assert page.input_value("input[name=add-span_end]") == str(start + len(clause))
    assert page.text_content("#add-selection") == clause

    page.click("#review-counts >> text=发布")
    page.click("text=确认发布")
    page.wait_for_url(f"**{reverse('plans:detail', args=[Plan.objects.get().pk])}")
    body = page.text_content("main")
    for text in ("确保 900 亿元", "确保 6 万人", "地区生产总值(GDP)", "全年地区生产总值增长5.5%"):
        assert text in body
    assert "400 家" not in body and "已发布" in body
    assert page.errors == [] and page.foreign == []

    plan = Plan.objects.get()
    assert plan.status == Plan.Status.PUBLISHED and plan.targets.active().count() == 3
    assert sorted(plan.proposals.values_list("status", flat=True)) == sorted(
        [Proposal.Status.ACCEPTED, Proposal.Status.ACCEPTED, Proposal.Status.EDITED, Proposal.Status.REJECTED])
