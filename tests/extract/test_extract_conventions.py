"""Each extraction convention (extraction/README.md) on sentences written for these tests."""

import pytest

from luoshi.lib.extract import extract

KEYS = ("indicator", "value", "unit", "kind", "period", "bound", "commitment", "region")


def read(text: str, **kwargs) -> list[tuple]:
    kwargs = {"year": 2023, "region": "许昌"} | kwargs
    return [tuple(t[k] for k in KEYS) for t in extract(text, **kwargs)]


def test_one_target_per_value():
    assert read("全年社会消费品零售总额突破2000亿元、增长10%。") == [
        ("社会消费品零售总额", 2000, "亿元", "level", "2023", "min", "", "许昌"),
        ("社会消费品零售总额", 10, "%", "growth", "2023", "exact", "", "许昌"),
    ]


def test_a_value_shared_by_several_cities_is_one_target_each():
    targets = read("鹤壁、焦作、漯河等市将今年生产总值增长目标定为6.5%。")
    assert [t[-1] for t in targets] == ["鹤壁", "焦作", "漯河"]
    assert {t[:-1] for t in targets} == {("地区生产总值", 6.5, "%", "growth", "2023", "exact", "")}


def test_respectively_gives_each_its_value_and_the_shared_bound():
    assert read("城镇、农村居民人均可支配收入分别增长6%、8%左右。") == [
        ("城镇居民人均可支配收入", 6, "%", "growth", "2023", "approx", "", "许昌"),
        ("农村居民人均可支配收入", 8, "%", "growth", "2023", "approx", "", "许昌"),
    ]


def test_a_range_is_a_minimum_and_a_maximum():
    assert [t[1:6] for t in read("全市生产总值增长6%-6.5%。")] == [
        (6, "%", "growth", "2023", "min"), (6.5, "%", "growth", "2023", "max")]


def test_a_target_stated_twice_is_kept_once_where_the_targets_are_listed():
    text = "许昌今年经济增速目标为7%。\n今年全市主要预期目标是:生产总值增长7%,进出口总额增长5%。"
    targets = extract(text, year=2023)
    assert [(t["indicator"], t["value"]) for t in targets] == [("地区生产总值", 7), ("进出口总额", 5)]
    assert targets[0]["sentence"] == "生产总值增长7%"


@pytest.mark.parametrize("sentence", [
    "全年实施500万元以上项目建设,加快培育省级以上平台。",
    "培育壮大一批千亿级产业集群,打造两个万亿级产业集群。",
    "人均生产总值从目前的14.4万元起步。",
    "构建15分钟便民生活圈。",
    "河南17个地级市人代会集中开幕。",
])
def test_thresholds_baselines_times_and_mere_counts_are_not_targets(sentence):
    assert read(sentence) == []


def test_past_results_are_not_targets_but_a_past_target_is():
    assert read("2022年,全市生产总值增长4.1%,总量达到3600亿元。") == []
    assert read("去年全市生产总值增长4.1%。") == []
    text = "商丘市将今年生产总值增长目标定为7%,较上年7.5%的目标有所下调。"
    assert [t[1:] for t in read(text)] == [
        (7, "%", "growth", "2023", "exact", "", "商丘"), (7.5, "%", "growth", "2022", "exact", "", "商丘")]


def test_compared_with_last_year_is_this_years_growth():
    assert read("全年地区生产总值比上年增长6%左右。") == [
        ("地区生产总值", 6, "%", "growth", "2023", "approx", "", "许昌")]


@pytest.mark.parametrize(("sentence", "kind"), [
    ("一般公共预算收入增长5%。", "growth"),
    ("常住人口城镇化率提高1.2个百分点。", "growth"),
    ("农村居民人均可支配收入年均增长0.2万元。", "growth"),
    ("全社会研发投入强度达到2.5%。", "share"),
    ("规上工业企业研发活动覆盖率达到60%。", "share"),
    ("单位生产总值能耗下降3%。", "reduction"),
    ("居民消费价格涨幅控制在3%以内。", "reduction"),
    ("固定资产投资完成5000亿元。", "level"),
    ("新增城镇就业8万人。", "count"),
    ("新认定高新技术企业300家。", "count"),
])
def test_kinds(sentence, kind):
    [target] = read(sentence)
    assert target[3] == kind


