"""Chinese and mixed numerals are read right, and words containing numeral characters are left alone."""

import pytest

from luoshi.lib.extract import extract
from luoshi.lib.extract.numerals import read_number


@pytest.mark.parametrize(("numeral", "value"), [
    ("7.5", 7.5), ("1,000", 1000), ("一千五百", 1500), ("十二", 12), ("二十", 20), ("百", 100),
    ("两", 2), ("三", 3), ("一千零五", 1005), ("二〇二三", 2023),
])
def test_it_reads_numerals(numeral, value):
    assert read_number(numeral) == value


@pytest.mark.parametrize("numeral", ["", "abc", "七点", "1.2.3", "9" * 400])
def test_it_refuses_what_is_not_a_numeral(numeral):
    assert read_number(numeral) is None


def only(text: str) -> dict:
    [target] = extract(text, year=2023, region="郑州")
    return target


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("力争全年社会消费品零售总额达到一千五百亿元。", 1500, "亿元"),
    ("到2025年地区生产总值达到1.2万亿元。", 1.2, "万亿元"),
    ("五年内吸引百万青年人才来郑创业。", 100, "万人"),
    ("战略性新兴产业增加值占比达到两成。", 2, "成"),
    ("数字经济核心产业占比提高到三成以上。", 3, "成"),
    ("全年新培养数字人才1万名。", 1, "万名"),
    ("全年新引进高层次人才3,000名。", 3000, "名"),
    ("全年新增市场主体一万家。", 1, "万家"),
    ("力争培育专精特新企业两千五百家。", 2500, "家"),
    ("全年新建学校十所,建设一个中心。", 10, "所"),
])
def test_it_reads_mixed_forms_in_their_unit(sentence, value, unit):
    target = only(sentence)
    assert (target["value"], target["unit"]) == (value, unit)


@pytest.mark.parametrize("sentence", [
    "扩大零售规模,繁荣夜间经济。",
    "打造一批特色街区和智能工厂。",
    "持续实施万企上云上平台行动。",
    "深化一网通办改革,推进一件事一次办。",
    "滚动实施三个一批,推进十大战略。",
    "一季度开局良好,各项工作有序推进。",
    "以整机引零件,以终端带前端。",
])
def test_it_leaves_words_with_numeral_characters_alone(sentence):
    assert extract(sentence, year=2023, region="郑州") == []


def test_a_quarter_word_is_a_period_not_a_figure():
    target = only("确保一季度社会消费品零售总额1500亿元以上。")
    assert (target["value"], target["period"]) == (1500, "2023Q1")
