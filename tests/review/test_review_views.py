"""The review pages: analysts and admins only; htmx gets a row, a plain browser the page."""

import pytest
from django.urls import reverse

from luoshi.plans.models import Plan
from luoshi.review.models import Proposal

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def review_urls(plan: Plan) -> list[tuple[str, str]]:
    proposal = plan.proposals.first()
    return [
        ("get", reverse("review:new")), ("post", reverse("review:new")),
        ("get", reverse("review:plan", args=[plan.pk])), ("post", reverse("review:add", args=[plan.pk])),
        ("get", reverse("review:text", args=[plan.pk])), ("post", reverse("review:text", args=[plan.pk])),
        ("post", reverse("review:reextract", args=[plan.pk])), ("post", reverse("review:publish", args=[plan.pk])),
        ("get", reverse("review:publish", args=[plan.pk])), ("post", reverse("review:unpublish", args=[plan.pk])),
        ("post", reverse("review:accept_all", args=[plan.pk])),
        ("get", reverse("review:row", args=[proposal.pk])), ("post", reverse("review:accept", args=[proposal.pk])),
        ("get", reverse("review:edit", args=[proposal.pk])), ("post", reverse("review:edit", args=[proposal.pk])),
        ("post", reverse("review:reject", args=[proposal.pk])),
    ]


def test_anonymous_visitors_are_sent_to_login(client, draft):
    for method, url in review_urls(draft):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


@pytest.mark.parametrize("persona", ["jinshui_reporter", "erqi_reporter", "leader"])
def test_reporters_and_leaders_get_403_everywhere_and_change_nothing(request, client_for, draft, persona):
    client = client_for(request.getfixturevalue(persona))
    for method, url in review_urls(draft):
        assert getattr(client, method)(url).status_code == 403, url
        assert getattr(client, method)(url, **HTMX).status_code == 403, url
    assert not draft.proposals.exclude(status=Proposal.Status.PENDING).exists()
    assert Plan.objects.count() == 1 and not draft.targets.exists()


