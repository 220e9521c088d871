"""Check submitted figures before anything is written (all or nothing).

Every path — web form, Excel upload, CSV import, API — turns its input into `Entry` rows and calls
`validate`; nothing is written unless it returns no errors and no conflicts. The checks: the series,
unit and period exist; the user may report for the unit; the period is open; the cells are numbers
in the series' unit of measure and within what the database and the indicator hold (finite,
|value| < 10^15, growth within −100%…1000%, negative only where the catalogue allows it); a
year-to-date figure does not fall below the previous period's; a jump against the previous period is
explained; nobody changed the figure since the submitter read it (conflict).
"""

import bisect
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings

from luoshi.accounts.scoping import CHANGE, in_reach
from luoshi.core import prepared
from luoshi.core.errors import EntryError
from luoshi.figures import subjects
from luoshi.figures.entries import (
    ANY_BASE,
    Entry,
    NotANumber,
    as_float,
    parse_number,
    plain,
    shown,
)
from luoshi.figures.models import VALUE_LIMIT, Figure, FigureRevision, Series
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.units.models import Unit

GROWTH_RANGE = (Decimal(-100), Decimal(1000))  # well inside Figure.growth's 9 digits, 3 after the point


@dataclass
class Change:
    """A validated figure, ready to be written as a new revision."""

    entry: Entry
    series: Series
    unit: Unit
    period: Period
    value: Decimal | None
    growth: Decimal | None
    figure: Figure | None
    subject_kind: str = ""  # see figures.subjects; "" for the unit's own figure
    subject: object = None

    @property
    def key(self) -> tuple:
        """The figure slot: series, unit, subject kind and id ("", 0 for a unit's own), period start and end."""
        return (self.series.pk, self.unit.pk, self.subject_kind, self.subject.pk if self.subject else 0,
                self.period.start_date, self.period.end_date)

    @property
    def head(self) -> FigureRevision | None:
        return self.figure.head_revision if self.figure else None

    action: str = "new"

    def compare(self) -> None:
        """new, update or unchanged against the figure as read at validation (kept once written)."""
        head = self.head
        if head is None:
            self.action = "new"
        else:
            self.action = "unchanged" if (head.value, head.growth) == (self.value, self.growth) else "update"


@dataclass(frozen=True)
class Conflict:
    """Someone changed the figure after the submitter read it: both values are shown."""

    row: int | str
    figure: Figure
    theirs: FigureRevision
    yours_value: Decimal | None
    yours_growth: Decimal | None

    def as_dict(self) -> dict:
        return {"row": self.row, "figure": str(self.figure), "revision": self.theirs.pk,
                "theirs": {"value": as_float(self.theirs.value), "growth": as_float(self.theirs.growth),
                           "by": self.theirs.submitted_by_name, "at": self.theirs.submitted_at.isoformat()},
                "yours": {"value": as_float(self.yours_value), "growth": as_float(self.yours_growth)}}

    def __str__(self) -> str:
        return (f"第 {self.row} 行:{self.figure} 已被 {self.theirs.submitted_by_name} 于 "
                f"{self.theirs.submitted_at:%Y-%m-%d %H:%M} 改为 {as_float(self.theirs.value)}"
                f"(增速 {as_float(self.theirs.growth)}),您提交的是 {as_float(self.yours_value)}"
                f"(增速 {as_float(self.yours_growth)});请刷新后再提交")


@dataclass
class Validation:
    changes: list[Change] = field(default_factory=list)
    errors: list[EntryError] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.conflicts

    @property
    def to_write(self) -> list[Change]:
        return [c for c in self.changes if c.action != "unchanged"]


