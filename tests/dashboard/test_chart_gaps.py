"""A gap is a gap: months with no figure are empty points, not a straight line from 1–2月 to 1–12月."""

from pathlib import Path

from luoshi.figures.status import judge_targets
from luoshi.lib.periods import Period
from luoshi.verdicts.rows import sparkline


def test_the_sparkline_keeps_the_months_without_a_figure_empty(actuals):
    retail = actuals.targets.select_related("series", "region_unit").get(
        indicator="社会消费品零售额", kind="level", period="2023")
    spark = sparkline(judge_targets([retail], at=Period.year(2023))[0])
    labels = [label for label, _v in spark]
    assert labels[0] == "1–2月" and labels[-1] == "1–12月" and len(labels) == 11
    values = dict(spark)
    assert values["1–2月"] == 926.6 and values["1–6月"] == 2805.7 and values["1–12月"] == 5623
    assert values["1–3月"] is None and values["1–11月"] is None


def test_the_charts_do_not_join_across_missing_figures():
    script = (Path(__file__).resolve().parents[2] / "luoshi/static/luoshi/charts.js").read_text(encoding="utf-8")
    assert "connectNulls: true" not in script and script.count("connectNulls: false") == 3