@pytest.mark.parametrize(("sentence", "bound"), [
    ("规上工业增加值增长8%以上。", "min"),
    ("全年突破5800亿元。", "min"),
    ("总量超过6000家。", "min"),
    ("新开工项目不低于120个。", "min"),
    ("城镇调查失业率控制在5.5%以内。", "max"),
    ("城镇调查失业率控制在5.5%左右。", "approx"),
    ("地区生产总值增长约7%。", "approx"),
    ("确保地区生产总值增长7%。", "exact"),
])
def test_bounds_are_lexical(sentence, bound):
    [target] = read(sentence)
    assert target[5] == bound


def test_a_modal_governs_the_following_clauses_of_its_sentence():
    targets = read("确保一季度固定资产投资增长10%以上,全年突破2000亿元、增长12%;全年进出口总额增长5%。")
    assert [(t[1], t[4], t[6]) for t in targets] == [
        (10, "2023Q1", "确保"), (2000, "2023", "确保"), (12, "2023", "确保"), (5, "2023", "")]


def test_bao_and_zheng_are_floor_and_stretch_with_an_exact_bound():
    targets = read("周口提出了“保7%、争8%”的目标。")
    assert [(t[1], t[5], t[6], t[7]) for t in targets] == [(7, "exact", "保", "周口"), (8, "exact", "争", "周口")]


@pytest.mark.parametrize(("sentence", "period"), [
    ("力争五年内引进博士1万名。", "2023-2027"),
    ("到2025年,地区生产总值达到1.5万亿元。", "2025"),
    ("“十四五”末,研发投入强度达到3%。", "2025"),
    ("确保一季度规上工业增加值增长6%。", "2023Q1"),
])
def test_periods_from_the_plan_year(sentence, period):
    [target] = read(sentence)
    assert target[4] == period


def test_the_plan_year_and_city_are_read_from_the_text():
    text = "2024年2月6日,开封市政府工作报告发布。\n2024年开封市主要预期目标是:生产总值增长6.5%。"
    [target] = extract(text)
    assert (target["period"], target["region"]) == ("2024", "开封")


def test_a_district_named_as_subject_is_the_region():
    text = "中牟县确保经济增速9%以上,\n金水区力争地区生产总值增长8%。"
    assert [(t[0], t[1], t[6], t[7]) for t in read(text)] == [
        ("地区生产总值", 9, "确保", "中牟县"), ("地区生产总值", 8, "力争", "金水区")]


def test_every_county_of_the_city():
    [target] = read("今年,从市一级到各县(市、区),生产总值预期增长目标均为8%以上。", region="新乡")
    assert target[-1] == "新乡各县(市、区)"


def test_a_city_named_inside_a_noun_is_not_a_region():
    [target] = read("融入郑州都市圈建设,全年生产总值增长7%。")
    assert target[-1] == "许昌"


def test_full_width_and_ascii_punctuation_alike():
    full = read("主要预期目标是：生产总值增长7％，固定资产投资增长10％以上；")
    ascii_ = read("主要预期目标是:生产总值增长7%,固定资产投资增长10%以上;")
    assert [t[1:6] for t in full] == [t[1:6] for t in ascii_]
    assert [t[0] for t in ascii_] == ["地区生产总值", "固定资产投资"]


def test_a_count_before_its_noun_names_the_noun():
    [target] = read("今年力争引进8家“许昌研究院”。")
    assert target[:3] == ("引进“许昌研究院”", 8, "家")


def test_the_span_is_the_clause_the_target_was_read_from():
    text = "一是稳增长。全年生产总值增长7%,进出口总额增长5%。"
    targets = extract(text, year=2023)
    assert [text[slice(*t["span"])] for t in targets] == ["全年生产总值增长7%", "进出口总额增长5%"]
    assert [t["sentence"] for t in targets] == ["全年生产总值增长7%", "进出口总额增长5%"]


def test_the_front_is_the_item_or_heading_the_target_sits_in():
    text = ("一、经济发展\n全年生产总值增长7%。\n二、民生保障\n新增城镇就业10万人。\n"
            "重点抓好两件事:一是在科技创新上勇攀高峰,新认定高新技术企业500家;二是扩大开放,进出口总额增长5%。")
    assert [t["front"] for t in extract(text, year=2023)] == ["经济发展", "民生保障", "科技创新", "扩大开放"]