class Lookup:
    """Everything the checks need, read in a few prepared queries (`core.prepared`) whatever the number of
    rows or of series and units in the database: only the series and units the entries name."""

    def __init__(self, user, entries: list[Entry]):
        self.series = _series_named({str(e.series).strip() for e in entries})
        self.units = _units_named({str(e.unit).strip() for e in entries if e.unit})
        self.subjects = {kind.key: kind.named({str(e.subject).strip() for e in entries if e.subject_kind == kind.key})
                         for kind in subjects.kinds()}
        reporter = user is not None and not user.edits_plans
        self.tasks = self._tasks(user.unit_id) if reporter else {}
        self.figures: dict[tuple, Figure] = {}
        self.known: dict[tuple, tuple] = {}

    @staticmethod
    def _tasks(unit_id: int | None) -> dict[tuple[int, int], list[Period]]:
        """(series, unit) → the target periods the reporter's unit reports (its region's active targets and
        its assignments)."""
        tasks: dict[tuple[int, int], list[Period]] = {}
        for series_id, code in prepared.fetch(_TASKS, [False, unit_id, unit_id]):
            tasks.setdefault((series_id, unit_id), []).append(parse(code))
        return tasks

    def load_figures(self, keys: set[tuple]) -> None:
        """The stored figures of the submitted (series, unit) pairs in the submitted years: those of KEYS (the
        submitted slots) as figures with their heads, every one's row (`known`) for the checks against the
        previous period (`stored`)."""
        if not keys:
            return
        series_ids, unit_ids, starts = (sorted({key[i] for key in keys}) for i in (0, 1, 4))
        starts = [prepared.connection.ops.adapt_datefield_value(d) for d in starts]
        figure, head = prepared.columns(Figure, "f"), prepared.columns(FigureRevision, "r")
        rows = prepared.fetch(
            f"SELECT {figure.select}, {head.select} FROM {figure.table} LEFT JOIN {head.table} "
            f"ON r.id = f.head_revision_id WHERE f.series_id IN ({prepared.marks(series_ids)}) "
            f"AND f.unit_id IN ({prepared.marks(unit_ids)}) AND f.period_start IN ({prepared.marks(starts)})",
            [*series_ids, *unit_ids, *starts])
        slot, bounds, days = [figure.position(n) for n in SLOT[:4]], [figure.position(n) for n in SLOT[4:]], {}
        for row in rows:  # hundreds of rows: made figures only where submitted, each period bound read once
            span = [days.get(row[i]) or days.setdefault(row[i], figure.convert("period_start", row[i]))
                    for i in bounds]
            key = (*(row[i] for i in slot), *span)
            self.known[key] = row
            if key in keys:
                found = figure.instance(row)
                found.head_revision = head.instance(row, figure.width)
                self.figures[key] = found

    def stored(self, key: tuple) -> tuple[str, Decimal | None, Decimal | None]:
        """The period, and the head's value and growth, of the stored figure of KEY."""
        figure, head = prepared.columns(Figure, "f"), prepared.columns(FigureRevision, "r")
        row = self.known[key]
        return (row[figure.position("period")], head.convert("value", row[figure.width + head.position("value")]),
                head.convert("growth", row[figure.width + head.position("growth")]))


#: A figure's slot, as `Change.key`.
SLOT = ("series_id", "unit_id", "subject_kind", "subject_id", "period_start", "period_end")
#: The periods of a unit's tasks: its region's active targets (Target.objects.active()) and its assignments.
_TASKS = ("SELECT t.series_id, t.period FROM plans_target t WHERE t.archived = %s AND t.region_unit_id = %s "
          "AND t.series_id IS NOT NULL UNION ALL SELECT t.series_id, t.period FROM plans_assignment a "
          "JOIN plans_target t ON t.id = a.target_id WHERE a.unit_id = %s AND t.series_id IS NOT NULL")


def _series_named(names: set[str]) -> dict[str, Series]:
    """NAMES → their series: by name, else by id, else by alias (aliases read only when a name is missing)."""
    ids = sorted(int(n) for n in names if n.isdigit() and len(n) < 19)
    names_listed = sorted(names)
    series = prepared.columns(Series, "s")
    where = " OR ".join(part for part, values in ((f"s.name IN ({prepared.marks(names_listed)})", names_listed),
                                                  (f"s.id IN ({prepared.marks(ids)})", ids)) if values)
    rows = prepared.fetch(f"SELECT {series.select} FROM {series.table} WHERE {where} ORDER BY s.name",
                          [*names_listed, *ids]) if where else []
    found = {}
    for s in (series.instance(row) for row in rows):
        found[s.name] = s
    for s in list(found.values()):
        found.setdefault(str(s.pk), s)
    missing = names - found.keys()
    if missing:
        for s in Series.objects.exclude(aliases=[]).order_by("pk"):
            for alias in missing.intersection(s.aliases):
                found.setdefault(alias, s)
    return found


