"""研判结果 kept: every verdict stored per target (or assignment) and judged period, read without recomputing.

The engine (`figures.status`, on `lib.judgement`) stays the only thing that computes a verdict; this
module keeps what it said and is the one read path of the status CLI and API, the dashboard and its
API, the ranking, the briefing and the public pledge page, so they never disagree:

- `kept_targets` / `kept_assignments` (objects loaded by the caller) and `target_rows` /
  `assignment_rows` (rows only, nothing loaded: the status CLI and API) read the kept verdicts judged
  on TODAY at each item's period in a fixed number of queries. A verdict with no such row — fresh
  install, new target, another period picked, the calendar moved on, or marked stale because its
  target, plan, series or unit changed — is judged by the engine and kept on that read (once).
- `stamp` tells, in one statement, whether a plan's kept verdicts changed (a cached page is keyed by it).
- `refresh` judges items again at the periods they are kept at for today, in the caller's transaction:
  an approval refreshes the verdicts its figure feeds (see `receivers`), and `luoshi verdicts refresh`
  (run daily: lateness and expected-by-now move with the calendar) refreshes all of them.
- Every status change is a `Flip` row, and `signals.verdict_flipped` is sent for it: "newly red since
  last week" is `Flip.objects.filter(new_status="red", created__gte=…)`. A verdict first kept at a
  later period than the item's previous one (the month moved on) flips from that previous status.
"""

import datetime as dt
import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

import msgspec
from django.db import connection, transaction
from django.db.models import Q

from luoshi.figures.lateness import Owed, debtor_of, judging_at, subject_of, with_owners
from luoshi.figures.status import default_at, judge_assignments, judge_targets, verdict_row
from luoshi.lib.periods import parse
from luoshi.plans.models import Assignment, Target
from luoshi.verdicts.models import Flip, StoredVerdict
from luoshi.verdicts.rows import stored_chart, stored_owed
from luoshi.verdicts.signals import verdict_flipped

CHUNK = 5000  # ids per IN (…): well under SQLite's variable limit
RELATED = ("plan", "front", "series", "region_unit", "owner")  # what the engine reads of a target

Key = tuple[int, int, str]  # target id, assignment id (0: the target itself), period code judged at


class Stored(NamedTuple):
    status: str
    row: dict
    chart: dict
    owed: dict | None
    version: int


@dataclass
class Kept:
    """One kept verdict with the target (and assignment) it is of: what a page lists."""

    target: Target
    assignment: Assignment | None
    row: dict  # verdict_row
    chart: dict  # last_year, spark
    owed: Owed | None
    version: int

    @property
    def status(self) -> str:
        return self.row["status"]

    @property
    def key(self) -> str:
        return f"{self.target.pk}-{self.assignment.pk if self.assignment else 0}"


def key_text(key: Key) -> str:
    return f"{key[0]}:{key[1]}:{key[2]}"


_decode = msgspec.json.Decoder().decode  # the same values as json.loads, in half its time (6,300 rows a city)


def _json(value):
    return _decode(value) if isinstance(value, str) else value


def _chunks(ids) -> list[list[int]]:
    ids = sorted(set(ids))
    return [ids[i:i + CHUNK] for i in range(0, len(ids), CHUNK)]


def _select(where: Q, today: dt.date | None, keys: set[Key], extra: tuple[str, ...],
            row_keys: tuple[str, ...] | None = None) -> dict[Key, Stored]:
    """The kept rows of KEYS matching WHERE (judged on TODAY unless None), read with the cursor (no model
    objects) and decoded only for KEYS: the verdict row (only its ROW_KEYS, picked by the database, when given)
    and, of EXTRA, the chart marks and the figure owed."""
    query = StoredVerdict.objects.filter(where)
    if today is not None:
        query = query.filter(judged_on=today)
    query = query.order_by()
    with _no_cycle_collection():
        if row_keys is not None:  # a few fields of each row: the ORM's key transforms, decoded as on every database
            rows = query.values_list("target_id", "assignment_id", "at", "status", "version",
                                     *(f"row__{k}" for k in row_keys), *extra)
        else:
            with connection.cursor() as cursor:
                cursor.execute(*query.values_list("target_id", "assignment_id", "at", "status", "version", "row",
                                                  *extra).query.sql_with_params())
                rows = cursor.fetchall()
        found = {}
        for t, a, at, status, version, *rest in rows:
            if (key := (t, a or 0, at)) in keys:
                head, tail = rest[:len(rest) - len(extra)], rest[len(rest) - len(extra):]
                row = {**dict(zip(row_keys, head, strict=True)), "status": status} if row_keys is not None else (
                    _json(head[0]))
                more = dict(zip(extra, tail, strict=True))
                found[key] = Stored(status, row, _json(more.get("chart", {})), _json(more.get("owed")), version)
    return found


