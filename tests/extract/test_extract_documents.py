"""Reading whole documents: plan year, span and region from the document, past passages, traditional
script, worded numbers, modal scope — on texts written for these tests in the styles plans are written in."""

from luoshi.lib.extract import extract
from luoshi.lib.extract.folding import fold, fold_script

KEYS = ("indicator", "value", "unit", "kind", "period", "bound", "commitment", "region")


def rows(text: str, **kwargs) -> list[tuple]:
    return [tuple(t[k] for k in KEYS) for t in extract(text, **kwargs)]


def by_value(text: str, **kwargs) -> dict:
    return {(t["value"], t["unit"]): t for t in extract(text, **kwargs)}


# Document-level reading: the plan year and its span


def test_the_source_address_dates_the_plan_and_its_numbers_are_never_read():
    text = ("# source: http://news.example.cn/2016/0214/%E4%B8%A4%E4%BC%9A%2030%25/88123.html\n"
            "今年全县地区生产总值增长8.5%左右。\n")
    [target] = extract(text)
    assert (target["value"], target["period"]) == (8.5, "2016")
    start, end = target["span"]
    assert text[start:end] == target["sentence"] == "今年全县地区生产总值增长8.5%左右"


def test_a_dateline_near_the_top_dates_this_year():
    text = "本报讯 2012年02月18日\n会议提出,今年全区财政收入增长12%,新增就业1.2万人。\n去年全区财政收入增长9%。"
    assert {(t["value"], t["period"]) for t in extract(text)} == {(12, "2012"), (1.2, "2012")}


def test_a_december_congress_report_sets_the_next_five_years():
    text = ("# source: http://www.example.gov.cn/2021-12/28/content_1.htm\n"
            "中国共产党某市第九次代表大会报告\n"
            "今后五年,全市地区生产总值年均增长6.5%以上,常住人口城镇化率提高5个百分点。")
    assert {t["period"] for t in extract(text)} == {"2022-2026"}


def test_the_next_five_years_of_a_spring_text_start_in_its_own_year():
    text = "2024年3月5日\n未来五年,全省研发经费投入年均递增10%。"
    [target] = extract(text)
    assert (target["period"], target["kind"], target["indicator"]) == ("2024-2028", "growth", "研发经费投入")


def test_a_five_year_plan_keeps_its_span_when_a_year_is_named_in_passing():
    text = ("《某县国民经济和社会发展第十四个五年规划纲要》\n"
            "力争2024年建成县域物流中心。到2025年,全县地区生产总值突破500亿元,城镇居民人均可支配收入达到4.5万元。")
    targets = extract(text)
    assert {t["period"] for t in targets} == {"2025"}
    assert {t["value"] for t in targets} == {500, 4.5}


def test_the_fifteenth_five_year_plan_is_2026_to_2030():
    [target] = extract("“十五五”期间,全市累计完成固定资产投资1.5万亿元。", year=2026)
    assert (target["period"], target["value"], target["unit"]) == ("2026-2030", 1.5, "万亿元")


def test_no_year_is_guessed_when_none_is_written_and_the_users_year_holds():
    text = "今年全县粮食产量稳定在45万吨,新建高标准农田3万亩。"
    assert {t["period"] for t in extract(text)} == {""}
    assert all("period" in t["unsure"] for t in extract(text))
    assert {t["period"] for t in extract(text, year=2019)} == {"2019"}


def test_three_years_to_double_ends_two_years_after_the_plan_year():
    [target] = extract("力争三年时间实现数字经济规模翻一番。", year=2022)
    assert (target["value"], target["unit"], target["kind"], target["period"]) == (1, "番", "growth", "2024")


# Past results before this year's targets


def test_last_years_results_in_a_paragraph_are_not_targets():
    text = ("2019年2月20日\n"
            "过去一年,全市地区生产总值增长7.1%,规模以上工业增加值增长8%。城镇新增就业9.3万人,"
            "居民消费价格涨幅控制在2.5%以内。\n"
            "今年主要预期目标是:地区生产总值增长7%左右,城镇新增就业9万人以上。")
    assert {(t["value"], t["unit"]) for t in extract(text)} == {(7, "%"), (9, "万人")}


def test_a_review_of_a_named_year_is_past_even_with_the_whole_year():
    text = "2015年1月10日\n回顾2014年,预计全年全省生产总值增长8%左右;财政收入增长10%。\n2015年全省生产总值增长7.5%。"
    assert [t["value"] for t in extract(text)] == [7.5]


