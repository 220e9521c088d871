"""Publishing: blockers stop it, warnings are confirmed, and it can be undone (logged); the public follows."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from luoshi.core.models import ObjectChange
from luoshi.plans.models import Plan
from luoshi.review import decisions, publishing
from luoshi.review.drafting import create_plan_from_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaifeng_draft(kf_units, default_catalogue, kf_analyst, kf_text):
    return create_plan_from_text(kf_analyst, title="开封市2024年目标", year=2024, region="开封",
                                 issuer=kf_units["开封市"], text=kf_text)


def test_the_wiring_is_proposed_from_the_catalogue_and_the_places(kaifeng_draft, kf_units):
    proposals = list(kaifeng_draft.proposals.select_related("series", "region_unit", "owner"))
    assert {p.region_unit for p in proposals} == {kf_units["开封市"], kf_units["龙亭区"]}
    assert all(p.owner == p.region_unit and p.series is not None and not p.new_series for p in proposals)
    retail = next(p for p in proposals if "社会消费品" in p.indicator)
    assert retail.series.name == "社会消费品零售总额"


def test_no_targets_blocks_and_missing_owner_or_series_warn(kaifeng_draft, kf_analyst):
    for proposal in kaifeng_draft.proposals.all():
        decisions.reject(proposal, kf_analyst)
    readiness = publishing.readiness(kaifeng_draft)
    assert [g.message for g in readiness.blockers] == ["规划还没有目标"]
    with pytest.raises(publishing.PublishRefused, match="规划还没有目标"):
        publishing.publish(kaifeng_draft, kf_analyst, confirmed=True)

    gdp = kaifeng_draft.proposals.filter(indicator__contains="生产总值").first()
    decisions.accept(gdp, kf_analyst, owner=None, series=None, new_series=False)
    readiness = publishing.readiness(kaifeng_draft)
    assert not readiness.blockers and {g.target for g in readiness.warnings} == {gdp.target}
    assert any("没有责任单位" in g.message for g in readiness.warnings)
    assert any("没有统计指标" in g.message for g in readiness.warnings)
    with pytest.raises(publishing.PublishRefused, match="没有责任单位"):
        publishing.publish(kaifeng_draft, kf_analyst)
    publishing.publish(kaifeng_draft, kf_analyst, confirmed=True)
    assert kaifeng_draft.status == Plan.Status.PUBLISHED


def test_a_target_reported_by_its_owner_needs_no_series(kaifeng_draft, kf_analyst):
    for proposal in kaifeng_draft.proposals.all():
        decisions.accept(proposal, kf_analyst, series=None, new_series=False, reported_by_owner=True)
    assert publishing.readiness(kaifeng_draft).ready
    assert all(t.reported_by_owner and t.series is None for t in kaifeng_draft.targets.all())


def test_unpublishing_goes_back_to_draft_logged_and_the_public_page_follows(kaifeng_draft, kf_analyst, client):
    decisions.accept_all(kaifeng_draft, kf_analyst)
    publishing.publish(kaifeng_draft, kf_analyst)
    public = reverse("pledge:plan", args=[kaifeng_draft.pk])
    assert client.get(public).status_code == 200
    assert kaifeng_draft.title in client.get(reverse("pledge:index")).content.decode()

    publishing.unpublish(kaifeng_draft, kf_analyst)
    kaifeng_draft.refresh_from_db()
    assert kaifeng_draft.status == Plan.Status.DRAFT
    change = ObjectChange.objects.filter(changed_object_type=ContentType.objects.get_for_model(Plan),
                                         changed_object_id=kaifeng_draft.pk).first()
    assert change.user == kf_analyst
    assert (change.prechange_data["status"], change.postchange_data["status"]) == ("published", "draft")
    assert client.get(public).status_code == 404
    assert kaifeng_draft.title not in client.get(reverse("pledge:index")).content.decode()
    target = kaifeng_draft.targets.first()
    assert client.get(reverse("pledge:target", args=[target.pk])).status_code == 404


def test_the_publish_page_lists_warnings_with_links_and_asks_to_confirm(kaifeng_draft, kf_analyst, client):
    client.force_login(kf_analyst)
    decisions.accept_all(kaifeng_draft, kf_analyst)
    target = kaifeng_draft.targets.first()
    target.owner = None
    target.save()
    url = reverse("review:publish", args=[kaifeng_draft.pk])
    page = client.get(url).content.decode()
    assert "没有责任单位" in page and reverse("plans:target", args=[target.pk]) in page and "仍然发布" in page
    refused = client.post(url)
    assert refused.status_code == 200 and "发布前请确认" in refused.content.decode()
    kaifeng_draft.refresh_from_db()
    assert kaifeng_draft.status == Plan.Status.DRAFT
    assert client.post(url, {"confirmed": "1"}).url == reverse("plans:detail", args=[kaifeng_draft.pk])
    kaifeng_draft.refresh_from_db()
    assert kaifeng_draft.status == Plan.Status.PUBLISHED
    detail = client.get(reverse("plans:detail", args=[kaifeng_draft.pk])).content.decode()
    assert reverse("review:unpublish", args=[kaifeng_draft.pk]) in detail
    client.post(reverse("review:unpublish", args=[kaifeng_draft.pk]))
    kaifeng_draft.refresh_from_db()
    assert kaifeng_draft.status == Plan.Status.DRAFT


def test_the_review_table_shows_the_wiring_and_marks_unsure_fields(kaifeng_draft, kf_analyst, client):
    proposal = kaifeng_draft.proposals.filter(region_unit__code="410202").get()
    proposal.unsure = ["region", "value"]
    proposal.save()
    client.force_login(kf_analyst)
    page = client.get(reverse("review:plan", args=[kaifeng_draft.pk])).content.decode()
    assert "统计指标" in page and "地区生产总值" in page and "龙亭区" in page
    row = page[page.index(f'id="proposal-{proposal.pk}"'):]
    row = row[:row.index("</tr>")]
    assert row.count('title="请核对"') == 2
    edit = client.get(reverse("review:edit", args=[proposal.pk])).content.decode()
    assert 'unsure-field" title="请核对"' in edit and 'name="series"' in edit and 'name="region_unit"' in edit


def test_the_analyst_changes_the_series_and_region_in_the_same_table(kaifeng_draft, kf_analyst, kf_units, client):
    from django.forms import model_to_dict

    from luoshi.figures.models import Series

    proposal = kaifeng_draft.proposals.filter(region_unit__code="410202").get()
    data = {k: v for k, v in model_to_dict(proposal, fields=decisions.EDITABLE).items() if v is not None}
    income = Series.objects.get(name="一般公共预算收入")
    data.update(series=income.pk, region_unit=kf_units["鼓楼区"].pk, value="7")
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    client.force_login(kf_analyst)
    client.post(reverse("review:edit", args=[proposal.pk]), data)
    proposal.refresh_from_db()
    assert proposal.is_taken and proposal.target.series == income
    assert proposal.target.region_unit == kf_units["鼓楼区"]


def test_the_extractors_unsure_fields_are_copied_onto_the_proposal(kaifeng_draft):
    from luoshi.review.drafting import proposal_from

    start = kaifeng_draft.text.index("龙亭区")
    found = {"indicator": "地区生产总值", "value": 7, "unit": "%", "kind": "growth", "period": "2024",
             "region": "龙亭区", "span": [start, start + 12], "unsure": ["unit", "region"]}
    proposal = proposal_from(kaifeng_draft, found, {}, [])
    assert proposal.unsure == ["unit_of_measure", "region"] and proposal.new_series
    assert proposal.region_unit == kaifeng_draft.issuer


def test_accept_all_on_the_page_takes_every_pending_proposal_as_proposed(kaifeng_draft, kf_analyst, client):
    client.force_login(kf_analyst)
    page = client.get(reverse("review:plan", args=[kaifeng_draft.pk])).content.decode()
    assert "其余全部按提议采纳" in page
    response = client.post(reverse("review:accept_all", args=[kaifeng_draft.pk]), follow=True)
    assert "已按提议采纳 6 条目标" in response.content.decode()
    targets = kaifeng_draft.targets.active()
    assert targets.count() == 6 and not targets.filter(series__isnull=True).exists()
    assert publishing.readiness(kaifeng_draft).ready


def test_the_api_publishes_with_the_same_checks_and_unpublishes(kaifeng_draft, kf_analyst, client):
    client.force_login(kf_analyst)
    url = f"/api/v1/plans/{kaifeng_draft.pk}/publish"
    blocked = client.post(url, {}, content_type="application/json")
    assert blocked.status_code == 409 and blocked.json()["error"] == "规划不能发布"
    assert "6 条提议未审核" in blocked.json()["detail"][0]["reason"]
    decisions.accept_all(kaifeng_draft, kf_analyst)
    target = kaifeng_draft.targets.first()
    target.owner = None
    target.save()
    warned = client.post(url, {}, content_type="application/json")
    assert warned.status_code == 409 and warned.json()["detail"] == [
        {"target_id": target.pk, "reason": f"“{target.indicator}”没有责任单位"}]
    published = client.post(url, {"confirmed": True}, content_type="application/json")
    assert published.status_code == 200 and published.json()["status"] == "published"
    undone = client.post(f"/api/v1/plans/{kaifeng_draft.pk}/unpublish")
    assert undone.status_code == 200 and undone.json()["status"] == "draft"
    again = client.post(f"/api/v1/plans/{kaifeng_draft.pk}/unpublish")
    assert again.status_code == 409 and "尚未发布" in again.json()["error"]


def test_leaders_cannot_publish_through_the_api(kaifeng_draft, kf_units, client):
    from luoshi.accounts.models import User

    client.force_login(User.objects.create_user(username="kf-leader", password="pw", role=User.Role.LEADER,
                                                unit=kf_units["开封市"]))
    assert client.post(f"/api/v1/plans/{kaifeng_draft.pk}/publish", {"confirmed": True},
                       content_type="application/json").status_code == 403


def test_a_level_target_accumulates_as_its_series_is_published_whatever_its_wording(kf_units, default_catalogue,
                                                                                   kf_analyst):
    # 达到 reads like a standing total, but 进出口总额 is published as a year-to-date flow.
    plan = create_plan_from_text(kf_analyst, title="开封市外贸", year=2024, region="开封", issuer=kf_units["开封市"],
                                 text="2024年开封市外贸工作目标\n全市进出口总额达到320亿元。\n")
    proposal = plan.proposals.select_related("series").get()
    assert (proposal.series.name, proposal.series.accumulation, proposal.accumulation) == ("进出口总额", "flow", "flow")
