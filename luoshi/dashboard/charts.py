"""Chart data for ECharts (read by luoshi/static/luoshi/charts.js from json_script): numbers only, no HTML."""

from luoshi.figures.status import Judged, spec_of, tolerances
from luoshi.lib.judgement import Observation
from luoshi.lib.periods import Frequency, Period, parse, periods_in
from luoshi.verdicts.rows import figures_of


def bullet(row: dict, marks: dict) -> dict:
    """A bullet chart from a kept verdict row and its MARKS (`verdicts.rows.stored_chart`): actual bar,
    expected-by-now and last-year marks, target line; the forecast for hover."""
    return {
        "status": row["status"], "label": row["status_label"], "unit": row["unit_of_measure"],
        "actual": row["actual"], "target": row["target"], "expected": row["expected_value"],
        "last_year": marks["last_year"], "forecast": row["forecast"], "basis": row["forecast_basis"],
        "spark": marks["spark"],
    }


def axis_periods(judged: Judged) -> list[Period]:
    """The x axis of a target's year chart: its series' periods in the target year."""
    period = parse(judged.target.period)
    frequency = judged.target.series.frequency if judged.target.series_id else Frequency.ANNUAL
    if period.is_multi_year or frequency == Frequency.MULTI_YEAR:
        return [o.period for o in judged.series_points]
    return periods_in(period.end_year, frequency)


def band_width(judged: Judged, row: dict) -> float:
    tol = tolerances()
    if spec_of(judged.target).is_percent:
        return tol.growth_yellow_pp
    return tol.level_yellow * abs(row["target"])


def on_axis(axis: list[Period], points: list[tuple[Observation, float | None]], shift: bool = False) -> list:
    """The figures placed on the axis periods (last year's on this year's, when SHIFT), None where missing."""
    def value(period: Period):
        wanted = period.previous_year() if shift else period
        return next((v for o, v in points if o.period.same_span(wanted)), None)
    return [None if shift and p.is_multi_year else value(p) for p in axis]


def year_chart(judged: Judged, row: dict) -> dict:
    """年度走势: this year's YTD line, last year's line, the target line and the year-end forecast band."""
    axis = axis_periods(judged)
    forecast = row["forecast"]
    width = band_width(judged, row)
    return {
        "labels": [p.label_zh for p in axis], "unit": row["unit_of_measure"], "target": row["target"],
        "actual": on_axis(axis, figures_of(judged, judged.actuals)),
        "last_year": on_axis(axis, figures_of(judged, judged.last_year), shift=True),
        "forecast": None if forecast is None else {"value": forecast, "low": forecast - width,
                                                   "high": forecast + width, "basis": row["forecast_basis"]},
        "status": row["status"],
    }