def test_targets_cited_as_last_years_keep_their_year():
    text = "2018年1月9日\n这一结果与去年年初确定的目标差距较大。年初确定的目标为:地区生产总值增长8%左右。"
    [target] = extract(text)
    assert (target["value"], target["period"]) == (8, "2017")


# Traditional script and worded numbers


def test_folding_keeps_every_offset():
    text = "確保全縣生產總值增長百分之七,萬億元級產業。"
    assert len(fold_script(text)) == len(text)
    assert fold_script(text) == "确保全县生产总值增长百分之七,万亿元级产业。"
    glossed = fold("地區(qū)生產(chǎn)總值增長7%")
    assert glossed.text == "地区生产总值增长7%"
    assert glossed.span(0, len(glossed.text)) == (0, len("地區(qū)生產(chǎn)總值增長7%"))


def test_a_text_in_traditional_script_reads_like_a_simplified_one():
    text = "2013年1月8日\n今年全市力爭地區生產總值增長百分之七,確保社會消費品零售總額突破三千五百億元。"
    targets = extract(text)
    assert [(t["value"], t["unit"], t["kind"], t["commitment"], t["bound"]) for t in targets] == [
        (7, "%", "growth", "力爭" if targets[0]["commitment"] == "力爭" else "力争", "exact"),
        (3500, "億元", "level", targets[1]["commitment"], "min"),
    ]
    assert targets[1]["commitment"] in ("确保", "確保")
    assert targets[0]["indicator"] == "地區生產總值"
    for target in targets:
        start, end = target["span"]
        assert text[start:end] == target["sentence"]


def test_chinese_numerals_are_read_as_numbers():
    found = by_value("全年新增市场主体三千五家,外贸进出口总额达到一万亿元,研发投入强度达到百分之二点五。", year=2020)
    assert set(found) == {(3500, "家"), (1, "万亿元"), (2.5, "%")}
    assert found[(2.5, "%")]["kind"] == "share"


# Clauses: modal scope, bounds, kinds


def test_a_modal_after_the_indicator_holds_for_its_own_values_only():
    found = by_value("今年出口总额力争增长6%左右,新增就业8万人。", year=2021)
    assert found[(6, "%")]["commitment"] == "力争"
    assert found[(8, "万人")]["commitment"] == ""


def test_a_modal_before_the_indicator_holds_for_the_sentence():
    found = by_value("确保全年税收收入增长5%,一般公共预算收入突破200亿元。", year=2021)
    assert {t["commitment"] for t in found.values()} == {"确保"}


def test_over_higher_than_and_no_less_than_are_minimums():
    text = "全年固定资产投资超800亿元,研发投入增速高于10%,新增高新技术企业不少于50家。"
    assert {t["bound"] for t in extract(text, year=2021)} == {"min"}


def test_a_fall_is_a_reduction_and_a_yearly_rise_is_growth():
    found = by_value("单位地区生产总值能耗下降3.5%,农村居民人均可支配收入年均递增9%。", year=2016)
    assert found[(3.5, "%")]["kind"] == "reduction"
    assert (found[(9, "%")]["kind"], found[(9, "%")]["indicator"]) == ("growth", "农村居民人均可支配收入")


def test_thresholds_and_rank_goals_are_not_targets():
    text = ("培育营业收入超10亿元企业20家。全市生产总值位次前移2位,力争进入全省前5位。"
            "新增年产值超亿元工业项目建设。")
    found = by_value(text, year=2022)
    assert set(found) == {(20, "家")}


def test_verbs_are_never_the_indicator():
    found = by_value("强力推进30个重点项目建设,医疗床位再增加到1200张。", year=2022)
    assert found[(30, "个")]["indicator"] == "推进重点项目建设"
    assert found[(1200, "张")]["indicator"] == "医疗床位"


def test_one_value_for_several_indicators_listed():
    text = "一般公共预算收入、税收收入均增长6%左右。"
    assert [(t["indicator"], t["value"], t["bound"]) for t in extract(text, year=2023)] == [
        ("一般公共预算收入", 6, "approx"), ("税收收入", 6, "approx")]


def test_respectively_with_a_hedge_of_its_own_for_each_value():
    text = "城乡居民人均可支配收入分别增长7%左右和8%以上。"
    assert [(t["indicator"], t["bound"]) for t in extract(text, year=2023)] == [
        ("城镇居民人均可支配收入", "approx"), ("农村居民人均可支配收入", "min")]


# Regions from the divisions


