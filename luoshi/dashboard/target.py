"""目标页: one target's verdict, its year chart, every revision of its figures and its assignments by unit."""

import datetime as dt
from dataclasses import dataclass

from luoshi.dashboard.charts import year_chart
from luoshi.figures.models import FigureRevision
from luoshi.figures.status import Judged, default_at, judge_targets
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.plans.milestones import steps_of
from luoshi.plans.models import Assignment, Target, TargetMilestone
from luoshi.verdicts.keeping import kept_assignments, kept_targets


@dataclass
class TargetStanding:
    """Where a target stands at a period, and everything behind it that USER may see."""

    judged: Judged
    row: dict
    chart: dict
    expected: float | None
    last_year: float | None
    revisions: list[FigureRevision]
    assignments: list[dict]
    steps: list[TargetMilestone]  # 里程碑节点 of a milestone target


def period_at(code: str, target: Target, today: dt.date) -> Period:
    try:
        return parse(code) if code else default_at(target.plan.year, today)
    except PeriodError:
        return default_at(target.plan.year, today)


def revisions_of(user, target: Target):
    """Every revision of the target's own figures (series × region unit), oldest period first."""
    if not target.series_id or not target.region_unit_id:
        return FigureRevision.objects.none()
    return FigureRevision.objects.restrict(user).filter(
        figure__series_id=target.series_id, figure__unit_id=target.region_unit_id, figure__subject_kind="",
    ).select_related("figure").order_by("figure__period_end", "number")


def assignment_rows(user, target: Target, at: Period, today: dt.date) -> list[dict]:
    assignments = Assignment.objects.restrict(user).filter(target=target).select_related(
        "unit", "target__plan", "target__front", "target__series", "target__region_unit", "target__owner")
    return [{**k.row, "note": k.assignment.note} for k in kept_assignments(assignments, at, today)]


def standing(user, target: Target, code: str = "", today: dt.date | None = None) -> TargetStanding:
    today = today or dt.date.today()
    at = period_at(code, target, today)
    judged = judge_targets([target], at, today)[0]  # the figures behind the year chart
    kept = kept_targets([target], at, today)[0]  # the verdict, as every other page shows it
    row = kept.row
    return TargetStanding(judged, row, year_chart(judged, row), row["expected_value"], kept.chart["last_year"],
                          list(revisions_of(user, target)), assignment_rows(user, target, at, today),
                          steps_of(target) if target.kind == Target.Kind.MILESTONE else [])