@contextmanager
def _no_cycle_collection():
    """Fetched and decoded rows are tuples, dicts and lists that cannot form a cycle, but their allocations (a
    province's 113,400 rows) set off the cyclic collector's passes over the whole heap, half the read's time: it
    waits until the rows are in. (Reference counting frees memory as usual meanwhile.) They are then moved to the
    oldest generation as they are (`gc.freeze` + `gc.unfreeze`): else the first collection after it walks the
    million new containers at once, a third of the province's read; now only a full collection, which comes as
    it would have, looks at them, and by then a page's rows are long freed."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()


def _stored(keys: set[Key], today: dt.date | None, extra: tuple[str, ...] = ("chart", "owed"),
            row_keys: tuple[str, ...] | None = None) -> dict[Key, Stored]:
    """The kept rows of KEYS: by target ids for the targets; for assignments by their ids, or by their targets'
    ids when they are most of those targets' assignments (a city's, a province's: a shorter query)."""
    found = {}
    targets = [k[0] for k in keys if not k[1]]
    for ids in _chunks(targets):
        found.update(_select(Q(target_id__in=ids, assignment__isnull=True), today, keys, extra, row_keys))
    assignments = [k for k in keys if k[1]]
    of_targets = {k[0] for k in assignments}
    if len(assignments) >= 5 * len(of_targets):
        for ids in _chunks(of_targets):
            found.update(_select(Q(target_id__in=ids, assignment__isnull=False), today, keys, extra, row_keys))
    else:
        for ids in _chunks(k[1] for k in assignments):
            found.update(_select(Q(assignment_id__in=ids), today, keys, extra, row_keys))
    return found


def _keys(items, at_of) -> dict[Key, object]:
    """Each target or assignment by its key (at AT_OF(target))."""
    found = {}
    for item in items:
        target, assignment = (item.target, item) if isinstance(item, Assignment) else (item, None)
        found[(target.pk, assignment.pk if assignment else 0, at_of(target).code)] = item
    return found


def _judge(items: list, at, today: dt.date) -> list:
    """The engine's verdicts of ITEMS (all targets or all assignments) at AT (None: each plan year's default)."""
    if items and isinstance(items[0], Assignment):
        return judge_assignments(items, at, today)
    return judge_targets(items, at, today)


def _judged_key(judged) -> Key:
    return (judged.target.pk, judged.assignment.pk if judged.assignment else 0, judged.at.code)


