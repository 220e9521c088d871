"""看板: a plan's targets (or one unit's assignments) judged at a period, grouped by front, worst first.

Pure assembly over the kept verdicts (`verdicts.keeping`, the judgement engine's output): no verdict is
computed here. The number of queries is fixed whatever the number of targets.
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property

from luoshi.core import prepared
from luoshi.core.labels import period_label
from luoshi.dashboard.charts import bullet
from luoshi.dashboard.filters import BoardFilter
from luoshi.dashboard.ranking import RankRow, late_units, rank_units
from luoshi.figures.lateness import Owed
from luoshi.figures.models import Series
from luoshi.figures.status import default_at
from luoshi.lib import status as vocabulary
from luoshi.lib.periods import Frequency, Period, parse, periods_in
from luoshi.plans.models import Assignment, Front, Plan, Target
from luoshi.plans.views import wording_of
from luoshi.units.models import Unit, shown_name
from luoshi.units.tree import unit_coded
from luoshi.verdicts.keeping import Kept, kept_assignments, kept_targets, stamp

TARGET_RELATED = ("plan", "front", "series", "region_unit", "owner")
RANKED = ("pace_ratio",)  # what a ranking reads of each unit's verdicts, besides their status and the figure owed


@dataclass
class Card:
    """One target (or assignment) on the board: its kept verdict row, wording and chart data."""

    judged: Kept
    row: dict
    wording: str

    @property
    def target(self) -> Target:
        return self.judged.target

    @property
    def key(self) -> str:
        return self.judged.key

    @property
    def json_id(self) -> str:
        return f"chart-{self.key}"

    @property
    def status(self) -> str:
        return self.row["status"]

    @cached_property
    def chart(self) -> dict:
        return bullet(self.row, self.judged.chart)


ATTENTION = ("red", "yellow")
WHOLE = 24  # a board of this many cards or fewer shows them all; a bigger one shows red and yellow first


@dataclass
class Panel:
    """方面: one front's cards, red and yellow first. On a big board (more than WHOLE cards, no front or status
    picked) only its red and yellow cards are rendered with the page; the rest come when the reader opens them."""

    name: str
    cards: list[Card]
    query: str = ""  # the board's filter narrowed to this front: where the rest of its cards are loaded from
    whole: bool = True

    @property
    def shown(self) -> list[Card]:
        """The cards rendered with the page."""
        return self.cards if self.whole else [c for c in self.cards if c.status in ATTENTION]

    @property
    def others(self) -> list[Card]:
        """The front's cards neither red nor yellow (what its 其余 fragment renders)."""
        return [c for c in self.cards if c.status not in ATTENTION]

    @property
    def hidden(self) -> list[Card]:
        """The cards left for the reader to open."""
        return [] if self.whole else self.others

    @property
    def hidden_counts(self) -> dict[str, int]:
        return count(self.hidden)


@dataclass
class Board:
    plan: Plan | None
    filter: BoardFilter
    at: Period | None
    unit: Unit | None = None
    panels: list[Panel] = field(default_factory=list)
    fronts: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: vocabulary.tally(()))
    late: list[Owed] = field(default_factory=list)  # 逾期未报 behind the cards (see figures.lateness)
    today: dt.date | None = None

    @property
    def targets(self):
        """The plan's active targets the filter keeps (a queryset)."""
        return self.filter.narrow(self.plan.targets.active())

    @property
    def cards(self) -> list[Card]:
        return [card for panel in self.panels for card in panel.cards]

    @property
    def periods(self) -> list[Period]:
        return picker_periods(self.plan.year) if self.plan else []

    @property
    def period_choices(self) -> list[tuple[str, str]]:
        """The picker's periods as (code, label) in the reader's language."""
        return [(p.code, period_label(p.code)) for p in self.periods]


def picker_periods(year: int) -> list[Period]:
    """The statistical calendar of a plan year: 1–2月, 3月 … 12月 and 一季度, 上半年, 前三季度, 全年."""
    months = periods_in(year, Frequency.MONTHLY)
    quarters = periods_in(year, Frequency.QUARTERLY)
    return sorted([*months[:-1], *quarters], key=lambda p: (p.end_month, -p.months))


def visible_plans(user):
    """The plans USER may see (a province leader's: every city's), without their whole text (no list shows it)."""
    return Plan.objects.restrict(user).filter(archived=False).select_related("issuer").defer("text")


def pick_plan(plans: list[Plan], plan_id: int | None) -> Plan | None:
    """The asked-for plan, else the newest published one, else the newest."""
    if plan_id is not None:
        return next((p for p in plans if p.pk == plan_id), None)
    published = [p for p in plans if p.status == Plan.Status.PUBLISHED]
    return (published or plans or [None])[0]


