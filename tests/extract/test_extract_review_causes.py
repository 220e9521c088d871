"""Causes a reviewer found on two unseen plans: days counted, deadlines within the year, functional
zones, the measured thing as the indicator, time phrases as fronts, baselines of a multiple and
the sessions of local congresses. Every sentence here is written for these tests."""

import pytest

from luoshi.lib.extract import extract
from luoshi.lib.extract.timing import plan_year

KEYS = ("indicator", "value", "unit", "kind", "period", "bound", "region")


def read(text: str, **kwargs) -> list[dict]:
    return extract(text, **({"year": 2025, "region": "新乡"} | kwargs))


def rows(text: str, **kwargs) -> list[tuple]:
    return [tuple(t[k] for k in KEYS) for t in read(text, **kwargs)]


# 1. Days of a quality indicator are counted; times are not targets.

@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年空气质量优良天数达到260天以上。", ("空气质量优良天数", 260, "天", "count", "2025", "min", "新乡")),
    ("环境空气优良天数不少于275天。", ("环境空气优良天数", 275, "天", "count", "2025", "min", "新乡")),
    ("重污染天数控制在6天以内。", ("重污染天数", 6, "天", "reduction", "2025", "max", "新乡")),
])
def test_days_of_a_quality_indicator_are_a_count(sentence, expected):
    assert rows(sentence) == [expected]


def test_days_counted_add_up_over_the_year():
    assert [t["accumulation"] for t in read("全年空气质量优良天数达到260天以上。")] == ["flow"]


@pytest.mark.parametrize("sentence", [
    "企业开办时间压缩至1天,不动产登记压缩至3天。",
    "工程建设项目审批时限压缩到40天以内。",
    "打造15分钟便民生活圈,群众办事最多跑一次。",
])
def test_a_time_in_days_is_no_target(sentence):
    assert rows(sentence) == []


# 2. A deadline within the year sets the period it closes, marked unsure; a milestone is a target.

@pytest.mark.parametrize(("sentence", "period"), [
    ("2025年9月底前完成棚户区改造80个。", "2025Q1-3"),
    ("6月底前新建5G基站600个。", "2025H1"),
    ("3月底前开工重点项目40个。", "2025Q1"),
    ("5月底前完成农村户厕改造3000户。", "2025M05"),
    ("前三季度规上工业增加值增长6.5%。", "2025Q1-3"),
])
def test_a_deadline_within_the_year_sets_its_period_unsure(sentence, period):
    targets = read(sentence)
    assert [t["period"] for t in targets] == [period]
    assert "period" in targets[0]["unsure"]


def test_a_deadline_at_the_years_end_is_the_year_and_not_unsure():
    targets = read("城东片区6月底前开工建设,年底前实现产值20亿元。")
    assert [(t["kind"], t["period"], "period" in t["unsure"]) for t in targets] == [
        ("milestone", "2025H1", True), ("level", "2025", False)]


def test_a_step_due_by_a_deadline_is_a_milestone():
    targets = read("一、交通建设。市民服务中心8月底前建成投用,力争市体育中心年底前全面建成。")
    assert [(t["indicator"], t["value"], t["unit"], t["kind"], t["period"], t["commitment"]) for t in targets] == [
        ("市民服务中心建成投用", 1, "", "milestone", "2025M08", ""),
        ("市体育中心全面建成", 1, "", "milestone", "2025", "力争"),
    ]
    assert {t["front"] for t in targets} == {"交通建设"}


@pytest.mark.parametrize("sentence", ["去年6月底前建成通车。", "该项目已于4月底前建成投用。", "各项工作6月底前推进。"])
def test_past_or_vague_steps_are_no_milestones(sentence):
    assert read(sentence) == []


# 3. A named zone or district before the indicator is the target's region.

def test_a_zone_of_the_city_is_the_region_and_unsure():
    targets = read("新乡综合保税区进出口总额达到15亿元,高新区规上工业增加值增长10%。")
    assert [(t["indicator"], t["region"], "region" in t["unsure"]) for t in targets] == [
        ("进出口总额", "新乡综合保税区", True), ("规上工业增加值", "高新区", True)]


