import copy
import json

import pytest

from luoshi.demo import loader
from luoshi.plans.models import Plan
from luoshi.review.review_file import ReviewFileError
from luoshi.review.stored import create_reviewed_plan


@pytest.fixture
def review():
    data = json.loads(loader.PLAN_REVIEW.read_text(encoding="utf-8"))
    text = (loader.DATA / data["plan"]["text_file"]).read_text(encoding="utf-8")
    return data, text


def test_seed_plan_has_six_fronts_and_twelve_targets_on_their_sentences(plan):
    assert [f.name for f in plan.fronts.all()] == ["经济发展", "创新引领", "产业迭代", "枢纽经济", "城市治理", "营商环境"]
    targets = list(plan.targets.all())
    assert len(targets) == 12
    for target in targets:
        assert plan.text[target.span_start:target.span_end] == target.sentence
    fai = plan.targets.get(indicator="固定资产投资", kind="level")
    assert (fai.value, fai.unit_of_measure, fai.commitment, fai.period) == (7000, "亿元", "确保", "2023")
    assert fai.sentence == "确保全年完成固定资产投资7000亿元"
    assert fai.front.name == "经济发展"
    talents = plan.targets.get(indicator__contains="青年人才")
    assert (talents.period, talents.front.name, talents.accumulation) == ("2023-2027", "创新引领", "flow")


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d["targets"][0].update(owner="nowhere"), r"targets\[0\].*no unit with code 'nowhere'"),
    (lambda d: d["targets"][1].update(value="七千"), r"targets\[1\].*'七千' is not a number"),
    (lambda d: d["targets"][2].update(span=[10, 5]), r"targets\[2\].*outside the text"),
    (lambda d: d["targets"][2].update(front="不存在"), r"targets\[2\].*front '不存在'"),
    (lambda d: d["plan"].pop("title"), r"missing field 'title'"),
])
def test_bad_review_entries_name_the_entry_and_field(series, review, mutate, message):
    data, text = review
    bad = copy.deepcopy(data)
    mutate(bad)
    with pytest.raises(ReviewFileError, match=message):
        create_reviewed_plan(bad, text)
    assert not Plan.objects.exists()
