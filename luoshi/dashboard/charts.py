"""Chart data for ECharts (read by luoshi/static/luoshi/charts.js from json_script): numbers only, no HTML."""

from luoshi.figures.status import Judged, spec_of, tolerances
from luoshi.lib.judgement import Observation
from luoshi.lib.judgement.readings import judged_figure
from luoshi.lib.periods import Frequency, Period, parse, periods_in


def figures_of(judged: Judged, observations) -> list[tuple[Observation, float | None]]:
    """Each observation with the number the target is judged on (growth for growth targets, else the value)."""
    spec = spec_of(judged.target)
    return [(obs, judged_figure(spec, obs)) for obs in observations]


def last_year_figure(judged: Judged) -> float | None:
    """去年同期: last year's figure for the span of the judged figure."""
    period = judged.verdict.period
    if period is None or period.is_multi_year:
        return None
    previous = period.previous_year()
    return next((v for o, v in figures_of(judged, judged.last_year) if o.period.same_span(previous)), None)


def sparkline(judged: Judged) -> list[list]:
    return [[o.period.label_zh, v] for o, v in figures_of(judged, judged.series_points) if v is not None]


def bullet(judged: Judged, row: dict) -> dict:
    """A bullet chart: actual bar, expected-by-now and last-year marks, target line; the forecast for hover."""
    return {
        "status": row["status"], "label": row["status_label"], "unit": row["unit_of_measure"],
        "actual": row["actual"], "target": row["target"], "expected": row["expected_value"],
        "last_year": last_year_figure(judged), "forecast": row["forecast"], "basis": row["forecast_basis"],
        "spark": sparkline(judged),
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
