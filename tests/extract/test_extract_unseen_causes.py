"""Causes a measurer found on eight more unseen plans: a heading or colon line that sets the period of
the lines under it, December texts naming 明年, review passages, thresholds and time words next to a
real count, 万 inside a Chinese numeral, repeats, growth reached (达到), unit 场 and 街道.
Every sentence here is written for these tests."""

import pytest

from luoshi.lib.extract import extract
from luoshi.lib.extract.timing import plan_dating

KEYS = ("indicator", "value", "unit", "kind", "period", "bound", "commitment", "region")


def rows(text: str, **kwargs) -> list[tuple]:
    return [tuple(t[k] for k in KEYS) for t in extract(text, **kwargs)]


def values(text: str, **kwargs) -> list[tuple]:
    return [(t["value"], t["unit"], t["period"]) for t in extract(text, **kwargs)]


# 1. Period: a heading or a colon line governs the lines under it; 明年 in December; 五年内 = 今后五年.

MID_TERM = """漯河市“十四五”规划实施情况中期评估
2023年10月9日
一、实施进展
2022年,全市生产总值达到1812亿元,比2020年增长9.1%。
城镇化率达到56.8%,比2020年提高2.2个百分点。
二、调整后的目标
经综合评估,到2025年:
全市生产总值达到2100亿元左右;
城镇化率达到60%;
高新技术企业达到400家。
三、实施保障
"""


def test_a_colon_line_naming_a_later_year_governs_the_lines_under_it():
    assert values(MID_TERM) == [(2100, "亿元", "2025"), (60, "%", "2025"), (400, "家", "2025")]


def test_a_heading_naming_a_later_year_governs_its_section():
    text = "平顶山市2024年工作要点\n二、到2026年主要目标\n规模以上工业增加值年均增长7%;\n社会消费品零售总额达到1300亿元。\n"
    assert values(text) == [(7, "%", "2026"), (1300, "亿元", "2026")]


DECEMBER = """中共开封市委全会报告(摘要)
2025年12月26日
一、今年的工作
全市生产总值预计增长5.6%,2025年预计达到2950亿元。
二、今后五年和明年的目标
今后五年,全市生产总值年均增长6%左右。
五年内城乡居民收入翻一番。
明年,全市生产总值增长6%,固定资产投资增长7%,
一般公共预算收入增长4%。
确保城镇新增就业5万人以上。
"""


def test_a_december_text_naming_next_year_plans_next_year():
    assert plan_dating(DECEMBER).year == 2026
    assert values(DECEMBER) == [
        (6, "%", "2026-2030"), (1, "番", "2026-2030"), (6, "%", "2026"), (7, "%", "2026"), (4, "%", "2026"),
        (5, "万人", "2026"),
    ]


def test_next_year_in_a_text_of_spring_is_the_year_after():
    assert values("2024年3月1日\n明年,全县粮食产量稳定在60万吨。") == [(60, "万吨", "2025")]


# 2. Past results in a review part are no targets.

def test_results_of_the_year_reviewed_are_no_targets():
    text = ("睢县2025年政府工作报告\n一、2024年工作回顾\n过去一年,全县生产总值增长6.2%。\n"
            "全年新签约亿元以上项目35个,新增省级以上工程技术中心4家。\n二、2025年主要目标\n"
            "全年新签约亿元以上项目40个以上。\n")
    assert values(text) == [(40, "个", "2025")]


# 3. A threshold qualifies the noun and a time is a name: the count after them is the target.

@pytest.mark.parametrize(("sentence", "expected"), [
    ("全年引进项目200个以上,其中50亿元以上项目2个、5亿元以上项目30个。",
     [(200, "个"), (2, "个"), (30, "个")]),
    ("培育8个百亿级产业集群。", [(8, "个")]),
    ("每千人口拥有3岁以下婴幼儿托位数达到4个。", [(4, "个")]),
    ("打造“10分钟健身圈”60个。", [(60, "个")]),
    ("举办招才引智活动12场以上。", [(12, "场")]),
])
def test_the_count_after_a_threshold_or_a_time_is_the_target(sentence, expected):
    assert [(t["value"], t["unit"]) for t in extract(sentence, year=2025)] == expected


