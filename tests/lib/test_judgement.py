"""研判: verdicts for every target kind, told with Zhengzhou's real 2023 figures.

Figures from shared/data/zhengzhou-2023-actuals.csv (published; sources there). Where a test needs a
figure that was not published, it says so: those are SIMULATED and marked as such.
"""

import json
from datetime import date

import pytest

from luoshi.lib.judgement import (
    Lateness,
    Milestone,
    Observation,
    Status,
    TargetSpec,
    Tolerances,
    Verdict,
    compare_rollup,
    judge,
    judge_decomposition,
)
from luoshi.lib.periods import parse

Y2023 = parse("2023")
M1_2, H1 = parse("2023M1-2"), parse("2023H1")

# 地区生产总值: H1 7008.6 亿元 +6.3%, year 13617.8 亿元 +7.4%
GDP = [Observation(H1, 7008.6, 6.3), Observation(Y2023, 13617.8, 7.4)]
# 固定资产投资: 1–2月 +7.0%, year +6.8% (levels not published)
FAI = [Observation(M1_2, None, 7.0), Observation(Y2023, None, 6.8)]
# 社会消费品零售总额: 1–2月 926.6 亿元 +6.6%, H1 2805.7 亿元 +6.3%, year 5623 亿元 +7.7%
RETAIL = [Observation(M1_2, 926.6, 6.6), Observation(H1, 2805.7, 6.3), Observation(Y2023, 5623, 7.7)]
RETAIL_2022 = [Observation(parse("2022"), 5185.7, -4.0)]


def growth(value, **kw) -> TargetSpec:
    return TargetSpec(kind="growth", value=value, period=Y2023, unit="%", **kw)


def level(value, unit="亿元", **kw) -> TargetSpec:
    kw.setdefault("period", Y2023)
    return TargetSpec(kind="level", value=value, unit=unit, **kw)


# -- the real 2023 story ------------------------------------------------------------------------------
def test_gdp_growth_met():
    verdict = judge(growth(7, commitment="确保"), Y2023, GDP)
    assert verdict.status is Status.GREEN
    assert verdict.met is True and verdict.is_final
    assert verdict.actual == 7.4
    assert verdict.gap == pytest.approx(0.4)
    assert verdict.forecast_basis == "已是全年数"
    assert verdict.reason == "已完成:全年增长 7.4%,高于目标 0.4 个百分点"


def test_gdp_half_year_is_yellow_within_one_point():
    verdict = judge(growth(7), H1, GDP, tolerances=Tolerances(growth_yellow_pp=1.0))
    assert verdict.status is Status.YELLOW
    assert verdict.gap == pytest.approx(-0.7)
    assert verdict.expected == 7
    assert verdict.forecast == 6.3
    assert verdict.forecast_basis == "按当前累计增速"
    assert verdict.met is None and not verdict.is_final
    assert "低于目标 0.7 个百分点" in verdict.reason


def test_gdp_half_year_is_red_with_a_tighter_tolerance():
    assert judge(growth(7), H1, GDP, tolerances=Tolerances(growth_yellow_pp=0.5)).status is Status.RED


def test_fixed_asset_investment_growth_missed():
    verdict = judge(growth(15, bound="min"), Y2023, FAI)
    assert verdict.status is Status.RED
    assert verdict.met is False
    assert verdict.gap == pytest.approx(-8.2)
    assert verdict.reason == "未完成:全年增长 6.8%,低于目标 8.2 个百分点"


def test_fixed_asset_investment_early_in_the_year_is_red():
    verdict = judge(growth(15), M1_2, FAI)
    assert verdict.status is Status.RED
    assert verdict.actual == 7.0


def test_retail_sales_level_missed():
    verdict = judge(level(5800, bound="min", commitment="确保"), Y2023, RETAIL)
    assert verdict.status is Status.RED
    assert verdict.met is False
    assert verdict.actual == 5623
    assert verdict.gap == pytest.approx(-177)
    assert verdict.progress == pytest.approx(5623 / 5800)
    assert verdict.reason == "未完成:全年 5623 亿元,低于目标 3.1%"


def test_retail_sales_growth_missed():
    verdict = judge(growth(12, commitment="确保"), Y2023, RETAIL)
    assert verdict.status is Status.RED
    assert verdict.gap == pytest.approx(-4.3)


def test_retail_sales_january_february_without_last_years_profile():
    """2022's 1–2月 figure is absent, so the expectation is months elapsed (时间过半、任务过半)."""
    verdict = judge(level(5800, bound="min"), M1_2, RETAIL, last_year=RETAIL_2022)
    assert verdict.expected == pytest.approx(2 / 12)
    assert verdict.progress == pytest.approx(926.6 / 5800)
    assert verdict.forecast == pytest.approx(926.6 * 6)
    assert verdict.forecast_basis == "按时间进度推算"
    assert verdict.status is Status.YELLOW  # 5559.6 is 4.1% short, inside the 5% tolerance
    assert verdict.reason == "按时间进度推算,全年预计 5559.6 亿元,低于目标 4.1%"
    assert verdict.pace_ratio == pytest.approx((926.6 / 5800) / (2 / 12))


