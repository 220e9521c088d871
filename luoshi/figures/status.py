"""研判: every target's and assignment's verdict, from the approved figures, in a fixed number of queries.

This is the one place that turns stored targets and figures into the judgement engine's inputs;
pages, API, CLI and briefings all call it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields

from django.conf import settings
from django.db import connection
from django.db.models import FloatField
from django.db.models.functions import Cast

from luoshi.figures.lateness import (
    Owed,
    Slots,
    default_at,
    gap,
    judged_period,
    judging_at,
    load_slots,
    series_at,
    wanted_of,
    with_owners,
)
from luoshi.figures.models import Figure
from luoshi.lib.judgement import Milestone, Observation, Status, TargetSpec, Tolerances, Verdict, judge
from luoshi.lib.numbers import places_of, rounded
from luoshi.lib.periods import Period, parse
from luoshi.plans.models import Assignment, Target, TargetMilestone

__all__ = ["Judged", "default_at", "judge_assignments", "judge_targets", "series_at", "spec_of", "tolerances",
           "verdict_row"]
UNLINKED = "未关联统计指标"


def tolerances() -> Tolerances:
    """容差 from settings (LUOSHI_TOLERANCES), defaults from the engine."""
    configured = getattr(settings, "LUOSHI_TOLERANCES", {})
    return Tolerances(**{f.name: configured[f.name] for f in fields(Tolerances) if f.name in configured})


@dataclass(frozen=True)
class Judged:
    """One target (or assignment) with its verdict and the figures behind it."""

    target: Target
    verdict: Verdict
    at: Period
    actuals: tuple[Observation, ...]
    last_year: tuple[Observation, ...]
    assignment: Assignment | None = None
    owed: Owed | None = None  # the figure judged at `at`, owed by a unit (late or not yet due)
    spec: TargetSpec | None = None

    @property
    def series_points(self) -> list[Observation]:
        return sorted(self.actuals, key=lambda o: o.period.sort_key)


def spec_of(target: Target, value=None, baseline=None, milestones=()) -> TargetSpec:
    """The engine's view of a stored target (VALUE replaces the target's own, for an assignment)."""
    return TargetSpec(
        kind=target.kind, value=float(target.value if value is None else value), period=parse(target.period),
        unit=target.unit_of_measure, accumulation=target.accumulation or "flow", bound=target.bound,
        commitment=target.commitment, baseline=baseline, milestones=milestones,
        decline=target.kind == "reduction" and target.bound != "max")


def load_milestones(targets) -> dict[int, tuple[Milestone, ...]]:
    """The dated steps (里程碑节点) of the milestone TARGETS, in one query."""
    ids = [t.pk for t in targets if t.kind == Target.Kind.MILESTONE]
    found = defaultdict(list)
    if ids:
        for row in TargetMilestone.objects.filter(target_id__in=ids, archived=False).order_by("order", "due", "pk"):
            found[row.target_id].append(Milestone(row.due, row.done, row.name))
    return {pk: tuple(steps) for pk, steps in found.items()}


def _observations(figures) -> dict[tuple[int, int], list[Observation]]:
    found = defaultdict(list)
    for series_id, unit_id, code, value, growth in figures:
        found[(series_id, unit_id)].append(Observation(parse(code), value, growth))
    return found


def load_observations(pairs: set[tuple[int, int]], years: tuple[int, int]) -> dict:
    """Approved figures of the (series, unit) PAIRS between the YEARS, in one query.

    The rows are fetched with the database cursor, as floats, without the ORM's per-row conversions:
    a province reads millions of them.
    """
    if not pairs:
        return {}
    series_ids, unit_ids = {s for s, _ in pairs}, {u for _, u in pairs}
    query = Figure.objects.filter(
        series_id__in=series_ids, unit_id__in=unit_ids, subject_kind="", approved_revision__isnull=False,
        period_end__gte=dt.date(years[0], 1, 1), period_end__lte=dt.date(years[1], 12, 31),
    ).order_by().values_list("series_id", "unit_id", "period", Cast("value", FloatField()),
                             Cast("growth", FloatField()))
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return _observations(cursor.fetchall())


def _cumulative(period: Period, observations: list[Observation]) -> list[Observation]:
    """Annual flows of a multi-year target summed into running totals since its first year."""
    yearly = {o.period.end_year: o.value for o in observations
              if not o.period.is_multi_year and o.period.months == 12 and o.value is not None}
    running, total = [], 0.0
    for year in range(period.start_year, period.end_year + 1):
        if year not in yearly:
            break
        total += yearly[year]
        span = Period.years(period.start_year, year) if year > period.start_year else Period.year(year)
        running.append(Observation(span, total))
    return running


def _split(target: Target, observations: list[Observation]) -> tuple[list[Observation], list[Observation]]:
    """The figures of the target's own period, and those of the year before it (the seasonal profile).

    Figures are year-to-date, so every one starts on 1 January of its first year: a figure belongs to
    a one-year target when it starts and ends in that year.
    """
    period = parse(target.period)
    if period.is_multi_year:
        return _split_years(target, period, observations)
    year, mine, before = period.end_year, [], []
    for obs in observations:
        start, end = obs.period.start_year, obs.period.end_year
        if start == end == year and obs.period.end_month <= period.end_month:
            mine.append(obs)
        elif start == end == year - 1:
            before.append(obs)
    return mine, before


def _split_years(target: Target, period: Period, observations: list[Observation]):
    mine = [o for o in observations if period.contains(o.period)]
    if target.accumulation != "stock":
        mine = _cumulative(period, observations) + [o for o in mine if o.period.is_multi_year]
    last = Period.year(period.start_year - 1)
    return mine, [o for o in observations if last.contains(o.period)]


def _baseline(target: Target, last_year: list[Observation]) -> float | None:
    """A stated baseline, else last year's year-end figure (for stocks and shares)."""
    if target.baseline is not None:
        return float(target.baseline)
    if target.accumulation == "stock" or target.kind == "share":
        finals = [o for o in last_year if o.period.months == 12 and o.value is not None]
        return finals[-1].value if finals else None
    return None