def test_zones_listed_share_a_value_and_the_whole_city_comes_back():
    targets = read("经开区、高新区营业收入均增长12%,全市研发经费投入增长8%。")
    assert [(t["indicator"], t["region"]) for t in targets] == [
        ("营业收入", "经开区"), ("营业收入", "高新区"), ("研发经费投入", "新乡")]


def test_a_known_district_stays_a_sure_region():
    targets = read("红旗区生产总值增长6%,全市生产总值增长5.5%。")
    assert [(t["region"], "region" in t["unsure"]) for t in targets] == [("红旗区", False), ("新乡", False)]


def test_building_a_zone_is_no_region():
    assert [t["region"] for t in read("加快高新区建设,全市高新技术企业达到400家。")] == ["新乡"]


# 4. The indicator is the measured thing: the projects' investment, the firms counted.

@pytest.mark.parametrize(("sentence", "indicator"), [
    ("实施省市重点项目260个,完成投资1100亿元。", "省市重点项目完成投资"),
    ("全市重点项目全年完成投资900亿元。", "重点项目完成投资"),
    ("滚动推进亿元以上项目500个,完成投资1300亿元。", "亿元以上项目完成投资"),
])
def test_a_bare_investment_belongs_to_the_projects_of_the_sentence(sentence, indicator):
    assert [t["indicator"] for t in read(sentence) if t["unit"] == "亿元"] == [indicator]


@pytest.mark.parametrize(("sentence", "indicator", "unit"), [
    ("新增高新技术企业120家。", "高新技术企业", "家"),
    ("新增科技型中小企业300个。", "科技型中小企业", "个"),
    ("新增省级专精特新企业50家。", "省级专精特新企业", "家"),
])
def test_new_things_counted_are_a_flow_of_those_things(sentence, indicator, unit):
    assert [(t["indicator"], t["unit"], t["accumulation"]) for t in read(sentence)] == [(indicator, unit, "flow")]


def test_new_jobs_keep_their_name():
    assert [t["indicator"] for t in read("城镇新增就业5万人。")] == ["城镇新增就业"]


# 5. A time phrase is never a front.

@pytest.mark.parametrize("heading", ["（三）到2027年", "（三）今年", "（三）“十四五”期间", "（三）2025年"])
def test_a_time_phrase_is_never_a_front(heading):
    targets = read(f"（二）扩大开放。进出口总额增长5%。\n{heading},研发投入强度达到2.5%。")
    assert [t["front"] for t in targets] == ["扩大开放", ""]


# A multiple of a past year is a baseline, not a past result.

@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("到2030年,全市生产总值达到2020年的两倍。", 2, "倍"),
    ("到2030年,城乡居民收入比2020年翻一番。", 1, "番"),
    ("到2030年,全市生产总值较2020年增长50%。", 50, "%"),
])
def test_a_past_year_as_baseline_does_not_make_a_past_result(sentence, value, unit):
    targets = read(sentence)
    assert [(t["value"], t["unit"], t["period"]) for t in targets] == [(value, unit, "2030")]
    assert "2020" not in targets[0]["indicator"]


# Local congress sessions date a text with no dateline.

@pytest.mark.parametrize(("text", "year"), [
    ("政府工作报告\n——在新乡市第十六届人民代表大会第四次会议上\n2023年全市生产总值增长4%。今年生产总值增长6%。", 2024),
    ("政府工作报告\n在河南省第十四届人民代表大会第三次会议上\n2024年全省生产总值增长5%。今年增长5.5%。", 2025),
    ("政府工作报告\n在新乡市第十六届人民代表大会第二次会议上\n2021年全市生产总值增长6%。今年增长7%。", 2022),
])
def test_a_local_congress_session_dates_a_text_without_a_dateline(text, year):
    assert plan_year(text) == year


def test_a_session_alone_guesses_no_year():
    assert plan_year("政府工作报告\n在某市第十七届人民代表大会第五次会议上\n今年生产总值增长6%。") is None


def test_a_dateline_wins_over_the_session():
    text = "政府工作报告\n——2026年1月12日在新乡市第十六届人民代表大会第四次会议上\n今年生产总值增长6%。"
    assert plan_year(text) == 2026
