"""The comparison itself: every city, targets as set, approved actuals, verdicts, the parent as reported."""

import pytest

from luoshi.compare.comparison import NO_DATA, CompareError, compare, history, peers
from luoshi.plans.models import Plan

from .conftest import add_plan, add_target, report


def rows_by_code(comparison):
    return {row.unit.code: row for row in comparison.rows}


def test_every_city_is_listed_with_its_targets_and_published_figure(scene, henan_analyst):
    comparison = compare("地区生产总值", "2023", "410000", henan_analyst)
    rows = rows_by_code(comparison)
    assert len(rows) == 18
    assert [p.wording for p in rows["410300"].pledges] == ["保 增长 6%", "争 增长 6.5%"]
    assert rows["410300"].measured == 6.2 and rows["410300"].status == "green"
    assert [p.verdict["status"] for p in rows["410300"].pledges] == ["green", "red"]
    assert rows["411300"].actual is None and rows["411300"].status_label == "未设目标"


def test_a_city_with_a_target_and_nothing_published_says_so(scene, henan_analyst, gdp, province):
    add_target(add_plan(province["411100"]), gdp, 7, bound="min")
    row = rows_by_code(compare("地区生产总值", "2023", "410000", henan_analyst))["411100"]
    assert row.actual is None and row.status_label == NO_DATA


def test_the_parent_is_the_reference_as_reported_never_an_average(scene, henan_analyst):
    comparison = compare("地区生产总值", "2023", "410000", henan_analyst)
    assert comparison.reference.unit.code == "410000"
    assert comparison.reference.measured == 4.4
    assert [p.value for p in comparison.reference.pledges] == [5.5]
    assert comparison.median_actual == pytest.approx(5.85)


def test_sorted_by_gap_the_furthest_behind_comes_first(scene, henan_analyst):
    codes = [r.unit.code for r in compare("地区生产总值", "2023", "410000", henan_analyst).rows]
    assert codes[:2] == ["410200", "410300"]
    by_target = [r.unit.code for r in compare("地区生产总值", "2023", "410000", henan_analyst, sort="target").rows]
    assert by_target[0] == "410200"


def test_a_leader_of_another_city_sees_only_what_is_public(scene, zz_leader):
    rows = rows_by_code(compare("地区生产总值", "2023", "410000", zz_leader))
    kaifeng = rows["410200"]
    assert [p.value for p in kaifeng.pledges] == [7.0]  # the draft 9% stays hidden
    assert kaifeng.measured == 5.5 and kaifeng.pending is None and not kaifeng.in_reach
    zhengzhou = rows["410100"]
    assert [p.value for p in zhengzhou.pledges] == [6.8] and zhengzhou.in_reach  # its own draft


def test_the_province_analyst_sees_drafts_and_pending_figures_too(scene, henan_analyst):
    kaifeng = rows_by_code(compare("地区生产总值", "2023", "410000", henan_analyst))["410200"]
    assert sorted(p.value for p in kaifeng.pledges) == [7.0, 9.0]
    assert kaifeng.measured == 5.5  # the actual stays the approved figure
    assert kaifeng.pending.growth == 5.9 and kaifeng.pending.source == "待审核的更正"


def test_a_reporter_sees_only_their_own_unit(scene, zz_reporter):
    comparison = compare("地区生产总值", "2023", "410000", zz_reporter)
    assert [r.unit.code for r in comparison.rows] == ["410100"]
    assert comparison.reference is None and comparison.note
    assert comparison.rows[0].pledges == []  # its plan is a draft: reporters see published plans only


def test_bad_input_names_the_field(scene, henan_analyst):
    with pytest.raises(CompareError) as error:
        compare("不存在的指标", "2023", "410000", henan_analyst)
    assert error.value.detail[0]["field"] == "indicator"
    with pytest.raises(CompareError) as error:
        compare("地区生产总值", "2023Q5", "410000", henan_analyst)
    assert error.value.detail[0]["field"] == "period"
    with pytest.raises(CompareError) as error:
        compare("GDP", "2023", "999999", henan_analyst)
    assert error.value.detail[0]["field"] == "under"


def test_a_city_across_years_raised_or_lowered(scene, henan_analyst, gdp, province):
    kaifeng = province["410200"]
    add_target(add_plan(kaifeng, Plan.Status.PUBLISHED, year=2024), gdp, 6.5)
    report(None, kaifeng, 6.1, period="2024")
    _, kind, years = history("地区生产总值", "410200", henan_analyst)
    assert kind == "growth"
    assert [(y.period.code, y.row.measured) for y in years] == [("2023", 5.5), ("2024", 6.1)]
    report(None, kaifeng, 3.9, period="2022")
    _, _, years = history("地区生产总值", "410200", henan_analyst)
    assert [(y.period.code, y.row.headline) for y in years][0] == ("2022", None)
    assert years[-1].change == -0.5  # 2023: 7% (its lower one; the draft says 9%) → 2024: 6.5%


def test_peers_are_the_cities_beside_it_with_the_median(scene, zz_leader):
    comparison = peers("地区生产总值", "2023", "410200", zz_leader, ["410300"])
    assert {r.unit.code for r in comparison.rows} == {"410200", "410300"}
    assert comparison.median_target == 6.5  # 开封 7 and 洛阳 保 6
    assert len(peers("地区生产总值", "2023", "410200", zz_leader).rows) == 18


def test_a_unit_closed_to_the_public_is_shown_only_within_reach(scene, zz_leader, henan_analyst, province):
    hidden = province["410200"]
    hidden.is_public = False
    hidden.save()
    assert "410200" not in rows_by_code(compare("地区生产总值", "2023", "410000", zz_leader))
    assert "410200" in rows_by_code(compare("地区生产总值", "2023", "410000", henan_analyst))
