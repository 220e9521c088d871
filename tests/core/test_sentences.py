"""A verdict's reason in the reader's language, from the English catalogue."""

from django.utils import translation

from luoshi.core.labels import sentence
from luoshi.lib.judgement import Observation, TargetSpec, judge
from luoshi.lib.periods import parse


def test_a_verdict_reads_in_english_and_stays_as_judged_in_chinese():
    h1 = parse("2023H1")
    verdict = judge(TargetSpec(kind="growth", value=7, period=parse("2023")), h1, [Observation(h1, None, 6.3)])
    assert sentence(verdict.words, verdict.reason) == "上半年增长 6.3%,低于目标 0.7 个百分点"
    with translation.override("en"):
        assert sentence(verdict.words, verdict.reason) == "H1 2023 growth 6.3%, 0.7 percentage points below the target"
        assert sentence(None, "无数据") == "无数据"  # a row kept before words were: as it was said
