"""填报表: what one unit reports for one period — the rows of the web form and of the Excel template."""

from dataclasses import dataclass, field

from luoshi.figures import subjects
from luoshi.figures.models import Figure, Series
from luoshi.figures.validation import normalized
from luoshi.lib.periods import Period, PeriodError
from luoshi.plans.models import Assignment, Target
from luoshi.units.models import Unit


@dataclass
class Slot:
    """One row to fill: a series for the unit (or one of its subjects, e.g. a key project) in one period."""

    series: Series
    unit: Unit
    period: Period
    subject_kind: str = ""  # see figures.subjects; "" for the unit's own figure
    subject: object = None
    targets: list[Target] = field(default_factory=list)
    figure: Figure | None = None
    previous: Figure | None = None
    posted: dict = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The row's name in forms: the series id, with the subject's for a subject's row."""
        return f"{self.series.pk}-{self.subject_kind}{self.subject.pk}" if self.subject else str(self.series.pk)

    @property
    def subject_code(self) -> str:
        """How entries name the row's subject (a project's code); "" for the unit's own row."""
        return subjects.kind(self.subject_kind).code(self.subject) if self.subject else ""

    @property
    def serves(self) -> str:
        """The targets this row measures, each named once (固定资产投资 serves its level and its growth)."""
        return "、".join(dict.fromkeys(t.indicator for t in self.targets))

    @property
    def label(self) -> str:
        return f"{self.subject.name} · {self.series.name}" if self.subject else self.series.name

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


def _subject_slots(unit: Unit, period: Period) -> list[Slot]:
    """The rows UNIT fills for its subjects (each registered kind says which it owes)."""
    owed = [(kind.key, name, subject) for kind in subjects.kinds() if kind.owes
            for name, subject in kind.owes(unit, period)]
    series = {s.name: s for s in Series.objects.filter(name__in={name for _, name, _ in owed})}
    slots = []
    for key, name, subject in owed:
        own = _own_period(period, series[name]) if name in series else None
        if own is not None:
            slots.append(Slot(series[name], unit, own, subject_kind=key, subject=subject))
    return slots


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
    slots += _subject_slots(unit, period)
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
        by_slot.setdefault((figure.series_id, figure.unit_id, figure.subject_kind, figure.subject_id,
                            figure.period_start), []).append(figure)
    for slot in slots:
        same_year = by_slot.get((slot.series.pk, slot.unit.pk, slot.subject_kind,
                                 slot.subject.pk if slot.subject else 0, slot.period.start_date), [])
        slot.figure = next((f for f in same_year if f.period_end == slot.period.end_date), None)
        earlier = [f for f in same_year if f.period_end < slot.period.end_date]
        slot.previous = max(earlier, key=lambda f: f.period_end) if earlier else None