def _units_named(keys: set[str]) -> dict[str, Unit]:
    """KEYS → their units, by code, else name, else short name (names read only for keys that are no code:
    the codes are indexed, the names not)."""
    keys = keys - {""}
    found = _units_where(["code"], sorted(keys))
    missing = sorted(keys - found.keys())
    return {**_units_where(["name", "short_name"], missing), **found} if missing else found


def _units_where(columns: list[str], keys: list[str]) -> dict[str, Unit]:
    """KEYS → the units one of whose COLUMNS is the key, the earlier column first, then by order and code."""
    if not keys:
        return {}
    unit, listed = prepared.columns(Unit, "u"), prepared.marks(keys)
    where = " OR ".join(f"u.{prepared.quoted(name)} IN ({listed})" for name in columns)
    units = [unit.instance(row) for row in prepared.fetch(
        f"SELECT {unit.select} FROM {unit.table} WHERE {where} ORDER BY u.{prepared.quoted('order')}, u.code",
        keys * len(columns))]
    found = {}
    for name in columns:
        for u in units:
            if getattr(u, name) in keys:
                found.setdefault(getattr(u, name), u)
    return found


def normalized(period: Period, frequency: str) -> Period:
    """PERIOD in the series' own calendar (上半年 of a monthly series is 1–6月; a quarterly series' year
    stays 全年); PeriodError if the series publishes no such period."""
    if period.frequency == frequency:
        return period
    for candidate_frequency in (frequency, "annual" if frequency == "quarterly" else None):
        if candidate_frequency is None:
            continue
        try:
            candidate = Period(period.start_year, period.end_year, period.end_month, frequency=candidate_frequency)
        except PeriodError:
            continue
        if candidate.same_span(period):
            return candidate
    raise PeriodError(period.code)


def validate(user, entries: list[Entry], *, today: dt.date | None = None) -> Validation:
    """Check ENTRIES submitted by USER (None: a system import with every right)."""
    today = today or dt.date.today()
    lookup = Lookup(user, entries)
    result = Validation()
    checked = []
    for entry in entries:
        change = _check_entry(user, entry, lookup, today, result.errors)
        if change is not None:
            checked.append(change)
    lookup.load_figures({c.key for c in checked})
    seen: dict[tuple, int | str] = {}
    for change in checked:
        if change.key in seen:
            _fail(result.errors, change.entry, "period", change.entry.period, f"与第 {seen[change.key]} 行重复")
            continue
        seen[change.key] = change.entry.row
        change.figure = lookup.figures.get(change.key)
        change.compare()
        result.changes.append(change)
    planned = {c.key: c for c in result.changes}
    ends = _period_ends(lookup, planned)
    for change in result.changes:
        _check_against_history(change, lookup, planned, ends, result.errors)
        _check_conflict(change, result.conflicts)
    return result


def _fail(errors: list[EntryError], entry: Entry, column: str, raw, reason: str) -> None:
    errors.append(EntryError(entry.row, entry.column(column), shown(raw), reason))


def _check_entry(user, entry: Entry, lookup: Lookup, today: dt.date, errors: list) -> Change | None:
    before = len(errors)
    series = lookup.series.get(str(entry.series).strip())
    if series is None:
        _fail(errors, entry, "series", entry.series, "没有这个统计指标")
    subject, unit = _subject(entry, lookup, errors)
    if unit is not None and not _may_report(user, unit):
        _fail(errors, entry, "unit", entry.unit or entry.subject, _not_yours(user))
    period = _period(entry, series, errors)
    value, growth = _numbers(entry, series, errors)
    if series is not None and unit is not None and period is not None and len(errors) == before:
        _check_open(user, entry, series, unit, subject, period, lookup, today, errors)
    if len(errors) > before:
        return None
    return Change(entry, series, unit, period, value, growth, figure=None,
                  subject_kind=entry.subject_kind if subject is not None else "", subject=subject)


