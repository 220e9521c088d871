"""指标库: the default catalogue, loading it without overwriting edits, and matching indicators to series."""

import json

import pytest

from luoshi.core.models import ObjectChange
from luoshi.figures.catalogue import (
    CATALOGUE_FILE,
    default_entries,
    load_default_catalogue,
    match_series,
    series_from_target_fields,
)
from luoshi.figures.models import Series


def test_default_catalogue_states_its_basis_and_official_frequencies():
    data = json.loads(CATALOGUE_FILE.read_text(encoding="utf-8"))
    assert "国家统计局" in data["basis"]
    by_name = {e["name"]: e for e in data["series"]}
    assert by_name["地区生产总值"]["frequency"] == "quarterly"
    assert {"生产总值", "GDP", "经济总量"} <= set(by_name["地区生产总值"]["aliases"])
    assert by_name["高新技术企业数"]["frequency"] == "annual"
    assert by_name["高新技术企业数"]["accumulation"] == "stock"
    assert by_name["城镇新增就业"]["unit"] == "万人"
    assert by_name["空气质量优良天数"]["unit"] == "天"
    assert by_name["居民消费价格指数"]["allow_negative"] is True
    assert by_name["招商引资签约总额"]["publisher"] == "owner"
    for entry in data["series"]:
        assert entry["frequency"] in Series.Frequency.values, entry["name"]
        assert entry["publisher"] in Series.Publisher.values, entry["name"]


def test_no_alias_names_two_series():
    seen = {}
    for entry in default_entries():
        for name in (entry["name"], *entry["aliases"]):
            assert name not in seen, f"{name} in {seen.get(name)} and {entry['name']}"
            seen[name] = entry["name"]


@pytest.mark.django_db
def test_loading_twice_creates_once_and_logs_the_creations():
    first = load_default_catalogue()
    assert len(first.created) == len(default_entries())
    again = load_default_catalogue()
    assert again.created == [] and again.differences == []
    assert Series.objects.count() == len(default_entries())
    assert ObjectChange.objects.filter(action="create", object_repr="地区生产总值").count() == 1


@pytest.mark.django_db
def test_an_analysts_edit_is_kept_and_reported():
    load_default_catalogue()
    Series.objects.filter(name="社会消费品零售总额").update(frequency="quarterly", aliases=["社零"])
    report = load_default_catalogue()
    kept = Series.objects.get(name="社会消费品零售总额")
    assert kept.frequency == "quarterly" and kept.aliases == ["社零"]
    fields = {d.field for d in report.differences if d.series == "社会消费品零售总额"}
    assert fields == {"frequency", "aliases"}
    assert "未修改" in str(report.differences[0])


@pytest.mark.django_db
def test_a_series_known_under_an_alias_is_not_duplicated():
    Series.objects.create(name="高新技术企业总数", unit_of_measure="家", frequency="annual", accumulation="stock")
    report = load_default_catalogue()
    assert not Series.objects.filter(name="高新技术企业数").exists()
    assert any(d.series == "高新技术企业总数" for d in report.differences)


@pytest.fixture
def catalogue(db):
    load_default_catalogue()
    return list(Series.objects.all())


@pytest.mark.parametrize(("indicator", "expected"), [
    ("地区生产总值", "地区生产总值"),
    ("GDP", "地区生产总值"),
    ("经济总量", "地区生产总值"),
    ("社零", "社会消费品零售总额"),
    ("社会消费品零售额", "社会消费品零售总额"),
    ("全市社会消费品零售总额", "社会消费品零售总额"),
    ("全省进出口总额", "进出口总额"),
    ("进出口额", "进出口总额"),
    ("规模以上工业增加值", "规模以上工业增加值"),
    ("规上工业增加值", "规模以上工业增加值"),
    ("R&D经费投入强度", "研发投入强度"),
    ("单位GDP能耗", "单位地区生产总值能耗"),
    ("高新技术企业总量", "高新技术企业数"),
    ("ｇｄｐ", "地区生产总值"),
    ("全市居民消费价格指数", "居民消费价格指数"),
])
def test_match_by_name_alias_or_normalised_form(catalogue, indicator, expected):
    found = match_series(indicator, series=catalogue)
    assert found is not None and found.name == expected


@pytest.mark.parametrize("indicator", [
    "工业投资",            # shares 投资 with 固定资产投资, and 工业 with 工业增加值
    "城镇居民人均消费支出",  # shares 城镇居民人均 with the income series
    "失业率",              # 调查 or 登记: not ours to guess
    "消费品",
    "居民消费价格指",
    "",
])
def test_no_match_for_a_different_indicator(catalogue, indicator):
    assert match_series(indicator, series=catalogue) is None


@pytest.mark.django_db
def test_match_reads_the_active_catalogue_and_breaks_ties_by_unit():
    load_default_catalogue()
    Series.objects.filter(name="地区生产总值").update(archived=True)
    assert match_series("地区生产总值") is None
    Series.objects.create(name="重点项目投资", aliases=["项目投资"], unit_of_measure="亿元")
    Series.objects.create(name="重点项目个数", aliases=["项目投资"], unit_of_measure="个")
    assert match_series("项目投资") is None
    assert match_series("项目投资", "个").name == "重点项目个数"


def test_new_series_from_a_target_is_unsaved_and_prefilled():
    level = series_from_target_fields("全市新能源汽车产量", "万辆", "level", "flow")
    assert level.pk is None
    assert (level.name, level.unit_of_measure, level.accumulation) == ("新能源汽车产量", "万辆", "flow")
    assert level.publisher == Series.Publisher.OWNER
    growth = series_from_target_fields("服务业增加值", "%", "growth", "")
    assert growth.unit_of_measure == "" and growth.accumulation == "flow"
    share = series_from_target_fields("森林覆盖率", "%", "share", "")
    assert (share.unit_of_measure, share.accumulation) == ("%", "stock")
    assert series_from_target_fields("能耗", "%", "reduction", "").allow_negative