def test_retail_sales_with_last_years_seasonal_profile():
    """SIMULATED: a 2022 H1 figure of 2500 亿元 (not published) gives a seasonal share of 2500/5185.7."""
    last_year = [*RETAIL_2022, Observation(parse("2022H1"), 2500.0)]
    verdict = judge(level(5800), H1, RETAIL, last_year=last_year)
    share = 2500 / 5185.7
    assert verdict.expected == pytest.approx(share)
    assert verdict.forecast == pytest.approx(2805.7 / share)
    assert verdict.forecast_basis == "按去年同期进度推算"
    assert verdict.reason.startswith("按去年同期进度推算,全年预计 5819.8 亿元")
    assert verdict.status is Status.GREEN


def test_investment_attraction_met():
    verdict = judge(level(7000, commitment="确保"), Y2023, [Observation(Y2023, 7797)])
    assert verdict.status is Status.GREEN
    assert verdict.met is True
    assert verdict.gap == pytest.approx(797)
    assert verdict.reason == "已完成:全年 7797 亿元,高于目标 11.4%"


def test_high_tech_firms_stock_against_baseline():
    """高新技术企业 6000 家 by year end from 5189 at the end of 2022. SIMULATED mid-year counts."""
    spec = TargetSpec(kind="count", value=6000, unit="家", period=Y2023, accumulation="stock", baseline=5189)
    verdict = judge(spec, H1, [Observation(H1, 5600.0)])
    assert verdict.progress == pytest.approx(411 / 811)
    assert verdict.expected == 0.5
    assert verdict.forecast == pytest.approx(5189 + 411 * 2)
    assert verdict.forecast_basis == "按时间进度自基数线性推算"
    assert verdict.status is Status.GREEN
    behind = judge(spec, H1, [Observation(H1, 5560.0)])  # forecast 5931: 69 short, within 10% of 811
    assert behind.status is Status.YELLOW
    assert judge(spec, H1, [Observation(H1, 5400.0)]).status is Status.RED


def test_stock_without_baseline_says_so():
    spec = TargetSpec(kind="count", value=6000, unit="家", period=Y2023, accumulation="stock")
    verdict = judge(spec, H1, [Observation(H1, 5900.0)])  # SIMULATED
    assert verdict.progress == pytest.approx(5900 / 6000)
    assert verdict.forecast == 5900
    assert "无基数" in verdict.reason
    assert verdict.status is Status.YELLOW


def test_stock_with_zero_baseline_and_zero_target_do_not_divide_by_zero():
    zero_base = TargetSpec(kind="count", value=100, period=Y2023, accumulation="stock", baseline=0)
    assert judge(zero_base, H1, [Observation(H1, 50.0)]).progress == 0.5
    zero_target = TargetSpec(kind="count", value=0, period=Y2023, accumulation="stock", baseline=0)
    verdict = judge(zero_target, H1, [Observation(H1, 0.0)])
    assert verdict.progress is None and verdict.status is Status.GREEN


# -- other kinds ------------------------------------------------------------------------------------
def test_multi_year_count_is_linear_over_the_span():
    """百万青年人才 2023—2027 (力争). SIMULATED cumulative count of 22 万 after 2023."""
    spec = TargetSpec(kind="count", value=100, unit="万人", period=parse("2023-2027"), commitment="力争")
    verdict = judge(spec, Y2023, [Observation(Y2023, 22.0)])
    assert verdict.expected == pytest.approx(0.2)
    assert verdict.progress == pytest.approx(0.22)
    assert verdict.forecast == pytest.approx(110)
    assert not verdict.is_final and verdict.met is None
    assert verdict.status is Status.GREEN
    assert verdict.commitment == "力争"
    assert "力争目标" in verdict.reason and "期末预计" in verdict.reason


def test_share_without_baseline_compares_with_the_target():
    """研发活动覆盖率 70%. SIMULATED 69.5%."""
    spec = TargetSpec(kind="share", value=70, unit="%", period=Y2023)
    verdict = judge(spec, H1, [Observation(H1, 69.5)])
    assert verdict.status is Status.YELLOW
    assert verdict.expected == 70 and verdict.progress is None
    assert verdict.gap == pytest.approx(-0.5)