def test_the_indicator_of_a_comparison_is_carried_to_the_places_listed_after_the_value():
    text = ("各市两会陆续召开。从“一般公共预算收入”方面来看,洛阳市的目标为“增长8%”。\n"
            "“增长6%以上”的地市有新乡、许昌。")
    found = [(t["indicator"], t["value"], t["bound"], t["region"]) for t in extract(text, year=2023)]
    assert found == [("一般公共预算收入", 8, "exact", "洛阳"), ("一般公共预算收入", 6, "min", "新乡"),
                     ("一般公共预算收入", 6, "min", "许昌")]


def test_a_district_plan_is_the_districts_and_its_neighbours_are_places():
    text = ("2020年1月15日 某市历下区第十八届人民代表大会第四次会议召开。\n"
            "历下区今年地区生产总值增长6%。市中区、槐荫区分别增长5%、5.5%。")
    found = [(t["region"], t["value"]) for t in extract(text)]
    assert found == [("历下区", 6), ("市中区", 5), ("槐荫区", 5.5)]


def test_two_characters_before_a_common_word_are_no_place():
    text = "2021年2月1日\n宜居城市建设加快,年全市完成造林5万亩,列全省前列。解读:今年新建5G基站3000个。"
    assert {t["region"] for t in extract(text)} <= {""}


def test_a_national_text_is_全国():
    text = ("2017年3月5日 国务院总理在十二届全国人大五次会议上作政府工作报告。\n"
            "今年发展的主要预期目标是:国内生产总值增长6.5%左右,城镇新增就业1100万人以上。")
    targets = extract(text)
    assert {t["region"] for t in targets} == {"全国"}
    assert [t["value"] for t in targets] == [6.5, 1100]


def test_a_document_with_no_targets_gives_none():
    text = "# source: http://example.cn/2011/0301/5.html\n全县召开干部大会,部署今年各项工作,要求各级干部真抓实干、务求实效。"
    assert extract(text) == []


def test_every_proposal_says_which_fields_it_is_unsure_of():
    text = "2023年2月1日\n今年郑州市地区生产总值增长6%。\n其中,一季度增长5.5%,城镇化率58%。"
    targets = extract(text)
    assert all(isinstance(t["unsure"], list) for t in targets)
    assert targets[0]["unsure"] == []
    assert "indicator" in by_value(text)[(5.5, "%")]["unsure"]


def test_a_target_year_runs_on_through_its_paragraph_past_a_milestone_named_in_passing():
    text = ("某縣國民經濟和社會發展第十四個五年規劃綱要\n"
            "到2025年,全縣生產總值突破八百億元;力爭2024年建成物流園區;森林覆蓋率達到百分之四十五。"
            "單位生產總值能耗下降13%。\n今年新增就業5000人。")
    found = {t["value"]: t["period"] for t in extract(text)}
    assert found == {800: "2025", 45: "2025", 13: "2025", 5000: "2021"}


def test_a_headline_and_the_list_are_one_target_with_the_stronger_modal():
    text = "2023年1月12日\n今年我县GDP力争增长8%\n主要预期目标是:地区生产总值增长8%,固定资产投资增长10%。"
    targets = extract(text)
    assert [(t["indicator"], t["value"], t["commitment"]) for t in targets] == [
        ("地区生产总值", 8, "力争"), ("固定资产投资", 10, "")]
    assert targets[0]["sentence"] == "地区生产总值增长8%"


def test_counties_of_a_city_each_get_their_own_targets_and_an_arena_names_the_indicator():
    text = ("2023年1月16日 洛阳各县区GDP增长目标出炉\n"
            "宜阳县、嵩县的地区生产总值增长目标均为8%,汝阳县确保增长6.5%。\n"
            "在规模以上工业增加值方面,栾川县提出增长10%以上。\n"
            "2022年,宜阳县地区生产总值增长3.5%。")
    found = [(t["indicator"], t["value"], t["commitment"], t["region"]) for t in extract(text)]
    assert found == [("地区生产总值", 8, "", "宜阳县"), ("地区生产总值", 8, "", "嵩县"),
                     ("地区生产总值", 6.5, "确保", "汝阳县"), ("规模以上工业增加值", 10, "", "栾川县")]


def test_a_list_of_items_names_its_indicators_without_their_marks():
    text = "2010年工作要点\n(一)全市生产总值增长10%以上。\n(二)化学需氧量和二氧化硫排放量分别削减2%和3%。"
    assert [(t["indicator"], t["kind"]) for t in extract(text)] == [
        ("地区生产总值", "growth"), ("化学需氧量", "reduction"), ("二氧化硫排放量", "reduction")]


