"""A verdict's reason kept as words: the Chinese reason is what the words say, and they read in another language
with a translation and a period label (lib has no Django: the caller brings both)."""

import json
from datetime import date

from luoshi.lib.judgement import Observation, TargetSpec, judge
from luoshi.lib.judgement.readings import SEASONAL
from luoshi.lib.judgement.words import render, replaced
from luoshi.lib.periods import parse

Y2023, H1 = parse("2023"), parse("2023H1")
GROWTH = TargetSpec(kind="growth", value=7, period=Y2023)
RETAIL = TargetSpec(kind="level", value=7000, period=Y2023, unit="亿元", commitment="力争")
ENGLISH = {"%(period)s%(figure)s,%(relation)s": "%(period)s%(figure)s, %(relation)s",
           "增长 %(n)s%%": " growth %(n)s%%", "低于目标": "below the target",
           "%(side)s %(n)s 个百分点": "%(n)s percentage points %(side)s"}


def english(words) -> str:
    return render(words, lambda m: ENGLISH.get(m, m), lambda code, full: parse(code).label_en)


def test_the_reason_is_what_the_words_say_in_chinese():
    verdicts = [judge(GROWTH, H1, [Observation(H1, None, 6.3)]),
                judge(RETAIL, parse("2023M09"), [Observation(H1, 3000.0)], today=date(2023, 10, 30), due_day=15),
                judge(GROWTH, Y2023, [Observation(Y2023, None, 7.4)]), judge(GROWTH, H1, [])]
    for verdict in verdicts:
        assert verdict.words is not None and json.loads(json.dumps(verdict.words)) == verdict.words
        assert render(verdict.words) == verdict.reason
    assert verdicts[0].reason == "上半年增长 6.3%,低于目标 0.7 个百分点"
    assert "2023年1–9月数据逾期未报 15 天" in verdicts[1].reason


def test_words_read_in_another_language():
    verdict = judge(GROWTH, H1, [Observation(H1, None, 6.3)])
    assert english(verdict.words) == "H1 2023 growth 6.3%, 0.7 percentage points below the target"


def test_a_message_is_replaced_where_it_is_in_the_words():
    words = {"m": "%(basis)s,x", "a": {"basis": {"m": SEASONAL}}}
    assert render(replaced(words, SEASONAL, "按投资计划进度推算")) == "按投资计划进度推算,x"