def _previous(new: list[Key]) -> dict[tuple[int, int], tuple[str, str]]:
    """For keys kept for the first time: the item's latest kept period before theirs and its status."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    wanted = {(t, a): parse(at) for t, a, at in new}
    for ids in _chunks(t for t, _ in wanted):
        rows = StoredVerdict.objects.filter(target_id__in=ids).values_list("target_id", "assignment_id", "at", "status")
        for t, a, at, status in rows:
            item, period = (t, a or 0), parse(at)
            if item in wanted and period.end_date < wanted[item].end_date and (
                    item not in found or parse(found[item][0]).end_date < period.end_date):
                found[item] = (at, status)
    return found


def _flip(judged, old: str, new: str) -> Flip:
    return Flip(target_id=judged.target.pk, assignment_id=judged.assignment.pk if judged.assignment else None,
                at=judged.at.code, old_status=old, new_status=new, reason=judged.verdict.reason[:500])


def keep(judged_list: list, today: dt.date) -> dict[Key, Stored]:
    """Store the engine's JUDGED_LIST as judged on TODAY; record a Flip (and send `verdict_flipped`) for
    every status that changed. Returns what was kept, by key."""
    if not judged_list:
        return {}
    keys = {_judged_key(j): j for j in judged_list}
    before = _stored(set(keys), None)
    previous = _previous([k for k in keys if k not in before])
    rows, flips, kept = [], [], {}
    for key, judged in keys.items():
        new = Stored(judged.verdict.status.value, verdict_row(judged), stored_chart(judged), stored_owed(judged), 0)
        old = before.get(key)
        status = new.status
        version = 1 if old is None else old.version + (list(old[:4]) != json.loads(json.dumps(new[:4])))
        kept[key] = new._replace(version=version)
        rows.append(StoredVerdict(key=key_text(key), target_id=key[0], assignment_id=key[1] or None, at=key[2],
                                  status=status, row=new.row, chart=new.chart, owed=new.owed, judged_on=today,
                                  version=version))
        was = old.status if old is not None else previous.get(key[:2], (None, None))[1]
        if was is not None and was != status:
            flips.append((_flip(judged, was, status), judged))
    with transaction.atomic():
        StoredVerdict.objects.bulk_create(
            rows, batch_size=500, update_conflicts=True, unique_fields=["key"],
            update_fields=["status", "row", "chart", "owed", "judged_on", "version", "updated"])
        Flip.objects.bulk_create([f for f, _ in flips])
        for flip, judged in flips:
            verdict_flipped.send(Flip, flip=flip, target=judged.target, assignment=judged.assignment,
                                 old=flip.old_status, new=flip.new_status, words=judged.verdict.words)
    return kept


def _owed(item, stored: Stored) -> Owed | None:
    if stored.owed is None:
        return None
    target, assignment = (item.target, item) if isinstance(item, Assignment) else (item, None)
    period, due = parse(stored.owed["period"]), dt.date.fromisoformat(stored.owed["due"])
    return Owed(debtor_of(target, assignment), target.series, subject_of(target, assignment), period, due,
                stored.owed["days"], target, assignment)


def _read(items: list, at, today: dt.date | None, row_keys: tuple[str, ...] | None = None) -> list[Kept]:
    today = today or dt.date.today()
    by_key = _keys(items, judging_at(at, today))
    found = _stored(set(by_key), today, ("chart", "owed") if row_keys is None else ("owed",), row_keys)
    missing = [item for key, item in by_key.items() if key not in found]
    if missing:
        found.update(keep(_judge(missing, at, today), today))
    with_owners([(i.target, i) if isinstance(i, Assignment) else (i, None) for i in items])
    return [Kept(*((item.target, item) if isinstance(item, Assignment) else (item, None)), found[key].row,
                 found[key].chart, _owed(item, found[key]), found[key].version) for key, item in by_key.items()]


def kept_targets(targets, at=None, today: dt.date | None = None) -> list[Kept]:
    """The kept verdicts of TARGETS (with plan, series, region_unit and owner loaded) at AT (None: each plan
    year's `default_at`), as judged on TODAY; those not kept yet are judged and kept first."""
    return _read(list(targets), at, today)


def kept_assignments(assignments, at=None, today: dt.date | None = None,
                     row_keys: tuple[str, ...] | None = None) -> list[Kept]:
    """The kept verdicts of ASSIGNMENTS (with unit and target loaded as for `kept_targets`). With ROW_KEYS, each
    row holds only those fields of `verdict_row` and its status, and no chart marks are read (a ranking)."""
    return _read(list(assignments), at, today, row_keys)


_KEPT = "SELECT ({items}), COUNT(*), SUM(v.version), MAX(v.updated) FROM {verdicts} AND v.at = %s AND v.judged_on = %s"
_OF_PLAN = "{V} v JOIN {T} t ON t.id = v.target_id"  # a verdict's target, whoever it is of
_ACTIVE = "SELECT COUNT(*) FROM {A} a JOIN {T} t ON t.id = a.target_id WHERE t.plan_id = %s AND NOT t.archived"
_PARTS = {  # what is counted, and the verdicts kept of it: a plan's targets, their assignments, one unit's of those
    "targets": ("SELECT COUNT(*) FROM {T} t WHERE t.plan_id = %s AND NOT t.archived",
                "{V} v {OWN} JOIN {T} t ON t.id = v.target_id WHERE t.plan_id = %s AND v.assignment_id IS NULL"),
    "assignments": (_ACTIVE, f"{_OF_PLAN} WHERE t.plan_id = %s AND v.assignment_id IS NOT NULL"),
    "unit": (f"{_ACTIVE} AND a.unit_id = %s",
             f"{_OF_PLAN} JOIN {{A}} a ON a.id = v.assignment_id WHERE t.plan_id = %s AND a.unit_id = %s"),
}


def _statement(part: str) -> str:
    tables = {"T": Target._meta.db_table, "A": Assignment._meta.db_table, "V": StoredVerdict._meta.db_table,
              # SQLite takes the assignment_id index for IS NULL (one row, it guesses: 5,400 at province size, each
              # read past its JSON) over the partial index made for a plan's own verdicts (300 rows: 0.15 ms)
              "OWN": "INDEXED BY kept_verdicts_of_targets" if connection.vendor == "sqlite" else ""}
    items, verdicts = (sql.format(**tables) for sql in _PARTS[part])
    return _KEPT.format(items=items, verdicts=verdicts)


def stamp(plan_id: int, at, today: dt.date, *, targets: bool = True, assignments: bool = False,
          unit_id: int | None = None) -> tuple:
    """What the verdicts kept at AT (a Period) on TODAY of plan PLAN_ID's targets and (ASSIGNMENTS) their
    assignments, or one unit's (UNIT_ID), look like: for each, how many items there are, and how many verdicts
    are kept, their versions and their last keeping. It differs whenever one of them would read differently
    (kept again, a new version, marked stale by `receivers`, an item added or removed), so a rendering of them
    is cached by it. One plain statement per part: the ORM would take ten times the query to build it."""
    parts = ["targets"] * targets + (["unit"] if unit_id else ["assignments"] * assignments)
    found = []
    with connection.cursor() as cursor:
        for part in parts:
            scope = [plan_id, unit_id] if part == "unit" else [plan_id]
            cursor.execute(_statement(part), [*scope, *scope, at.code, connection.ops.adapt_datefield_value(today)])
            found.append(tuple(str(value) for value in cursor.fetchone()))
    return tuple(found)


def _rows(keys: dict[Key, int], load, at, today: dt.date) -> list[dict]:
    """The rows of KEYS (key → id), loading and judging only the items not kept for TODAY."""
    found = _stored(set(keys), today, extra=())
    missing = [pk for key, pk in keys.items() if key not in found]
    if missing:
        found.update(keep(_judge(list(load(missing)), at, today), today))
    return [found[key].row for key in keys]


class _DefaultCodes(dict):
    """Period code judged at, per plan year: AT's, else each year's `default_at` on TODAY."""

    def __init__(self, at, today):
        super().__init__()
        self.at, self.today = at, today

    def __missing__(self, year: int) -> str:
        code = self.at.code if self.at is not None else default_at(year, self.today).code
        self[year] = code
        return code


def target_rows(targets, at=None, today: dt.date | None = None) -> list[dict]:
    """The kept rows of the TARGETS queryset, in its order, without loading a model object when all are kept."""
    today = today or dt.date.today()
    codes = _DefaultCodes(at, today)
    keys = {(pk, 0, codes[year]): pk for pk, year in targets.values_list("pk", "plan__year")}
    return _rows(keys, lambda ids: Target.objects.filter(pk__in=ids).select_related(*RELATED).defer("plan__text"),
                 at, today)


def assignment_rows(assignments, at=None, today: dt.date | None = None) -> list[dict]:
    """The kept rows of the ASSIGNMENTS queryset, as `target_rows`."""
    today = today or dt.date.today()
    codes = _DefaultCodes(at, today)
    keys = {(t, pk, codes[year]): pk for pk, t, year in assignments.values_list("pk", "target_id", "target__plan__year")}
    return _rows(keys, lambda ids: Assignment.objects.filter(pk__in=ids).select_related(
        "unit", *(f"target__{name}" for name in RELATED)).defer("target__plan__text"), at, today)


def refresh(targets=(), assignments=(), today: dt.date | None = None, at=None) -> int:
    """Judge TARGETS and ASSIGNMENTS again at AT (None: each plan year's default) and at every other period
    they are kept at for TODAY, and keep the verdicts (flips recorded). Returns how many were kept."""
    today = today or dt.date.today()
    count = 0
    for items in (list(targets), list(assignments)):
        if not items:
            continue
        count += len(keep(_judge(items, at, today), today))
        for code, group in _kept_at_other_periods(items, at, today).items():
            count += len(keep(_judge(group, parse(code), today), today))
    return count


def _kept_at_other_periods(items: list, at, today: dt.date) -> dict[str, list]:
    """ITEMS by each other period they are kept at for TODAY (picked on the board, a briefing's period)."""
    at_of = judging_at(at, today)
    own = {(k[0], k[1]): k[2] for k in _keys(items, at_of)}
    by_item = {(k[0], k[1]): item for k, item in _keys(items, at_of).items()}
    found: dict[str, list] = {}
    is_assignment = isinstance(items[0], Assignment)
    for ids in _chunks(k[1] if is_assignment else k[0] for k in own):
        where = Q(assignment_id__in=ids) if is_assignment else Q(target_id__in=ids, assignment__isnull=True)
        for t, a, code in StoredVerdict.objects.filter(where, judged_on=today).values_list(
                "target_id", "assignment_id", "at"):
            item = (t, a or 0)
            if item in own and code != own[item]:
                found.setdefault(code, []).append(by_item[item])
    return found


def refresh_plans(plans, today: dt.date | None = None, at=None):
    """`refresh` every active target of PLANS and their assignments (at AT, default each plan year's), one
    plan (one transaction) at a time; yields each plan with how many verdicts were kept."""
    for plan in plans:
        targets = plan.targets.active().select_related(*RELATED).defer("plan__text")
        assignments = Assignment.objects.filter(target__in=targets).select_related(
            "unit", *(f"target__{name}" for name in RELATED)).defer("target__plan__text")
        with transaction.atomic():
            yield plan, refresh(targets, assignments, today, at)
