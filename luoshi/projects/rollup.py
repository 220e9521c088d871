"""项目汇总: completed investment of key projects against the investment target, per unit and for the city.

Beside each sum stands the statistics bureau's figure (统计局口径) of the target's own series for the
same unit and period: the two differ (scope, timing, what counts), and the difference is shown.
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from luoshi.figures.models import Figure
from luoshi.figures.status import default_at, series_at
from luoshi.lib.periods import Period, parse
from luoshi.plans.models import Target
from luoshi.projects.progress import series_name


@dataclass
class RollupRow:
    """One unit's (or the city's) line: projects' completed investment, its quota, the bureau's figure."""

    unit: object
    quota: Decimal | None
    projects: int = 0
    reported: int = 0
    completed: Decimal = Decimal(0)
    statistics: Decimal | None = None

    @property
    def share_of_quota(self) -> float | None:
        return float(self.completed / self.quota) if self.quota else None

    @property
    def difference(self) -> Decimal | None:
        """统计数 − 项目数: what the bureau counts beyond (or short of) the projects' own reports."""
        return None if self.statistics is None else self.statistics - self.completed

    @property
    def missing(self) -> int:
        return self.projects - self.reported


@dataclass
class Rollup:
    target: Target
    at: Period
    rows: list[RollupRow] = field(default_factory=list)
    city: RollupRow | None = None


def _project_values(projects, at: Period) -> dict[int, Decimal]:
    rows = Figure.objects.of("project", projects).filter(series__name=series_name(), approved_revision__isnull=False,
                                                         period_start=at.start_date, period_end=at.end_date)
    return {f.subject_id: f.value for f in rows if f.value is not None}


def _statistics(target: Target, unit_ids, at: Period) -> dict[int, Decimal]:
    if not target.series_id:
        return {}
    rows = Figure.objects.filter(series_id=target.series_id, unit_id__in=unit_ids, subject_kind="",
                                 approved_revision__isnull=False, period_start=at.start_date,
                                 period_end=at.end_date)
    return {f.unit_id: f.value for f in rows if f.value is not None}


def month_of(target: Target, projects, at: Period | None, today: dt.date) -> Period:
    """The monthly period the roll-up is read at: AT's month, else the latest month the projects reported
    (approved) up to the latest month due, else that month."""
    due = series_at(at or default_at(parse(target.period).end_year, today), "monthly")
    if at is not None or due is None:
        return due or at
    reported = Figure.objects.of("project", projects).filter(
        series__name=series_name(), approved_revision__isnull=False, period_start=due.start_date,
        period_end__lte=due.end_date).order_by("-period_end")
    latest = reported.values_list("period", flat=True).first()
    return parse(latest) if latest else due


def rollup(target: Target, projects, at: Period | None = None, today: dt.date | None = None) -> Rollup:
    """PROJECTS serving TARGET summed per owner unit and for the city, at AT's month."""
    today = today or dt.date.today()
    projects = list(projects.filter(targets=target).select_related("owner"))
    at = month_of(target, projects, at, today)
    values = _project_values(projects, at)
    quotas = {a.unit_id: a.value for a in target.assignments.select_related("unit")}
    units = {p.owner_id: p.owner for p in projects}
    units.update({a.unit_id: a.unit for a in target.assignments.select_related("unit")})
    stats = _statistics(target, [*units, target.region_unit_id], at)
    rows = {uid: RollupRow(unit, quotas.get(uid), statistics=stats.get(uid)) for uid, unit in units.items()}
    city = RollupRow(target.region_unit, target.value, statistics=stats.get(target.region_unit_id))
    for project in projects:
        for row in (rows[project.owner_id], city):
            row.projects += 1
            if project.pk in values:
                row.reported += 1
                row.completed += values[project.pk]
    ordered = sorted(rows.values(), key=lambda r: (r.unit.order, r.unit.code))
    return Rollup(target, at, ordered, city)