def test_a_headline_is_not_the_list_of_targets_and_a_new_place_ends_the_modal():
    text = ("# source: http://news.example.cn/2024-01-30/77.html\n"
            "各地市2024年GDP目标:湛江增长5%\n"
            "湛江市提出地区生产总值增长5%左右,茂名市力争增长6%以上,阳江增长4.5%。\n"
            "规模以上工业增加值方面,湛江增长7%。")
    found = [(t["indicator"], t["value"], t["bound"], t["commitment"], t["region"]) for t in extract(text)]
    assert found == [("地区生产总值", 5, "approx", "", "湛江"), ("地区生产总值", 6, "min", "力争", "茂名"),
                     ("地区生产总值", 4.5, "exact", "", "阳江"), ("规模以上工业增加值", 7, "exact", "", "湛江")]


def test_a_december_text_on_next_years_targets_is_for_next_year():
    text = ("# source: http://www.example.cn/2022-12/29/content_9.htm\n"
            "全市经济工作会议召开。2023年全市经济社会发展的主要预期目标是:地区生产总值增长6.5%左右。"
            "今后五年,全市常住人口城镇化率年均提高1个百分点。")
    found = {t["value"]: t["period"] for t in extract(text)}
    assert found == {6.5: "2023", 1: "2023-2027"}


def test_the_twelfth_five_year_plan_ends_in_2015():
    text = "2011年2月20日\n“十二五”期末,全县财政收入达到20亿元;“十二五”期间,累计完成固定资产投资800亿元。"
    assert {t["value"]: t["period"] for t in extract(text)} == {20: "2015", 800: "2011-2015"}


def test_the_years_behind_a_congress_report_are_past_and_the_years_ahead_are_its_span():
    text = "2016年9月26日\n五年来,全区生产总值年均增长9.1%。一年来,新增就业4万人。今后五年,全区生产总值年均增长7%。"
    assert [(t["value"], t["period"]) for t in extract(text)] == [(7, "2016-2020")]


def test_county_short_names_of_the_plans_own_region_are_places_not_indicators():
    text = "2023年1月5日 郑州市各县市区目标\n巩义今年地区生产总值增长8%,荥阳生产总值增长7.5%,新密力争增长7%。"
    assert [(t["indicator"], t["region"], t["commitment"]) for t in extract(text)] == [
        ("地区生产总值", "巩义", ""), ("地区生产总值", "荥阳", ""), ("地区生产总值", "新密", "力争")]


def test_the_words_that_govern_an_indicator_are_no_part_of_it():
    text = "全县上下要奋力实现地区生产总值增长7%,规模以上工业企业实现利润增长10%,全年完成固定资产投资增长12%。"
    assert [t["indicator"] for t in extract(text, year=2023)] == [
        "地区生产总值", "规模以上工业企业实现利润", "固定资产投资"]


def test_a_review_section_is_past_up_to_the_next_heading():
    text = ("2014年1月20日\n一、2013年工作回顾\n全县生产总值增长9.5%,财政收入完成31亿元。\n新增城镇就业5200人。\n"
            "二、2014年工作安排\n全县生产总值增长10%,新增城镇就业5000人。")
    assert [(t["value"], t["period"]) for t in extract(text)] == [(10, "2014"), (5000, "2014")]


def test_a_rate_reached_is_a_share_after_a_rise_in_points():
    found = by_value("全县常住人口城镇化率提高1.5个百分点,达到55%。", year=2023)
    assert (found[(1.5, "个百分点")]["kind"], found[(55, "%")]["kind"]) == ("growth", "share")


def test_a_session_of_the_national_congress_dates_a_national_text():
    text = "国务院总理在十四届全国人大二次会议上作政府工作报告。今年发展主要预期目标是:国内生产总值增长5%左右。"
    [target] = extract(text)
    assert (target["period"], target["region"], target["unsure"]) == ("2024", "全国", [])


def test_an_estimate_of_the_years_results_is_no_target():
    text = "2020年1月10日 某县经济工作会议\n预计全年地区生产总值增长6.5%,一般公共预算收入增长5%。今年主要预期目标是:地区生产总值增长6%左右。"
    assert [(t["value"], t["bound"]) for t in extract(text)] == [(6, "approx")]


def test_times_are_values_like_any_other():
    [target] = extract("到2025年,全县数字经济规模增长2倍。", year=2021)
    assert (target["value"], target["unit"], target["kind"], target["period"]) == (2, "倍", "growth", "2025")
