"""The demo plan is made the analyst's way (extraction + the stored review) and comes out as reviewed."""

import json

import pytest

from luoshi.demo import loader
from luoshi.plans.models import Plan
from luoshi.review.models import Proposal
from luoshi.review.review_file import ReviewFileError, series_by_name
from luoshi.review.stored import create_reviewed_plan

pytestmark = pytest.mark.django_db


def review_file(*, series: bool = True):
    """The demo's reviewed plan file and text; without the statistical series, no series need loading."""
    data = json.loads(loader.PLAN_REVIEW.read_text(encoding="utf-8"))
    for entry in data["targets"] if not series else ():
        entry.pop("series", None)
    return data, (loader.DATA / data["plan"]["text_file"]).read_text(encoding="utf-8")


def as_reviewed(target) -> dict:
    """A stored target in the file's own terms."""
    return {
        "indicator": target.indicator, "value": float(target.value), "unit": target.unit_of_measure,
        "kind": target.kind, "period": target.period, "bound": target.bound, "bound_word": target.bound_word,
        "commitment": target.commitment, "region": target.region, "sentence": target.sentence,
        "span": [target.span_start, target.span_end], "front": target.front.name if target.front else None,
        "owner": target.owner.code if target.owner else None, "accumulation": target.accumulation,
        "series": target.series.name if target.series else None,
        "baseline": float(target.baseline) if target.baseline is not None else None,
        "baseline_period": target.baseline_period,
    }


def test_the_demo_plan_is_the_reviewed_file_exactly(plan):
    data, text = review_file()
    assert (plan.title, plan.year, plan.region, plan.issuer.code, plan.status, plan.text) == (
        data["plan"]["title"], data["plan"]["year"], data["plan"]["region"], data["plan"]["issuer"],
        data["plan"]["status"], text)
    assert [(f.name, f.heading, [f.span_start, f.span_end]) for f in plan.fronts.all()] == [
        (f["name"], f["heading"], f["span"]) for f in data["fronts"]]
    expected = [{"baseline": None, "baseline_period": "", **{k: v for k, v in t.items() if k != "baseline_source"}}
                for t in data["targets"]]
    for entry in expected:
        if entry.get("series"):  # the file may name a series by an alias (新建省级以上创新引领型平台)
            entry["series"] = series_by_name(entry["series"], "series").name
        entry["value"] = float(entry["value"])
        entry["baseline"] = float(entry["baseline"]) if entry["baseline"] is not None else None
    assert [as_reviewed(t) for t in plan.targets.order_by("order", "pk")] == expected
    assert {t.region_unit.code for t in plan.targets.all()} == {"410100"}


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
