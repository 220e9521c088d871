"""The demo plan is made the analyst's way (extraction + the stored review) and comes out as reviewed."""

import json

import pytest

from luoshi.demo import loader
from luoshi.plans.models import Plan
from luoshi.plans.review_file import ReviewFileError, import_review
from luoshi.review.models import Proposal
from luoshi.review.stored import create_reviewed_plan

pytestmark = pytest.mark.django_db
TARGET_FIELDS = ("order", "indicator", "kind", "accumulation", "value", "unit_of_measure", "period", "bound",
                 "bound_word", "commitment", "region", "owner_id", "baseline", "baseline_period",
                 "span_start", "span_end", "archived")


def review_file(*, series: bool = True):
    """The demo's reviewed plan file and text; without the statistical series, no series need loading."""
    data = json.loads(loader.PLAN_REVIEW.read_text(encoding="utf-8"))
    for entry in data["targets"] if not series else ():
        entry.pop("series", None)
    return data, (loader.DATA / data["plan"]["text_file"]).read_text(encoding="utf-8")


def described(plan: Plan) -> dict:
    return {
        "plan": [plan.title, plan.year, plan.region, plan.issuer_id, plan.status, plan.text, plan.source_title,
                 plan.source_publisher, plan.source_date, plan.source_url],
        "fronts": [(f.order, f.name, f.heading, f.span_start, f.span_end) for f in plan.fronts.all()],
        "targets": [(*(getattr(t, f) for f in TARGET_FIELDS), t.front.name if t.front else None)
                    + tuple(getattr(t, f, None) and getattr(t, f).pk for f in ("series", "region_unit"))
                    for t in plan.targets.order_by("order", "pk")],
    }


def test_the_demo_plan_is_the_reviewed_file_exactly(plan):
    reference = import_review(*review_file())
    assert described(plan) == described(reference)


def test_every_proposal_of_the_demo_is_decided_and_tells_how(plan):
    statuses = dict(plan.proposals.values_list("span_start", "status").filter(span_start=734, value=7000))
    assert statuses == {734: Proposal.Status.EDITED}, "the analyst shortened the investment clause"
    assert not plan.proposals.undecided().exists()
    taken = plan.proposals.filter(status__in=Proposal.TAKEN)
    assert taken.count() == 12 and all(p.target_id for p in taken)
    assert plan.targets.get(indicator="地区生产总值").proposals.get().status == Proposal.Status.ACCEPTED


def test_a_reviewed_target_the_extractor_missed_is_added_and_an_unreviewed_proposal_rejected(units):
    data, text = review_file(series=False)
    data["targets"][0].update(value=8, sentence="地区生产总值增长7%", span=[592, 602])
    data["targets"] = data["targets"][:6]
    plan = create_reviewed_plan(data, text)
    assert plan.targets.count() == 6
    assert plan.proposals.get(status=Proposal.Status.ADDED).target.value == 8
    assert plan.proposals.filter(status=Proposal.Status.REJECTED).count() == 12 - 5


def test_a_review_whose_span_misses_its_sentence_is_refused_and_nothing_written(units):
    data, text = review_file(series=False)
    data["targets"][3]["span"] = [data["targets"][3]["span"][0] + 1, data["targets"][3]["span"][1] + 1]
    with pytest.raises(ReviewFileError, match=r"targets\[3\] \(社会消费品零售额\): the text at"):
        create_reviewed_plan(data, text)
    assert not Plan.objects.exists() and not Proposal.objects.exists()
