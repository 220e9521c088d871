"""逾期未报: who owes which figure, by when, and how late — the one rule the dashboard, ranking, briefing,
reminders and public page all follow.

A figure is owed only where a unit has the duty to report it (`Series.publisher`):

- ``owner``: the owner unit reports it (an assignment's unit, else the target's 责任单位);
- ``statistics``: the statistics bureau publishes it and the unit whose figure it is (an assignment's
  unit, else the target's region) enters it;
- ``none``: nobody publishes it: 未公布, never late, nobody reminded.

It is owed for the series' own periods only (GDP is quarterly: no monthly figure is ever owed), and
not at all once it is reported (submitted, even before review), marked 未公布 by an analyst
(`Figure.not_published`), or published without the number the target needs (an FAI figure with its
growth but no level: 总量未公布). A target whose period has closed owes its own period's figure.
"""

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from luoshi.figures.models import Figure, Series
from luoshi.lib.judgement import Lateness
from luoshi.lib.periods import Frequency, Period, due_date, latest_period, parse, periods_in
from luoshi.plans.models import Assignment, Target
from luoshi.units.models import Unit


def default_at(year: int, today: dt.date) -> Period:
    """The period to judge at: the whole year once it is over, else the latest published month."""
    if year < today.year:
        return Period.year(year)
    return latest_period(Frequency.MONTHLY, today)


@lru_cache(maxsize=256)
def series_at(at: Period, frequency: str) -> Period | None:
    """The series' own period that AT falls on: its latest one ending by AT's end (None if none yet)."""
    if frequency == Frequency.MULTI_YEAR or at.is_multi_year:
        return None
    ended = [p for p in periods_in(at.end_year, frequency) if p.end_date <= at.end_date]
    return ended[-1] if ended else None


def judging_at(at: Period | None, today: dt.date):
    """Each target's period to judge at: AT, else its plan year's `default_at`."""
    def at_of(target: Target) -> Period:
        return at or default_at(target.plan.year, today)
    return at_of


def judged_period(target: Target, at: Period) -> Period | None:
    """The period of the target's series whose figure is judged at AT; a closed target's own period."""
    if not target.series_id:
        return None
    own = parse(target.period)
    return series_at(own if at.end_date > own.end_date else at, target.series.frequency)


def subject_of(target: Target, assignment: Assignment | None = None) -> Unit | None:
    """Whose figure it is: the assignment's unit, else the target's region."""
    return assignment.unit if assignment is not None else target.region_unit


def debtor_of(target: Target, assignment: Assignment | None = None) -> Unit | None:
    """Who owes the figure: see the module's rules. None when nobody does."""
    publisher = target.series.publisher if target.series_id else Series.Publisher.NONE
    if publisher == Series.Publisher.OWNER:
        return assignment.unit if assignment is not None else target.owner
    if publisher == Series.Publisher.STATISTICS:
        return subject_of(target, assignment)
    return None


@dataclass(frozen=True)
class Owed:
    """A figure UNIT owes: SERIES of SUBJECT (the unit whose figure it is) for PERIOD, due on DUE.

    `days` past the due day: positive when late (逾期未报), else not yet due (待报送).
    """

    unit: Unit
    series: Series
    subject: Unit
    period: Period
    due: dt.date
    days: int
    target: Target
    assignment: Assignment | None = None

    @property
    def is_late(self) -> bool:
        return self.days > 0

    @property
    def key(self) -> tuple[int, int, int, str]:
        """The figure owed, whichever targets ask for it."""
        return (self.unit.pk, self.series.pk, self.subject.pk, self.period.code)

    @property
    def lateness(self) -> Lateness | None:
        return Lateness(self.period, self.due, self.days) if self.is_late else None


class Gap(NamedTuple):
    """The figure judged at a period: its PERIOD, what is OWED for it (or None), and whether it is 未公布."""

    period: Period | None
    owed: Owed | None = None
    not_published: bool = False


class Slot(NamedTuple):
    """What is stored for one figure: reported at all, approved with a value / a growth, marked 未公布."""

    reported: bool
    value: bool
    growth: bool
    not_published: bool