def loaded_targets(targets) -> list[Target]:
    """TARGETS (a queryset, or a list already loaded) with what the engine reads of them (TARGET_RELATED): each
    plan, front, series and unit read once and shared by its targets, not joined into every target's row (a plan's
    whole text, a series per target), in a fixed number of queries."""
    if isinstance(targets, list):
        return targets
    rows = list(targets)
    plans = Plan.objects.in_bulk({t.plan_id for t in rows})
    fronts = Front.objects.in_bulk({t.front_id for t in rows} - {None})
    series = Series.objects.in_bulk({t.series_id for t in rows} - {None})
    units = Unit.objects.in_bulk({pk for t in rows for pk in (t.region_unit_id, t.owner_id)} - {None})
    for t in rows:
        t.plan, t.front, t.series = plans[t.plan_id], fronts.get(t.front_id), series.get(t.series_id)
        t.region_unit, t.owner = units.get(t.region_unit_id), units.get(t.owner_id)
    return rows


def assignments_of(assignments, targets: list[Target]) -> list[Assignment]:
    """The ASSIGNMENTS queryset's rows of TARGETS (loaded), each with its target and unit attached: every target
    and unit built once, not once per row (a city's ranking is 20 units × its targets), in the model's order."""
    by_pk = {t.pk: t for t in targets}
    rows = list(assignments.filter(target__in=by_pk).only("target", "unit", "value").order_by())
    units = Unit.objects.in_bulk({a.unit_id for a in rows})
    position = {pk: n for n, pk in enumerate(by_pk)}
    for assignment in rows:
        assignment.target, assignment.unit = by_pk[assignment.target_id], units[assignment.unit_id]
    return sorted(rows, key=lambda a: (position[a.target_id], a.unit.order, a.unit.code))


def unit_scope(user, unit_code: str = ""):
    """The assignments USER may see (all for USER None: the CLI), of UNIT_CODE if given."""
    scope = Assignment.objects.all() if user is None else Assignment.objects.restrict(user)
    return scope.filter(unit__code=unit_code) if unit_code else scope


def judge_units(user, targets, at: Period, today: dt.date, unit_code: str = "",
                row_keys: tuple[str, ...] | None = None) -> list[Kept]:
    """The assignments of TARGETS that USER may see, of UNIT_CODE if given (`unit_scope`); with ROW_KEYS, only
    those fields of each verdict row are read (see `kept_assignments`)."""
    return kept_assignments(assignments_of(unit_scope(user, unit_code), loaded_targets(targets)), at, today, row_keys)


def city_judged(user, targets, at: Period, today: dt.date) -> list[Kept]:
    """The city-level TARGETS judged, for those who see more than their own unit (their figures' lateness)."""
    if not sees_city(user):
        return []
    return kept_targets(loaded_targets(targets), at, today)


def sees_city(user) -> bool:
    return user is None or user.jurisdiction.several


def judge_board(user, board: Board) -> list[Kept]:
    """The kept verdicts of the board's targets or, with a unit picked, of that unit's assignments of them."""
    targets = loaded_targets(board.targets)
    if not board.filter.unit:
        return kept_targets(targets, board.at, board.today)
    return judge_units(user, targets, board.at, board.today, board.filter.unit)


def group(cards: list[Card], board_filter: BoardFilter, front_names: list[str]) -> list[Panel]:
    """The cards the filter keeps, by front in plan order, worst first within each front; on a big board with no
    front or status picked, each front's rest (neither red nor yellow) is left for the reader to open."""
    whole = len(cards) <= WHOLE or bool(board_filter.front or board_filter.status)
    panels = {name: Panel(name, [], board_filter.query(front=name), whole) for name in front_names}
    for card in cards:
        if board_filter.keeps(card.row):
            name = card.row["front"] or "其他"
            panels.setdefault(name, Panel(name, [])).cards.append(card)  # 其他: no front to load it by, all shown
    for panel in panels.values():
        panel.cards.sort(key=lambda c: (vocabulary.worst_first(c.status), c.target.order, c.target.pk))
    return [p for p in panels.values() if p.cards]


def count(cards: list[Card]) -> dict[str, int]:
    return vocabulary.tally(card.status for card in cards)


def board_frame(board_filter: BoardFilter, plans: list[Plan], today: dt.date | None = None) -> Board:
    """The board without its cards: the plan picked from PLANS (those the reader may see, see `visible_plans`),
    the period judged at and the unit picked — what the page's head shows, and what its cards are judged by."""
    today = today or dt.date.today()
    plan = pick_plan(plans, board_filter.plan)
    if plan is None:
        return Board(None, board_filter, None, today=today)
    at = parse(board_filter.period) if board_filter.period else default_at(plan.year, today)
    unit = _picked_unit(board_filter)
    return Board(plan, board_filter, at, unit, fronts=front_names(plan), today=today)


def front_names(plan: Plan) -> list[str]:
    """The names of PLAN's fronts in their order (`plan.fronts.all()`), a prepared read: every board shows them."""
    return [name for name, in prepared.fetch(
        f"SELECT f.name FROM plans_front f WHERE f.plan_id = %s ORDER BY f.{prepared.quoted('order')}, f.id",
        [plan.pk])]


