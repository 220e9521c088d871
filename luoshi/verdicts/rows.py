"""What is kept of one judged target besides `verdict_row`: the figures its card draws, the figure owed."""

from luoshi.figures.status import Judged, spec_of
from luoshi.lib.judgement import Observation
from luoshi.lib.judgement.readings import judged_figure
from luoshi.lib.periods import Frequency, periods_in


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
    """[label, figure] from the first figure to the last, every period of the series between them; a period
    with no figure is [label, None], so the line breaks there instead of joining 1–2月 to 1–12月."""
    points = [(o.period, v) for o, v in figures_of(judged, judged.series_points) if v is not None]
    if len(points) < 2 or points[0][0].is_multi_year:
        return [[p.label_zh, v] for p, v in points]
    first, last = points[0][0], points[-1][0]
    frequency = judged.target.series.frequency if judged.target.series_id else Frequency.ANNUAL
    axis = [p for year in range(first.end_year, last.end_year + 1) for p in periods_in(year, frequency)
            if first.end_date <= p.end_date <= last.end_date]
    if not all(any(a.same_span(p) for a in axis) for p, _v in points):
        return [[p.label_zh, v] for p, v in points]  # figures off the series' calendar: as they are
    return [[a.label_zh, next((v for p, v in points if p.same_span(a)), None)] for a in axis]


def stored_chart(judged: Judged) -> dict:
    """The card's last-year mark and sparkline."""
    return {"last_year": last_year_figure(judged), "spark": sparkline(judged)}


def stored_owed(judged: Judged) -> dict | None:
    """The figure owed behind the verdict, as kept: its period, due day and days past it."""
    owed = judged.owed
    return None if owed is None else {"period": owed.period.code, "due": owed.due.isoformat(), "days": owed.days}
