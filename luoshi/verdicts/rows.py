"""What is kept of one judged target besides `verdict_row`: the figures its card draws, the figure owed."""

from luoshi.figures.status import Judged, spec_of
from luoshi.lib.judgement import Observation
from luoshi.lib.judgement.readings import judged_figure


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


def stored_chart(judged: Judged) -> dict:
    """The card's last-year mark and sparkline."""
    return {"last_year": last_year_figure(judged), "spark": sparkline(judged)}


def stored_owed(judged: Judged) -> dict | None:
    """The figure owed behind the verdict, as kept: its period, due day and days past it."""
    owed = judged.owed
    return None if owed is None else {"period": owed.period.code, "due": owed.due.isoformat(), "days": owed.days}