def test_links_to_the_review_are_shown_to_analysts_only(client_for, analyst, leader, plan):
    assert "新建规划" in client_for(analyst).get(reverse("plans:list")).content.decode()
    assert reverse("review:plan", args=[plan.pk]) in client_for(analyst).get(
        reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "新建规划" not in client_for(leader).get(reverse("plans:list")).content.decode()
    assert reverse("review:plan", args=[plan.pk]) not in client_for(leader).get(
        reverse("plans:detail", args=[plan.pk])).content.decode()


def new_plan_data(units, **extra) -> dict:
    return {"title": "东城市2024年目标", "year": 2024, "region": "东城", "issuer": units["郑州市"].pk, **extra}


def test_pasting_a_text_creates_the_draft_and_opens_its_review(client_for, admin_user, units, plan_text):
    response = client_for(admin_user).post(reverse("review:new"), new_plan_data(units, text=plan_text))
    plan = Plan.objects.get(title="东城市2024年目标")
    assert response.status_code == 302 and response.url == reverse("review:plan", args=[plan.pk])
    assert plan.status == Plan.Status.DRAFT and plan.proposals.count() == 3


def test_the_review_page_highlights_every_proposal_and_says_the_legend_in_words(client_for, analyst, draft):
    page = client_for(analyst).get(reverse("review:plan", args=[draft.pk])).content.decode()
    assert page.count('class="hl hl-pending"') == 3 + 1
    assert "待审核(虚线框)" in page and "已采纳(实线下划线)" in page and "已驳回(删除线)" in page
    assert "确保 1200 亿元" in page and "按选中文字添加目标" in page
    assert 'name="add-span_start"' in page and "luoshi/review.js" in page


def test_accepting_through_htmx_returns_the_row_and_the_rehighlighted_text(client_for, analyst, draft):
    fai = draft.proposals.get(value=1200)
    response = client_for(analyst).post(reverse("review:accept", args=[fai.pk]), **HTMX)
    fragment = response.content.decode()
    assert fragment.lstrip().startswith(f'<tr id="proposal-{fai.pk}"') and "已采纳" in fragment
    assert 'id="plan-text"' in fragment and 'hx-swap-oob="true"' in fragment and "hl-taken" in fragment
    assert "<html" not in fragment
    assert draft.targets.get().value == 1200


def test_without_htmx_a_decision_returns_to_the_page(client_for, analyst, draft):
    fai = draft.proposals.get(value=1200)
    response = client_for(analyst).post(reverse("review:reject", args=[fai.pk]))
    assert response.status_code == 302 and response.url.endswith(f"#proposal-{fai.pk}")
    fai.refresh_from_db()
    assert fai.status == Proposal.Status.REJECTED


def edit_data(proposal, **changes) -> dict:
    data = {"indicator": proposal.indicator, "value": proposal.value, "unit_of_measure": proposal.unit_of_measure,
            "kind": proposal.kind, "accumulation": proposal.accumulation, "period": proposal.period,
            "bound": proposal.bound, "bound_word": "", "commitment": proposal.commitment,
            "region": proposal.region, "front_name": proposal.front_name, "owner": "", "baseline": "",
            "baseline_period": "", "span_start": proposal.span_start, "span_end": proposal.span_end}
    return {**data, **changes}


def test_the_edit_form_has_every_field_and_saving_it_accepts_the_edit(client_for, analyst, draft, units):
    gdp = draft.proposals.get(value=6)
    client = client_for(analyst)
    form = client.get(reverse("review:edit", args=[gdp.pk]), **HTMX).content.decode()
    for field in ("indicator", "value", "unit_of_measure", "kind", "accumulation", "period", "bound", "bound_word",
                  "commitment", "region", "front_name", "owner", "baseline", "baseline_period", "span_start",
                  "span_end"):
        assert f'name="{field}"' in form, field
    data = edit_data(gdp, value="6.5", owner=units["郑州市发展和改革委员会"].pk, span_end=gdp.span_end - 2)
    row = client.post(reverse("review:edit", args=[gdp.pk]), data, **HTMX).content.decode()
    assert "修改后采纳" in row
    target = draft.targets.get()
    assert str(target.value) == "6.5000" and target.sentence == "全年地区生产总值增长6%"


def test_an_edit_with_a_span_outside_the_text_shows_the_form_again_with_the_reason(client_for, analyst, draft):
    gdp = draft.proposals.get(value=6)
    row = client_for(analyst).post(reverse("review:edit", args=[gdp.pk]), edit_data(gdp, span_end=9999),
                                   **HTMX).content.decode()
    assert "不在原文内" in row and 'class="editing"' in row and not draft.targets.exists()


def test_adding_by_selection_posts_the_span_and_fields(client_for, analyst, draft):
    clause = "高新技术企业总数突破800家"
    start = draft.text.index(clause)
    data = {f"add-{k}": v for k, v in edit_data(draft.proposals.get(value=800), indicator="高企", span_start=start,
                                                  span_end=start + len(clause)).items()}
    response = client_for(analyst).post(reverse("review:add", args=[draft.pk]), data)
    added = draft.proposals.get(status=Proposal.Status.ADDED)
    assert response.status_code == 302 and added.target.sentence == clause


def test_publishing_needs_every_proposal_decided(client_for, analyst, draft):
    client = client_for(analyst)
    response = client.post(reverse("review:publish", args=[draft.pk]), follow=True)
    assert "3 条提议未审核" in response.content.decode()
    for proposal in draft.proposals.all():
        client.post(reverse("review:accept", args=[proposal.pk]))
    assert "确认发布" in client.get(reverse("review:publish", args=[draft.pk])).content.decode()
    response = client.post(reverse("review:publish", args=[draft.pk]), {"confirmed": "1"})
    assert response.url == reverse("plans:detail", args=[draft.pk])
    draft.refresh_from_db()
    assert draft.status == Plan.Status.PUBLISHED


def test_editing_the_text_reports_what_the_re_extraction_did(client_for, analyst, draft, plan_text):
    response = client_for(analyst).post(reverse("review:text", args=[draft.pk]),
                                        {"text": "前言\n" + plan_text + "确保城镇新增就业8万人。\n"}, follow=True)
    assert "新增提议 1 条,重新定位 3 条" in response.content.decode()


def test_the_review_page_is_in_english_on_request(client_for, analyst, draft):
    client = client_for(analyst)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client.get(reverse("review:plan", args=[draft.pk])).content.decode()
    assert "Review targets" in page and "Pending (dashed box)" in page and "Add a target by selecting text" in page
