"""填报表: what one unit reports for one period — the rows of the web form and of the Excel template."""

from dataclasses import dataclass, field

from django.conf import settings

from luoshi.figures.models import Figure, Series
from luoshi.figures.validation import normalized
from luoshi.lib.periods import Period, PeriodError
from luoshi.plans.models import Assignment, Target
from luoshi.projects.models import Project
from luoshi.units.models import Unit


@dataclass
class Slot:
    """One row to fill: a series for the unit (or one of its key projects) in one period."""

    series: Series
    unit: Unit
    period: Period
    project: Project | None = None
    targets: list[Target] = field(default_factory=list)
    figure: Figure | None = None
    previous: Figure | None = None
    posted: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The row's name in forms: the series id, with the project's for a project row."""
        return f"{self.series.pk}-p{self.project.pk}" if self.project else str(self.series.pk)

    @property
    def serves(self) -> str:
        """The targets this row measures, each named once (固定资产投资 serves its level and its growth)."""
        return "、".join(dict.fromkeys(t.indicator for t in self.targets))

    @property
    def label(self) -> str:
        return f"{self.project.name} · {self.series.name}" if self.project else self.series.name

    @property
    def head(self):
        return self.figure.head_revision if self.figure else None

    @property
    def based_on(self) -> str:
        """The revision the user's input builds on: as posted back, else the one shown."""
        if self.posted.get("base"):
            return self.posted["base"]
        return str(self.head.pk) if self.head else ""


def tasked_series(unit: Unit) -> dict[Series, list[Target]]:
    """The series UNIT reports, with the published targets each serves (own region or assignment)."""
    found: dict[Series, list[Target]] = {}
    targets = Target.objects.active().filter(plan__status="published", plan__archived=False, series__isnull=False)
    for target in targets.filter(region_unit=unit).select_related("series"):
        found.setdefault(target.series, []).append(target)
    for assignment in Assignment.objects.filter(unit=unit, target__in=targets).select_related("target__series"):
        found.setdefault(assignment.target.series, []).append(assignment.target)
    return found


def _project_slots(unit: Unit, period: Period) -> list[Slot]:
    series = Series.objects.filter(name=settings.LUOSHI_PROJECT_SERIES).first()
    if series is None:
        return []
    own = _own_period(period, series)
    if own is None:
        return []
    return [Slot(series, unit, own, project=p) for p in Project.objects.filter(owner=unit, archived=False)]


def _own_period(period: Period, series: Series) -> Period | None:
    try:
        return normalized(period, series.frequency)
    except PeriodError:
        return None


def slots_for(unit: Unit, period: Period) -> list[Slot]:
    """Every row UNIT fills in for PERIOD, with its current and previous figures (two queries)."""
    slots = []
    for series, targets in sorted(tasked_series(unit).items(), key=lambda item: item[0].name):
        own = _own_period(period, series)
        if own is not None:
            slots.append(Slot(series, unit, own, targets=targets))
    slots += _project_slots(unit, period)
    _attach_figures(slots)
    return slots


def _attach_figures(slots: list[Slot]) -> None:
    if not slots:
        return
    figures = Figure.objects.filter(
        series__in={s.series for s in slots}, unit__in={s.unit for s in slots},
        period_start__in={s.period.start_date for s in slots},
    ).select_related("head_revision", "approved_revision")
    by_slot: dict[tuple, list[Figure]] = {}
    for figure in figures:
        by_slot.setdefault((figure.series_id, figure.unit_id, figure.project_id, figure.period_start), []).append(
            figure)
    for slot in slots:
        same_year = by_slot.get((slot.series.pk, slot.unit.pk, slot.project.pk if slot.project else None,
                                 slot.period.start_date), [])
        slot.figure = next((f for f in same_year if f.period_end == slot.period.end_date), None)
        earlier = [f for f in same_year if f.period_end < slot.period.end_date]
        slot.previous = max(earlier, key=lambda f: f.period_end) if earlier else None