def _subject(entry: Entry, lookup: Lookup, errors: list) -> tuple[object, Unit | None]:
    """Whose figure it is: a subject's (a key project's, reported by its unit) or a unit's own."""
    subject, kind = None, None
    if entry.subject_kind:
        kind = subjects.kind(entry.subject_kind)
        subject = lookup.subjects.get(entry.subject_kind, {}).get(str(entry.subject).strip())
        if subject is None:
            label = kind.label if kind else entry.subject_kind
            _fail(errors, entry, entry.subject_kind, entry.subject, f"没有这个{label}")
            return None, None
    if not entry.unit and subject is not None:
        return subject, getattr(subject, kind.owner_field)
    unit = lookup.units.get(str(entry.unit).strip())
    if unit is None:
        _fail(errors, entry, "unit", entry.unit, "没有这个单位")
    elif subject is not None and kind.owner_id(subject) != unit.pk:
        # names no other unit's subject
        _fail(errors, entry, "unit", entry.unit, f"{kind.label}“{entry.subject}”不是{unit.name}的{kind.label}")
        unit = None
    return subject, unit


def _may_report(user, unit: Unit) -> bool:
    return user is None or in_reach(user, unit, CHANGE)


def _not_yours(user) -> str:
    if user.role == user.Role.REPORTER and user.unit_id:
        return f"不是本单位的数据,您只能填报{user.unit.name}的数据"
    if user.edits_plans and user.unit_id:
        return f"不在您的辖区内,您只能填报{user.unit.name}及其下级单位的数据"
    return "您的账号不能填报数据"


def _period(entry: Entry, series: Series | None, errors: list) -> Period | None:
    try:
        period = parse(str(entry.period))
    except PeriodError as exc:
        _fail(errors, entry, "period", entry.period, str(exc))
        return None
    if series is None:
        return period
    try:
        return normalized(period, series.frequency)
    except PeriodError:
        _fail(errors, entry, "period", entry.period,
              f"{series.name}按{series.get_frequency_display()}报送,没有“{period.label_zh_full}”这一期")
        return None


def _numbers(entry: Entry, series: Series | None, errors: list) -> tuple[Decimal | None, Decimal | None]:
    numbers = []
    for name, raw in (("value", entry.value), ("growth", entry.growth)):
        try:
            numbers.append(parse_number(raw))
        except NotANumber as exc:
            _fail(errors, entry, name, raw, exc.reason)
            numbers.append(None)
    value, growth = numbers
    if value is None and growth is None and not any(e.row == entry.row for e in errors):
        _fail(errors, entry, "value", "", "数值和增速至少填写一项")
    if value is not None and not _holdable(value):
        _fail(errors, entry, "value", entry.value, "数值超出可保存的范围(绝对值须小于 10 的 15 次方),请检查单位和位数")
    elif value is not None and value < 0 and series is not None and not series.allow_negative:
        _fail(errors, entry, "value", entry.value, f"{series.name}不能为负数(指标库未允许负值)")
    if growth is not None and not GROWTH_RANGE[0] <= growth <= GROWTH_RANGE[1]:
        _fail(errors, entry, "growth", entry.growth, "增速应在 −100% 与 1000% 之间(单位为 %)")
    stated = (entry.unit_of_measure or "").strip()
    if series is not None and stated and stated != series.unit_of_measure:
        _fail(errors, entry, "unit_of_measure", stated, f"计量单位应为“{series.unit_of_measure}”")
    return value, growth


def _holdable(value: Decimal) -> bool:
    """Within the limit, also once SQLite has stored it as a binary float."""
    return abs(value) < VALUE_LIMIT and abs(float(value)) < VALUE_LIMIT