@dataclass(frozen=True)
class Context:
    """What every verdict of one call shares: today, tolerances, stored figure states and milestone steps."""

    today: dt.date
    tol: Tolerances
    slots: Slots
    milestones: dict[int, tuple[Milestone, ...]]


def _judge(target, observations, at, ctx: Context, value=None, assignment=None) -> Judged:
    if assignment is not None and value is None:
        return Judged(target, Verdict(Status.GREY, "未下达分解数值"), at, (), (), assignment)
    mine, before = _split(target, observations)
    spec = spec_of(target, value=value, baseline=_baseline(target, before),
                   milestones=ctx.milestones.get(target.pk, ()))
    if not target.series_id and target.kind != Target.Kind.MILESTONE and not target.reported_by_owner:
        return Judged(target, Verdict(Status.GREY, UNLINKED, commitment=spec.commitment), at, (), (),
                      assignment, spec=spec)
    found = gap(target, assignment, at, ctx.today, ctx.slots)
    late = found.owed.lateness if found.owed else None
    closed = at.end_date > spec.period.end_date  # the engine judges it at its own period and says so
    verdict = judge(spec, at if closed else found.period or at, mine, before, ctx.tol, today=ctx.today,
                    late=late, not_published=found.not_published)
    return Judged(target, verdict, at, tuple(mine), tuple(before), assignment, found.owed, spec)


def _context(pairs, at_of, today: dt.date) -> Context:
    targets = {t.pk: t for t, _ in pairs}.values()
    with_owners(pairs)
    return Context(today, tolerances(), load_slots(wanted_of(pairs, at_of)), load_milestones(targets))


def _years(targets) -> tuple[int, int]:
    periods = [parse(t.period) for t in targets]
    return min(p.start_year for p in periods) - 1, max(p.end_year for p in periods)


