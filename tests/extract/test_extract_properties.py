"""Extraction never crashes, on any text, and what it returns is well-formed."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.lib.extract import extract
from luoshi.lib.extract.folding import fold, fold_script

KINDS = {"level", "count", "growth", "share", "reduction"}
BOUNDS = {"min", "max", "approx", "exact"}
COMMITMENTS = {"", "确保", "力争", "保", "争"}

PLAN_SENTENCES = [
    "确保全年地区生产总值增长6.5%左右,固定资产投资突破3000亿元、增长12%以上;",
    "力争一季度社会消费品零售总额800亿元以上,全年突破3500亿元。",
    "五年内引进培育青年人才50万人,新建省级以上研发平台80家。",
    "居民消费价格涨幅控制在3%以内,城镇调查失业率控制在5.5%左右。",
    "开封、洛阳等市将生产总值增长目标定为7%,南阳提出“保8%、争9%”。",
    "到2025年,全市研发投入强度达到3%,常住人口城镇化率提高1.5个百分点。",
    "一是在经济发展上勇挑大梁。滚动实施“三个一批”,打造两个万亿级产业集群。",
    "全年推进总投资2000亿元的300个500万元以上项目,新开工千万元以上项目不低于100个。",
    "人均生产总值从目前的10.5万元提高到一千五百亿元、两成、百万、6.5%-7%。",
]
PUNCTUATION = ",，。;；:：、%％“”()（）-—~ \n0123456789.万亿元个家"
mutation = st.tuples(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=6),
                     st.text(alphabet=PUNCTUATION + string.ascii_letters + "确保力争以上以下左右", max_size=4))


def check(targets: list[dict], text: str) -> None:
    for target in targets:
        start, end = target["span"]
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == target["sentence"]
        assert target["kind"] in KINDS
        assert target["bound"] in BOUNDS
        assert target["commitment"] in COMMITMENTS
        assert isinstance(target["value"], int | float)
        assert target["accumulation"] in {"", "flow", "stock"}
        assert set(target["unsure"]) <= {"indicator", "period", "region", "kind"}


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_it_never_crashes_on_arbitrary_text(text):
    check(extract(text), text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PLAN_SENTENCES), min_size=1, max_size=5), st.lists(mutation, max_size=8),
       st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
def test_it_never_crashes_on_mutated_plan_sentences(sentences, mutations, year):
    text = "".join(sentences)
    for position, length, insert in mutations:
        position %= len(text) + 1
        text = text[:position] + insert + text[position + length:]
    check(extract(text, year=year), text)


TRADITIONAL = str.maketrans("确万亿长产区县资额实现业总争划标发农镇乡",
                            "確萬億長產區縣資額實現業總爭劃標發農鎮鄉")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_folding_keeps_the_length_and_every_span_inside_the_text(text):
    assert len(fold_script(text)) == len(text)
    folded = fold(text)
    for start in range(0, len(folded.text) + 1, 7):
        first, last = folded.span(start, len(folded.text))
        assert 0 <= first <= last <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(PLAN_SENTENCES), min_size=1, max_size=4))
def test_traditional_script_reads_the_same_values_as_simplified(sentences):
    text = "".join(sentences)
    simplified = [(t["value"], t["unit"], t["kind"], t["bound"], t["span"]) for t in extract(text, year=2023)]
    traditional_text = text.translate(TRADITIONAL)
    traditional = extract(traditional_text, year=2023)
    check(traditional, traditional_text)
    assert [(t["value"], fold_script(t["unit"]), t["kind"], t["bound"], t["span"]) for t in traditional] == simplified
