"""Creating a plan from its text, then accepting, editing, rejecting and adding its targets."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.core.models import ObjectChange
from luoshi.plans.models import Plan, Target
from luoshi.review import decisions, publishing
from luoshi.review.drafting import create_plan_from_text
from luoshi.review.models import Proposal

pytestmark = pytest.mark.django_db


def proposal(plan, value) -> Proposal:
    return plan.proposals.get(value=value)


def test_a_new_plan_is_a_draft_with_its_fronts_and_pending_proposals(draft, plan_text):
    assert draft.status == Plan.Status.DRAFT and draft.text == plan_text
    assert [(f.name, f.heading, draft.text[f.span_start:f.span_end]) for f in draft.fronts.all()] == [
        ("经济发展", "一、经济发展", "一、经济发展"), ("科技创新", "二、科技创新", "二、科技创新")]
    assert sorted(draft.proposals.values_list("value", flat=True)) == [6, 800, 1200]
    for p in draft.proposals.all():
        assert p.status == Proposal.Status.PENDING and draft.text[p.span_start:p.span_end] == p.sentence
    assert not draft.targets.exists()


def test_line_breaks_are_stored_as_the_browser_counts_them(analyst, units, plan_text):
    plan = create_plan_from_text(analyst, title="t", year=2024, region="东城", issuer=units["郑州市"],
                                 text=plan_text.replace("\n", "\r\n"))
    assert plan.text == plan_text
    fai = proposal(plan, 1200)
    assert plan.text[fai.span_start:fai.span_end] == "确保固定资产投资完成1200亿元"


def test_accepting_makes_the_target_with_its_provenance(draft, analyst):
    fai = proposal(draft, 1200)
    target = decisions.accept(fai, analyst)
    assert fai.status == Proposal.Status.ACCEPTED and fai.target == target
    assert (target.indicator, target.value, target.unit_of_measure, target.kind, target.commitment) == (
        "固定资产投资", 1200, "亿元", "level", "确保")
    assert target.sentence == "确保固定资产投资完成1200亿元" and target.front.name == "经济发展"
    assert ObjectChange.objects.filter(user=analyst, object_repr=str(target)).exists()


def test_editing_every_field_and_the_span_accepts_the_edited_target(draft, analyst, units):
    gdp = proposal(draft, 6)
    start = draft.text.index("地区生产总值增长")
    target = decisions.accept(gdp, analyst, indicator="GDP", value=Decimal("6.5"), bound="min", bound_word="以上",
                              commitment="力争", owner=units["郑州市发展和改革委员会"], span_start=start,
                              span_end=start + len("地区生产总值增长6%"))
    assert gdp.status == Proposal.Status.EDITED
    assert (target.indicator, target.value, target.bound, target.commitment) == ("GDP", Decimal("6.5"), "min", "力争")
    assert target.sentence == gdp.sentence == "地区生产总值增长6%"
    assert target.owner == units["郑州市发展和改革委员会"]


@pytest.mark.parametrize(("start", "end"), [(10, 10), (40, 30), (-1, 5), (0, 10_000)])
def test_a_span_outside_the_text_or_empty_is_refused(draft, analyst, start, end):
    with pytest.raises(ValidationError, match="不在原文内"):
        decisions.accept(proposal(draft, 6), analyst, span_start=start, span_end=end)
    assert not Target.objects.exists()


def test_a_blank_span_is_refused(draft, analyst):
    newline = draft.text.index("\n")
    with pytest.raises(ValidationError, match="只有空白"):
        decisions.accept(proposal(draft, 6), analyst, span_start=newline, span_end=newline + 1)


def test_rejecting_archives_a_target_and_accepting_again_restores_it(draft, analyst):
    fai = proposal(draft, 1200)
    target = decisions.accept(fai, analyst)
    decisions.reject(fai, analyst)
    target.refresh_from_db()
    assert fai.status == Proposal.Status.REJECTED and target.archived
    assert not draft.targets.active().exists()
    assert decisions.accept(fai, analyst).pk == target.pk
    target.refresh_from_db()
    assert not target.archived


def test_rejecting_the_rest_logs_each_rejection_as_one_by_one_would(draft, analyst):
    fai = proposal(draft, 1200)
    decisions.accept(fai, analyst)
    assert decisions.reject_rest(draft, analyst) == 2
    assert {p.value: p.status for p in draft.proposals.all()} == {
        1200: Proposal.Status.ACCEPTED, 6: Proposal.Status.REJECTED, 800: Proposal.Status.REJECTED}
    logged = ObjectChange.objects.filter(changed_object_type__model="proposal", action=ObjectChange.Action.UPDATE,
                                         postchange_data__status=Proposal.Status.REJECTED)
    assert sorted(c.changed_object_id for c in logged) == sorted(
        draft.proposals.filter(status=Proposal.Status.REJECTED).values_list("pk", flat=True))
    assert {(c.prechange_data["status"], c.user_name, c.unit_id) for c in logged} == {
        (Proposal.Status.PENDING, analyst.username, draft.issuer_id)}
    assert decisions.reject_rest(draft, analyst) == 0 and not draft.targets.filter(archived=True).exists()


def test_adding_by_selection_makes_a_target_on_the_selected_clause(draft, analyst):
    clause = "高新技术企业总数突破800家"
    start = draft.text.index(clause)
    added = decisions.add_from_selection(draft, analyst, start, start + len(clause), {
        "indicator": "高新技术企业", "value": Decimal(800), "unit_of_measure": "家", "kind": "count",
        "period": "2024", "bound": "min", "front_name": "科技创新", "accumulation": "stock"})
    assert added.status == Proposal.Status.ADDED and added.target.sentence == clause
    assert added.target.front.name == "科技创新" and added.target.region == "东城"


def test_publishing_waits_until_every_proposal_is_decided(draft, analyst):
    with pytest.raises(ValidationError, match="3 条提议未审核"):
        publishing.publish(draft, analyst)
    for p in draft.proposals.all():
        decisions.accept(p, analyst)
    assert publishing.publish(draft, analyst).ready and draft.status == Plan.Status.PUBLISHED


def test_targets_are_numbered_in_reading_order_whatever_order_they_are_accepted_in(draft, analyst):
    for p in draft.proposals.order_by("-span_start"):
        decisions.accept(p, analyst)
    assert list(draft.targets.order_by("order").values_list("value", flat=True)) == [6, 1200, 800]


def test_only_analysts_and_admins_review(draft, leader, jinshui_reporter):
    for person in (leader, jinshui_reporter):
        with pytest.raises(PermissionDenied):
            decisions.accept(proposal(draft, 6), person)
        with pytest.raises(PermissionDenied):
            decisions.reject(proposal(draft, 6), person)
    assert not draft.targets.exists()