def test_a_count_per_head_of_people_is_a_share():
    assert [t["kind"] for t in extract("每千人口拥有执业医师达到3.2人。", year=2025)] == ["share"]


def test_a_slogan_of_two_classes_is_no_count():
    assert extract("全力打造两个万亿级产业集群。", year=2025) == []


# 4. 万 inside a Chinese numeral.

@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("全省软件业务收入突破三万二千亿元。", 32000, "亿元"),
    ("发行专项债券一万五千亿元。", 15000, "亿元"),
    ("新增城镇就业一千二百万人以上。", 1200, "万人"),
    ("研发投入达到一万亿元。", 1, "万亿元"),
])
def test_wan_inside_a_chinese_numeral_belongs_to_it(sentence, value, unit):
    assert [(t["value"], t["unit"]) for t in extract(sentence, year=2025)] == [(value, unit)]


# 5. A target stated in a headline and the body is one; a speech verb is no indicator.

def test_a_headline_and_the_body_give_one_target_with_the_strongest_modal():
    text = "对话驻马店市长:今年GDP确保增长6.5%\n记者:目标怎么定的?\n市长:今年我们提出GDP增长保6.5%、争7%。\n"
    found = [(t["indicator"], t["value"], t["commitment"]) for t in extract(text, year=2025)]
    assert found == [("地区生产总值(GDP)", 6.5, "确保"), ("地区生产总值(GDP)", 7, "争")]


# 6. 达到 X% after an amount's growth is still growth.

def test_reaching_a_rate_after_an_amounts_growth_is_growth():
    found = rows("规模以上工业增加值确保增长6%,力争达到7%。", year=2025, region="许昌")
    assert [(t[0], t[1], t[3], t[6]) for t in found] == [
        ("规模以上工业增加值", 6, "growth", "确保"), ("规模以上工业增加值", 7, "growth", "力争")]


def test_reaching_a_rate_of_a_ratio_is_a_share():
    found = rows("常住人口城镇化率提高1个百分点,力争达到62%。", year=2025, region="许昌")
    assert [t[3] for t in found] == ["growth", "share"]


# 8. 街道 named before the indicator own its targets; 街道 alone is no indicator.

def test_streets_named_before_the_indicator_own_their_targets():
    text = ("郑州市金水区2025年政府工作报告\n街道方面,文化路街道、丰产路街道分别新增市场主体800户、600户;"
            "经八路街道、花园路街道商品销售额均增长8%。\n杜岭街道力争完成固定资产投资20亿元。\n")
    found = extract(text, year=2025)
    assert [(t["region"], t["value"]) for t in found] == [
        ("文化路街道", 800), ("丰产路街道", 600), ("经八路街道", 8), ("花园路街道", 8), ("杜岭街道", 20)]
    assert all("region" in t["unsure"] for t in found)
    assert all(t["indicator"] and "街道" not in t["indicator"] for t in found)
    assert found[-1]["commitment"] == "力争"


def test_a_heading_of_planned_progress_is_no_review():
    text = "2024年2月1日\n三、重点工作进展安排\n全年建设5G基站3000个。\n"
    assert values(text) == [(3000, "个", "2024")]


def test_a_verb_before_the_word_street_is_no_street():
    found = extract("2025年,建设街道综合服务中心20个。", year=2025, region="鹤壁")
    assert [(t["value"], t["region"]) for t in found] == [(20, "鹤壁")]


def test_a_sentence_runs_on_after_a_line_broken_at_a_comma():
    text = "2024年6月1日\n明年,全市生产总值增长6%,\n固定资产投资增长8%。\n全年新增就业3万人。"
    assert values(text) == [(6, "%", "2025"), (8, "%", "2025"), (3, "万人", "2024")]
    assert [t["sentence"] for t in extract(text)][1] == "固定资产投资增长8%"


def test_an_amount_written_after_its_verb_is_named_by_the_noun_after_it():
    found = extract("拟发行一万二千亿元特别国债。", year=2025)
    assert [(t["indicator"], t["value"], t["unit"]) for t in found] == [("拟发行特别国债", 12000, "亿元")]