Slots = dict[tuple[int, int, dt.date, dt.date], Slot]


def load_slots(wanted: set[tuple[int, int, Period]]) -> Slots:
    """The stored state of the WANTED (series, unit, period) figures, in one query."""
    if not wanted:
        return {}
    rows = Figure.objects.filter(
        series_id__in={s for s, _, _ in wanted}, unit_id__in={u for _, u, _ in wanted}, subject_kind="",
        period_end__in={p.end_date for _, _, p in wanted},
    ).values_list("series_id", "unit_id", "period_start", "period_end", "head_revision_id",
                  "approved_revision_id", "value", "growth", "not_published")
    return {(s, u, start, end): Slot(head is not None or approved is not None, approved is not None and v is not None,
                                     approved is not None and g is not None, np)
            for s, u, start, end, head, approved, v, g, np in rows}


def with_owners(items: list[tuple[Target, Assignment | None]]) -> None:
    """The owner units the rule may ask for, in one query where the caller's query did not load them."""
    missing = {t.owner_id for t, a in items if a is None and t.owner_id and not Target.owner.is_cached(t)}
    if not missing:
        return
    found = Unit.objects.in_bulk(missing)
    for target, assignment in items:
        if assignment is None and target.owner_id in found and not Target.owner.is_cached(target):
            target.owner = found[target.owner_id]


def wanted_of(items: list[tuple[Target, Assignment | None]], at_of) -> set[tuple[int, int, Period]]:
    """The (series, unit, period) figures the ITEMS are judged on (AT_OF(target) is each one's period)."""
    found = set()
    for target, assignment in items:
        period, unit = judged_period(target, at_of(target)), subject_of(target, assignment)
        if period is not None and unit is not None:
            found.add((target.series_id, unit.pk, period))
    return found


def _lacks(target: Target, slot: Slot) -> bool:
    """The figure is approved but without the number this target is judged on (总量未公布)."""
    if target.kind == Target.Kind.GROWTH:
        return not slot.growth
    if target.kind == Target.Kind.REDUCTION:
        return not (slot.value or slot.growth)
    return not slot.value


def gap(target: Target, assignment: Assignment | None, at: Period, today: dt.date, slots: Slots) -> Gap:
    """THE rule: is the figure judged at AT there, 未公布, or owed — and by whom (see the module)."""
    period, unit = judged_period(target, at), subject_of(target, assignment)
    if period is None or unit is None:
        return Gap(period)
    slot = slots.get((target.series_id, unit.pk, period.start_date, period.end_date))
    approved = slot is not None and (slot.value or slot.growth)
    if approved and not _lacks(target, slot):
        return Gap(period)
    if approved or target.series.publisher == Series.Publisher.NONE or (slot is not None and slot.not_published):
        return Gap(period, not_published=True)
    debtor = debtor_of(target, assignment)
    if debtor is None or (slot is not None and slot.reported):
        return Gap(period)
    due = due_date(period, target.series.due_day)
    return Gap(period, Owed(debtor, target.series, unit, period, due, (today - due).days, target, assignment))


def owed(items, at: Period | None = None, today: dt.date | None = None, late_only: bool = True) -> list[Owed]:
    """Every figure owed for ITEMS (targets and assignments, with their series and units loaded) at AT
    (default: each plan year's `default_at`), late ones only unless LATE_ONLY is false; in a fixed number of
    queries whatever their number. Each figure once (several targets may ask for it), the longest overdue first."""
    today = today or dt.date.today()
    pairs = [(i.target, i) if isinstance(i, Assignment) else (i, None) for i in items]
    at_of = judging_at(at, today)
    with_owners(pairs)
    slots = load_slots(wanted_of(pairs, at_of))
    found = [gap(t, a, at_of(t), today, slots).owed for t, a in pairs]
    return late_list([o for o in found if o is not None and (o.is_late or not late_only)])


def late_list(found) -> list[Owed]:
    """Owed figures once each, the longest overdue first, then by unit."""
    unique = {}
    for item in found:
        unique.setdefault(item.key, item)
    return sorted(unique.values(), key=lambda o: (-o.days, o.unit.order, o.unit.code, o.series.name))