def _check_open(user, entry, series, unit, subject, period, lookup, today, errors) -> None:
    """期间未开放: the period has not ended yet, or (for a reporter) it is outside the unit's task."""
    if period.end_date >= today:
        _fail(errors, entry, "period", entry.period, f"{period.label_zh_full}尚未结束,不能填报")
        return
    if user is None or user.edits_plans:
        return
    if subject is not None:
        kind = subjects.kind(entry.subject_kind)
        first = today.year - kind.recent_years
        if period.end_year < first:
            _fail(errors, entry, "period", entry.period, f"{kind.label}数据只能填报 {first} 年以来的期间")
        return
    periods = lookup.tasks.get((series.pk, unit.pk))
    if not periods:
        _fail(errors, entry, "series", entry.series, f"{unit.name}没有“{series.name}”的填报任务")
        return
    first = min(p.start_year for p in periods) - 1  # last year's figures give the seasonal profile
    last = max(p.end_year for p in periods)
    if not first <= period.end_year <= last:
        _fail(errors, entry, "period", entry.period, f"填报期间应在 {first}–{last} 年之内")


def _period_ends(lookup: Lookup, planned: dict) -> dict[tuple, list[dt.date]]:
    """(series, unit, subject kind, subject id, year start) → the sorted period ends known, stored or in this
    submission."""
    ends: dict[tuple, set] = {}
    for key in (*lookup.known, *planned):
        ends.setdefault(key[:5], set()).add(key[5])
    return {k: sorted(v) for k, v in ends.items()}


def _previous(change: Change, lookup: Lookup, planned: dict, ends: dict):
    """The figure of the period before CHANGE's in the same year (this submission's own first)."""
    slot = change.key[:5]
    known = ends.get(slot, [])
    i = bisect.bisect_left(known, change.period.end_date)
    if i == 0:
        return None
    key = (*slot, known[i - 1])
    if key in planned:
        other = planned[key]
        return other.period, other.value, other.growth
    period, value, growth = lookup.stored(key)
    return parse(period), value, growth


def _check_against_history(change: Change, lookup: Lookup, planned: dict, ends: dict, errors: list) -> None:
    previous = _previous(change, lookup, planned, ends)
    if previous is None:
        return
    period, value, growth = previous
    entry = change.entry
    if change.value is not None and value is not None and change.series.accumulation == "flow":
        if change.value < value:
            _fail(errors, entry, "value", entry.value,
                  f"累计数低于上期({period.label_zh})的 {plain(value)},累计数不会减少")
            return
        _check_jump(change, period, value, errors)
    if change.growth is not None and growth is not None and abs(change.growth - growth) > 30 and not _explained(entry):
        _fail(errors, entry, "growth", entry.growth,
              f"与上期({period.label_zh})增速 {plain(growth)}% 相差超过 30 个百分点;"
              "如数据无误,请在“说明”栏写明原因")


def _check_jump(change: Change, period: Period, value: Decimal, errors: list) -> None:
    """异常波动: a year-to-date figure far off the pace of the previous period, unexplained."""
    if value <= 0 or _explained(change.entry):
        return
    factor = Decimal(str(getattr(settings, "LUOSHI_JUMP_FACTOR", 3.0)))
    pace = (change.value / value) / (Decimal(change.period.months) / Decimal(period.months))
    if pace > factor or pace < 1 / factor:
        _fail(errors, change.entry, "value", change.entry.value,
              f"与上期({period.label_zh})的 {plain(value)} 相比变化异常;如数据无误,请在“说明”栏写明原因")


def _explained(entry: Entry) -> bool:
    return bool((entry.note or "").strip() or (entry.reason or "").strip())


def _check_conflict(change: Change, conflicts: list) -> None:
    entry = change.entry
    if entry.based_on is ANY_BASE:
        return
    head = change.head
    head_id = head.pk if head else None
    based_on = int(entry.based_on) if entry.based_on not in (None, "") else None
    if based_on != head_id and head is not None:
        conflicts.append(Conflict(entry.row, change.figure, head, change.value, change.growth))


__all__ = ["Change", "Conflict", "Validation", "normalized", "validate"]