@pytest.mark.parametrize(("sentence", "accumulation"), [
    ("高新技术企业总量达到8000家。", "stock"),
    ("全年完成固定资产投资3000亿元。", "flow"),
    ("全年新建5G基站5000个。", "flow"),
    ("地区生产总值增长7%。", ""),
])
def test_flow_or_stock_is_proposed_from_the_wording(sentence, accumulation):
    [target] = extract(sentence, year=2023)
    assert target["accumulation"] == accumulation


def test_a_five_year_plan_period_is_not_past():
    [target] = read("“十四五”期间,全市生产总值年均增长7%以上。")
    assert target[4:6] == ("2021-2025", "min")


def test_a_past_period_carries_across_a_semicolon():
    assert read("过去一年,全市生产总值增长4.5%;一般公共预算收入完成361亿元。") == []


def test_respectively_assigns_listed_places_in_order():
    targets = read("孟津区、伊川县等县区分别提出增长8%、10%的目标。")
    assert [(t[0], t[1], t[-1]) for t in targets] == [("地区生产总值", 8, "孟津区"), ("地区生产总值", 10, "伊川县")]


def test_a_bare_rate_in_a_sentence_about_growth_is_gdp_growth():
    targets = read("各市GDP目标出炉:南阳保8%争9%")
    assert [(t[0], t[3], t[6], t[-1]) for t in targets] == [
        ("地区生产总值", "growth", "保", "南阳"), ("地区生产总值", "growth", "争", "南阳")]


@pytest.mark.parametrize("sentence", [
    "全市已建成5G基站3万个。",
    "目前全市现有高新技术企业5000家。",
    "1-11月,规上工业增加值同比增长5%。",
])
def test_results_already_reached_are_not_targets(sentence):
    assert read(sentence) == []


def test_similar_indicators_with_the_same_value_stay_apart():
    targets = read("城镇居民人均可支配收入增长7%,农村居民人均可支配收入增长7%。")
    assert [t[0] for t in targets] == ["城镇居民人均可支配收入", "农村居民人均可支配收入"]


def test_blanks_in_a_headline_separate_clauses():
    targets = read("许昌今年GDP预期增长6%左右 力争新增规上工业企业100家")
    assert [(t[0], t[1], t[5], t[6]) for t in targets] == [
        ("地区生产总值(GDP)", 6, "approx", ""), ("规上工业企业", 100, "exact", "力争")]


def test_a_listed_figure_does_not_leak_into_the_next_name():
    targets = read("全年接待游客1亿人次、旅游综合收入突破1000亿元。")
    assert [(t[0], t[1], t[2]) for t in targets] == [("接待游客", 1, "亿人次"), ("旅游综合收入", 1000, "亿元")]


def test_the_date_of_publication_weighs_towards_the_plan_year():
    text = "2024-02-07 10:00\n2023年,全市生产总值增长7.4%。2023年进出口增长6%。\n今年生产总值预期增长7%左右。"
    [target] = extract(text, region="郑州")
    assert (target["value"], target["period"]) == (7, "2024")


def test_jiyuan_demonstration_zone_is_a_region():
    [target] = read("济源示范区力争地区生产总值增长8%。")
    assert (target[6], target[-1]) == ("力争", "济源")


def test_a_county_plan_belongs_to_the_county():
    text = "巩义市2023年政府工作报告发布。融入郑州都市圈建设。巩义市将大力发展先进制造业。巩义市全年生产总值增长8%。"
    assert {t["region"] for t in extract(text)} == {"巩义"}


def test_places_listed_before_respectively_each_get_their_value():
    assert [(t[1], t[5], t[7]) for t in read("禹州市、长葛市经济增速目标分别为7%、6.5%左右。")] == [
        (7, "approx", "禹州"), (6.5, "approx", "长葛")]


def test_a_verb_after_the_place_is_not_part_of_the_indicator():
    [target] = read("鄢陵县提出地区生产总值增长8%。")
    assert (target[0], target[7]) == ("地区生产总值", "鄢陵县")


def test_a_target_year_carries_across_semicolons_of_its_sentence():
    text = "到2025年,全市生产总值年均增长6%左右;城镇化率提高到60%;单位生产总值能耗下降12%。"
    assert [t[4] for t in read(text)] == ["2025", "2025", "2025"]


def test_a_five_year_plan_is_for_its_first_year_and_its_baseline_is_past():
    text = ("商丘市国民经济和社会发展第十四个五年规划纲要\n"
            "到2025年,全市生产总值突破4000亿元。2020年,全市生产总值达到2925亿元。")
    assert [(t["value"], t["period"]) for t in extract(text)] == [(4000, "2025")]