def test_share_with_baseline_is_linear_from_it():
    spec = TargetSpec(kind="share", value=70, unit="%", period=Y2023, baseline=60)
    verdict = judge(spec, H1, [Observation(H1, 65.0)])  # SIMULATED
    assert verdict.progress == 0.5 and verdict.expected == 0.5
    assert verdict.forecast == pytest.approx(70)
    assert verdict.status is Status.GREEN


def test_reduction_as_a_decline():
    """单位GDP能耗下降 3%: a published −3.5% is a fall of 3.5, ahead. SIMULATED figures."""
    spec = TargetSpec(kind="reduction", value=3, unit="%", period=Y2023, decline=True)
    ahead = judge(spec, Y2023, [Observation(Y2023, None, -3.5)])
    assert ahead.status is Status.GREEN and ahead.actual == 3.5 and ahead.gap == pytest.approx(0.5)
    assert "下降 3.5%" in ahead.reason
    behind = judge(spec, Y2023, [Observation(Y2023, None, -2.0)])
    assert behind.status is Status.RED and behind.gap == pytest.approx(-1.0)


def test_reduction_as_a_ceiling():
    """CPI 控制在 3% 以内: lower is better. SIMULATED figures."""
    spec = TargetSpec(kind="reduction", value=3, unit="%", period=Y2023, bound="max")
    assert judge(spec, Y2023, [Observation(Y2023, None, 2.1)]).status is Status.GREEN
    over = judge(spec, H1, [Observation(H1, None, 3.3)])
    assert over.status is Status.YELLOW and over.gap == pytest.approx(-0.3)
    assert judge(spec, H1, [Observation(H1, None, 4.0)]).status is Status.RED


def test_max_bound_level_is_lower_is_better():
    spec = level(100, unit="万吨", bound="max")
    assert judge(spec, Y2023, [Observation(Y2023, 90.0)]).status is Status.GREEN
    assert judge(spec, Y2023, [Observation(Y2023, 110.0)]).status is Status.RED


def test_approx_band_counts_as_met_on_both_sides():
    spec = growth(7, bound="approx")
    assert judge(spec, Y2023, [Observation(Y2023, None, 6.8)]).met is True
    assert judge(spec, Y2023, [Observation(Y2023, None, 7.4)]).met is True
    assert judge(spec, Y2023, [Observation(Y2023, None, 6.6)]).met is False


def test_exact_is_treated_as_a_floor():
    spec = level(7000, bound="exact")
    assert judge(spec, Y2023, [Observation(Y2023, 7797)]).met is True
    assert judge(spec, Y2023, [Observation(Y2023, 6999)]).met is False


def test_quarterly_target_judged_on_the_monthly_series():
    """一季度社零 1500 亿元 (确保, 以上). SIMULATED 1–3月 figure."""
    spec = level(1500, period=parse("2023Q1"), bound="min", commitment="确保")
    verdict = judge(spec, parse("2023M03"), [Observation(M1_2, 926.6), Observation(parse("2023M03"), 1420.0)])
    assert verdict.is_final and verdict.met is False and verdict.status is Status.RED
    assert verdict.reason.startswith("未完成:一季度 1420 亿元")


# -- grey -----------------------------------------------------------------------------------------------
def test_no_figure_is_grey():
    verdict = judge(level(7000), Y2023, [])
    assert verdict.status is Status.GREY and verdict.reason == "无数据"
    assert verdict.forecast is None and verdict.met is None and verdict.is_final


def test_figures_outside_the_target_period_are_ignored():
    verdict = judge(level(5800), M1_2, [Observation(parse("2022"), 5185.7), Observation(Y2023, 5623)])
    assert verdict.status is Status.GREY


def test_overdue_report_is_a_flag_beside_the_status_of_the_latest_figure():
    verdict = judge(level(5800), H1, RETAIL[:1], today=date(2023, 7, 25), due_day=15)
    assert verdict.status is Status.YELLOW and verdict.period == M1_2
    assert verdict.late == Lateness(H1, date(2023, 7, 15), 10)
    assert verdict.reason.endswith("(最新数据:2023年1–2月);2023年上半年数据逾期未报 10 天")
    assert verdict.forecast == pytest.approx(926.6 * 6)
    nothing = judge(level(5800), H1, [], today=date(2023, 7, 25), due_day=15)
    assert nothing.status is Status.GREY and nothing.reason == "2023年上半年数据逾期未报 10 天"


def test_a_late_flag_given_by_the_caller_replaces_the_engine_guess():
    owed = Lateness(H1, date(2023, 7, 20), 5)
    verdict = judge(level(5800), H1, RETAIL[:1], today=date(2023, 7, 25), due_day=15, late=owed)
    assert verdict.late is owed and verdict.reason.endswith("2023年上半年数据逾期未报 5 天")
    assert judge(level(5800), H1, RETAIL[:2], late=owed).late is None  # the figure is there: nothing late