def judge_targets(targets, at: Period | None = None, today: dt.date | None = None) -> list[Judged]:
    """Every target's verdict at AT (default: per plan year, see `default_at`)."""
    targets = list(targets)
    if not targets:
        return []
    today = today or dt.date.today()
    observed = load_observations({(t.series_id, t.region_unit_id) for t in targets if t.series_id}, _years(targets))
    at_of = judging_at(at, today)
    ctx = _context([(t, None) for t in targets], at_of, today)
    return [_judge(t, observed.get((t.series_id, t.region_unit_id), []), at_of(t), ctx) for t in targets]


def judge_assignments(assignments, at: Period | None = None, today: dt.date | None = None) -> list[Judged]:
    """Every assignment's verdict against its own quota or rate, from its unit's figures."""
    assignments = list(assignments)
    if not assignments:
        return []
    today = today or dt.date.today()
    targets = [a.target for a in assignments]
    observed = load_observations({(a.target.series_id, a.unit_id) for a in assignments if a.target.series_id},
                                 _years(targets))
    at_of = judging_at(at, today)
    ctx = _context([(a.target, a) for a in assignments], at_of, today)
    return [_judge(a.target, observed.get((a.target.series_id, a.unit_id), []), at_of(a.target), ctx,
                   value=_assigned_value(a), assignment=a) for a in assignments]


def _assigned_value(assignment: Assignment):
    """A unit's quota; for rate targets without a rate of its own, the city's rate applies."""
    if assignment.value is not None:
        return assignment.value
    return assignment.target.value if assignment.target.is_rate else None


def _round(value, digits: int = 4):
    return None if value is None else round(value, digits)


def verdict_row(judged: Judged) -> dict:
    """One judged target as a flat record: what the CLI, API and briefings print."""
    target, verdict = judged.target, judged.verdict
    unit = judged.assignment.unit if judged.assignment else target.region_unit
    goal = judged.assignment.value if judged.assignment and judged.assignment.value is not None else target.value
    places = places_of(goal, _round(verdict.actual))  # 应达 and 预计 as precise as reported
    return {
        "target_id": target.pk,
        "assignment_id": judged.assignment.pk if judged.assignment else None,
        "indicator": target.indicator,
        "name": target.name,  # the catalogue's official name (社会消费品零售总额), as the dashboard shows it
        "front": target.front.name if target.front_id else "",
        "unit": unit.code if unit else "",
        "unit_name": unit.name if unit else "",
        "period": target.period,
        "at": judged.at.code,
        "kind": target.kind,
        "target": float(goal),
        "unit_of_measure": "%" if target.kind == "growth" and target.unit_of_measure == "%" else target.unit_of_measure,
        "bound": target.bound,
        "commitment": target.commitment,
        "actual": _round(verdict.actual),
        "actual_period": verdict.period.code if verdict.period else None,
        "progress": _round(verdict.progress),
        "expected": _round(verdict.expected),
        "gap": _round(verdict.gap),
        "status": verdict.status.value,
        "status_label": verdict.status.label_zh,
        "forecast": rounded(verdict.forecast, places),
        "forecast_basis": verdict.forecast_basis,
        "pace_ratio": _round(verdict.pace_ratio),
        "met": verdict.met,
        "reason": verdict.reason,
        "reason_words": verdict.words,
        "expected_value": rounded(expected_value(judged), places),
        "latest_period": verdict.period.code if verdict.period else None,
        "judged_period": period.code if (period := judged_period(target, judged.at)) else None,
        "late": verdict.late is not None,
        "late_reason": verdict.late.reason if verdict.late else "",
        "late_days": verdict.late.days if verdict.late else None,
        "late_unit": judged.owed.unit.name if judged.owed and verdict.late else "",
        "not_published": verdict.not_published,
    }


def expected_value(judged: Judged) -> float | None:
    """应达: expected-by-now in the target's own unit, from the baseline the engine used (0 for flows)."""
    verdict, spec = judged.verdict, judged.spec
    if verdict.expected is None or verdict.progress is None or spec is None:
        return verdict.expected
    from_baseline = spec.baseline is not None and spec.baseline != spec.value and (
        spec.kind == "share" or spec.accumulation == "stock")
    base = spec.baseline if from_baseline else 0.0
    return base + verdict.expected * (spec.value - base)