def assigned_units(user, plan: Plan) -> list[tuple[str, str]]:
    """The units of USER's jurisdiction with assignments in PLAN (an EXISTS per unit: no join over them all), as a
    unit picker offers them: (code, name shown). A prepared read: every board of a city offers it."""
    within, params = user.jurisdiction.where("u")
    rows = prepared.fetch(
        "SELECT u.code, u.name, u.short_name, u.kind FROM units_unit u WHERE " + within + " AND EXISTS (SELECT 1 "
        "FROM plans_assignment a JOIN plans_target t ON t.id = a.target_id WHERE t.plan_id = %s AND a.unit_id = u.id)"
        f" ORDER BY u.{prepared.quoted('order')}, u.code", [*params, plan.pk])
    return [(code, shown_name(name, short, kind)) for code, name, short, kind in rows]


def _picked_unit(board_filter: BoardFilter) -> Unit | None:
    """The unit the filter names: as `read_filter` found it, else looked up."""
    if not board_filter.unit:
        return None
    picked = board_filter.picked
    if picked is not None and picked.code == board_filter.unit:
        return picked
    return unit_coded(board_filter.unit)


def filled(user, board: Board) -> Board:
    """BOARD (a frame) with its cards: the kept verdicts of its targets, or of one unit's assignments of them."""
    if board.plan is None:
        return board
    judged = judge_board(user, board)
    cards = [Card(k, k.row, wording_of(k.target)) for k in judged]
    return replace(board, panels=group(cards, board.filter, board.fronts), counts=count(cards), late=late_units(judged))


def build_board(user, board_filter: BoardFilter, plans: list[Plan], today: dt.date | None = None) -> Board:
    """The dashboard for USER: PLANS are the plans they may see (see `visible_plans`)."""
    return filled(user, board_frame(board_filter, plans, today))


def board_stamp(board: Board) -> tuple:
    """What the board's cards are read from, as `verdicts.keeping.stamp` (a rendering of them is cached by it):
    the plan's targets, or the picked unit's assignments (whichever front or status the filter keeps)."""
    if board.plan is None:
        return ()
    if board.unit is None:
        return stamp(board.plan.pk, board.at, board.today)
    return stamp(board.plan.pk, board.at, board.today, targets=False, unit_id=board.unit.pk)


@dataclass
class Ranking:
    """排名: the units of a plan (one target or front) by pace, and the overdue ones."""

    plan: Plan | None
    at: Period | None
    target: Target | None = None
    rows: list[RankRow] = field(default_factory=list)
    late: list[Owed] = field(default_factory=list)
    filter: BoardFilter = field(default_factory=BoardFilter)
    today: dt.date | None = None
    target_id: int | None = None  # the target asked for (`target`: None when the plan has no such target)

    @property
    def targets(self):
        """The targets ranked on (the plan's active ones the filter keeps, or the one asked for), a queryset."""
        targets = self.filter.narrow(self.plan.targets.active())
        return targets.filter(pk=self.target_id) if self.target_id else targets


def ranking_frame(board_filter: BoardFilter, plans: list[Plan], target_id: int | None = None,
                  today: dt.date | None = None) -> Ranking:
    """The ranking without its rows: plan, period and the target picked (None when it is not the plan's)."""
    today = today or dt.date.today()
    plan = pick_plan(plans, board_filter.plan)
    if plan is None:
        return Ranking(None, None, filter=board_filter, today=today)
    at = parse(board_filter.period) if board_filter.period else default_at(plan.year, today)
    ranking = Ranking(plan, at, filter=board_filter, today=today, target_id=target_id)
    return replace(ranking, target=ranking.targets.first()) if target_id else ranking


def ranked(user, ranking: Ranking) -> Ranking:
    """RANKING (a frame) with its rows: each unit's kept verdicts, and the figures owed behind them and the city's."""
    if ranking.plan is None:
        return ranking
    targets = loaded_targets(ranking.targets)
    judged = judge_units(user, targets, ranking.at, ranking.today, "" if sees_city(user) else ranking.filter.unit,
                         row_keys=RANKED)  # all USER may see, or (a reporter) their own unit's
    late = late_units(judged + city_judged(user, targets, ranking.at, ranking.today))
    return replace(ranking, rows=rank_units(judged), late=late)


def build_ranking(user, board_filter: BoardFilter, plans: list[Plan], target_id: int | None = None,
                  today: dt.date | None = None) -> Ranking:
    return ranked(user, ranking_frame(board_filter, plans, target_id, today))


def ranking_stamp(user, ranking: Ranking) -> tuple:
    """What the ranking is read from (see `board_stamp`): the plan's targets and all their assignments, or (a
    reporter) their own unit's assignments."""
    if ranking.plan is None:
        return ()
    if sees_city(user):
        return stamp(ranking.plan.pk, ranking.at, ranking.today, assignments=True)
    return stamp(ranking.plan.pk, ranking.at, ranking.today, targets=False, unit_id=user.unit_id)