def test_not_published_is_never_late():
    verdict = judge(level(5800), H1, RETAIL[:1], today=date(2023, 7, 25), due_day=15, not_published=True)
    assert verdict.late is None and verdict.not_published and verdict.status is Status.YELLOW
    assert verdict.reason.endswith(";2023年上半年数据未公布") and "逾期" not in verdict.reason
    nothing = judge(level(5800), H1, [], not_published=True)
    assert nothing.status is Status.GREY and nothing.reason == "2023年上半年数据未公布"


def test_a_closed_target_seen_later_is_judged_at_its_own_period():
    spec = level(1500, period=parse("2023Q1"), bound="min")
    march = Observation(parse("2023M03"), 1520.0)
    verdict = judge(spec, Y2023, [Observation(M1_2, 926.6), march], today=date(2024, 3, 1), due_day=15)
    assert verdict.period == march.period and verdict.met is True and verdict.expected == 1.0
    assert verdict.late is None and verdict.reason.startswith("按一季度数据:已完成:一季度 1520 亿元")
    older = judge(spec, Y2023, [Observation(M1_2, 926.6)])
    assert older.expected == pytest.approx(2 / 3) and older.status is Status.RED and older.met is None
    assert older.reason.startswith("按一季度数据:") and "1–12月" not in older.reason


def test_not_yet_due_judges_the_latest_figure():
    verdict = judge(level(5800), H1, RETAIL[:1], today=date(2023, 7, 10), due_day=15)
    assert verdict.status is Status.YELLOW
    assert verdict.reason.endswith("(最新数据:2023年1–2月)")


def test_period_over_without_a_year_end_figure_keeps_the_latest_figure_status():
    verdict = judge(level(5800), Y2023, RETAIL[:2])
    assert verdict.status is Status.YELLOW and verdict.met is None and verdict.period == H1
    assert verdict.reason.endswith("(最新数据:2023年上半年);暂无全年数据")


def test_growth_target_ignores_figures_without_a_growth_rate():
    verdict = judge(growth(7), Y2023, [Observation(Y2023, 13617.8, None)])
    assert verdict.status is Status.GREY


# -- milestones -----------------------------------------------------------------------------------------
def milestone_spec(*steps) -> TargetSpec:
    return TargetSpec(kind="milestone", value=len(steps), period=Y2023, milestones=steps)


def test_milestone_overdue_is_red():
    spec = milestone_spec(Milestone(date(2023, 3, 31), date(2023, 3, 20)), (date(2023, 6, 30), None))
    verdict = judge(spec, H1, [], today=date(2023, 7, 5))
    assert verdict.status is Status.RED
    assert (verdict.progress, verdict.expected) == (0.5, 1.0)
    assert "逾期" in verdict.reason


def test_milestone_due_soon_is_yellow_and_done_is_green():
    spec = milestone_spec(Milestone(date(2023, 7, 10)), Milestone(date(2023, 12, 31)))
    assert judge(spec, H1, [], today=date(2023, 6, 30)).status is Status.YELLOW
    assert judge(spec, H1, [], today=date(2023, 6, 1)).status is Status.GREEN
    done = milestone_spec(Milestone(date(2023, 7, 10), date(2023, 7, 1)))
    assert judge(done, Y2023, [], today=date(2024, 1, 5)).met is True


def test_no_milestones_is_grey():
    assert judge(milestone_spec(), H1, []).status is Status.GREY


# -- decomposition and roll-up ------------------------------------------------------------------------
def test_decomposition_flags_under_assignment():
    check = judge_decomposition(7000, [3000, 2500, 1000])
    assert check.under_decomposed and check.gap == -500 and check.share == pytest.approx(6500 / 7000)
    assert not judge_decomposition(7000, [4000, 3000]).under_decomposed
    assert judge_decomposition(0, []).share is None


def test_rollup_keeps_the_city_figure():
    gap = compare_rollup(5623, [3000, None, 2500])
    assert (gap.city, gap.units_total, gap.difference, gap.units_reported) == (5623, 5500, 123, 2)
    assert compare_rollup(None, []).difference is None


# -- output -------------------------------------------------------------------------------------------
def test_verdict_to_dict_is_json_ready():
    data = judge(growth(7, commitment="确保"), Y2023, GDP).to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert data["status"] == "green" and data["commitment"] == "确保" and data["period"] == "2023"
    assert set(data) == {f for f in Verdict.__dataclass_fields__}


def test_specs_accept_plain_strings_and_tuples():
    spec = TargetSpec(kind="level", value=7000, period=Y2023, bound="min", commitment="力争")
    assert spec.commitment.is_stretch and spec.bound == "min"
    with pytest.raises(ValueError):
        TargetSpec(kind="speed", value=1, period=Y2023)
