"""看板: a plan's targets (or one unit's assignments) judged at a period, grouped by front, worst first.

Pure assembly over the kept verdicts (`verdicts.keeping`, the judgement engine's output): no verdict is
computed here. The number of queries is fixed whatever the number of targets.
"""

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from luoshi.dashboard.charts import bullet
from luoshi.dashboard.filters import BoardFilter
from luoshi.dashboard.ranking import RankRow, late_units, rank_units
from luoshi.figures.lateness import Owed
from luoshi.figures.status import default_at
from luoshi.lib import status as vocabulary
from luoshi.lib.periods import Frequency, Period, parse, periods_in
from luoshi.plans.models import Assignment, Plan, Target
from luoshi.plans.views import wording_of
from luoshi.units.models import Unit
from luoshi.verdicts.keeping import Kept, kept_assignments, kept_targets

TARGET_RELATED = ("plan", "front", "series", "region_unit", "owner")


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


@dataclass
class Panel:
    """方面: one front's cards, red and yellow first."""

    name: str
    cards: list[Card]


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

    @property
    def cards(self) -> list[Card]:
        return [card for panel in self.panels for card in panel.cards]

    @property
    def periods(self) -> list[Period]:
        return picker_periods(self.plan.year) if self.plan else []


def picker_periods(year: int) -> list[Period]:
    """The statistical calendar of a plan year: 1–2月, 3月 … 12月 and 一季度, 上半年, 前三季度, 全年."""
    months = periods_in(year, Frequency.MONTHLY)
    quarters = periods_in(year, Frequency.QUARTERLY)
    return sorted([*months[:-1], *quarters], key=lambda p: (p.end_month, -p.months))


def visible_plans(user):
    return Plan.objects.restrict(user).filter(archived=False).select_related("issuer")


def pick_plan(plans: list[Plan], plan_id: int | None) -> Plan | None:
    """The asked-for plan, else the newest published one, else the newest."""
    if plan_id is not None:
        return next((p for p in plans if p.pk == plan_id), None)
    published = [p for p in plans if p.status == Plan.Status.PUBLISHED]
    return (published or plans or [None])[0]


def with_plan_text(targets: list[Target]) -> list[Target]:
    """TARGETS with their plans read once: select_related would copy a plan's whole text into every row."""
    plans = Plan.objects.in_bulk({t.plan_id for t in targets})
    for target in targets:
        target.plan = plans[target.plan_id]
    return targets


def judge_units(user, targets, at: Period, today: dt.date, unit_code: str = "") -> list[Kept]:
    """The assignments of TARGETS that USER may see (all for USER None: the CLI), of UNIT_CODE if given."""
    scope = Assignment.objects.all() if user is None else Assignment.objects.restrict(user)
    assignments = scope.filter(target__in=targets).select_related(
        "unit", *(f"target__{name}" for name in TARGET_RELATED)).defer("target__plan__text")
    if unit_code:
        assignments = assignments.filter(unit__code=unit_code)
    assignments = list(assignments)
    with_plan_text([a.target for a in assignments])
    return kept_assignments(assignments, at, today)


def city_judged(user, targets, at: Period, today: dt.date) -> list[Kept]:
    """The city-level TARGETS judged, for those who see more than their own unit (their figures' lateness)."""
    if user is not None and not user.jurisdiction.several:
        return []
    return kept_targets(with_plan_text(list(targets.select_related(*TARGET_RELATED).defer("plan__text"))), at, today)


def judge_board(user, plan: Plan, board_filter: BoardFilter, at: Period, today: dt.date) -> list[Kept]:
    targets = board_filter.narrow(plan.targets.active().select_related(*TARGET_RELATED).defer("plan__text"))
    if not board_filter.unit:
        return kept_targets(with_plan_text(list(targets)), at, today)
    return judge_units(user, targets, at, today, board_filter.unit)


def group(cards: list[Card], board_filter: BoardFilter, front_names: list[str]) -> list[Panel]:
    """The cards the filter keeps, by front in plan order, worst first within each front."""
    panels = {name: Panel(name, []) for name in front_names}
    for card in cards:
        if board_filter.keeps(card.row):
            name = card.row["front"] or "其他"
            panels.setdefault(name, Panel(name, [])).cards.append(card)
    for panel in panels.values():
        panel.cards.sort(key=lambda c: (vocabulary.worst_first(c.status), c.target.order, c.target.pk))
    return [p for p in panels.values() if p.cards]


def count(cards: list[Card]) -> dict[str, int]:
    return vocabulary.tally(card.status for card in cards)


def build_board(user, board_filter: BoardFilter, plans: list[Plan], today: dt.date | None = None) -> Board:
    """The dashboard for USER: PLANS are the plans they may see (see `visible_plans`)."""
    today = today or dt.date.today()
    plan = pick_plan(plans, board_filter.plan)
    if plan is None:
        return Board(None, board_filter, None)
    at = parse(board_filter.period) if board_filter.period else default_at(plan.year, today)
    unit = Unit.objects.filter(code=board_filter.unit).first() if board_filter.unit else None
    judged = judge_board(user, plan, board_filter, at, today)
    cards = [Card(k, k.row, wording_of(k.target)) for k in judged]
    front_names = [f.name for f in plan.fronts.all()]
    return Board(plan, board_filter, at, unit, group(cards, board_filter, front_names), front_names, count(cards),
                 late_units(judged))


@dataclass
class Ranking:
    """排名: the units of a plan (one target or front) by pace, and the overdue ones."""

    plan: Plan | None
    at: Period | None
    target: Target | None = None
    rows: list[RankRow] = field(default_factory=list)
    late: list[Owed] = field(default_factory=list)


def build_ranking(user, board_filter: BoardFilter, plans: list[Plan], target_id: int | None = None,
                  today: dt.date | None = None) -> Ranking:
    today = today or dt.date.today()
    plan = pick_plan(plans, board_filter.plan)
    if plan is None:
        return Ranking(None, None)
    at = parse(board_filter.period) if board_filter.period else default_at(plan.year, today)
    targets = board_filter.narrow(plan.targets.active())
    target = targets.filter(pk=target_id).first() if target_id else None
    if target_id:
        targets = targets.filter(pk=target_id)
    judged = judge_units(user, targets, at, today, "" if user.jurisdiction.several else board_filter.unit)
    return Ranking(plan, at, target, rank_units(judged), late_units(judged + city_judged(user, targets, at, today)))
