"""研判: every target's and assignment's verdict, from the approved figures, in a fixed number of queries.

This is the one place that turns stored targets and figures into the judgement engine's inputs;
pages, API, CLI and briefings all call it.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.db.models import FloatField
from django.db.models.functions import Cast

from luoshi.figures.models import Figure
from luoshi.lib.judgement import Observation, Status, TargetSpec, Tolerances, Verdict, judge
from luoshi.lib.periods import Frequency, Period, latest_period, parse, periods_in
from luoshi.plans.models import Assignment, Target


def tolerances() -> Tolerances:
    """容差 from settings (LUOSHI_TOLERANCES), defaults from the engine."""
    configured = getattr(settings, "LUOSHI_TOLERANCES", {})
    return Tolerances(**{f.name: configured[f.name] for f in fields(Tolerances) if f.name in configured})


def default_at(year: int, today: dt.date) -> Period:
    """The period to judge at: the whole year once it is over, else the latest published month."""
    if year < today.year:
        return Period.year(year)
    return latest_period(Frequency.MONTHLY, today)


@dataclass(frozen=True)
class Judged:
    """One target (or assignment) with its verdict and the figures behind it."""

    target: Target
    verdict: Verdict
    at: Period
    actuals: tuple[Observation, ...]
    last_year: tuple[Observation, ...]
    assignment: Assignment | None = None

    @property
    def series_points(self) -> list[Observation]:
        return sorted(self.actuals, key=lambda o: o.period.sort_key)


def spec_of(target: Target, value=None, baseline=None) -> TargetSpec:
    """The engine's view of a stored target (VALUE replaces the target's own, for an assignment)."""
    return TargetSpec(
        kind=target.kind, value=float(target.value if value is None else value), period=parse(target.period),
        unit=target.unit_of_measure, accumulation=target.accumulation or "flow", bound=target.bound,
        commitment=target.commitment, baseline=baseline, decline=target.kind == "reduction" and target.bound != "max")


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
        series_id__in=series_ids, unit_id__in=unit_ids, project__isnull=True, approved_revision__isnull=False,
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
        running.append(Observation(Period.years(period.start_year, year), total))
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


@lru_cache(maxsize=256)
def series_at(at: Period, frequency: str) -> Period | None:
    """The series' own period that AT falls on: its latest one ending by AT's end (None if none yet)."""
    if frequency == Frequency.MULTI_YEAR or at.is_multi_year:
        return None
    ended = [p for p in periods_in(at.end_year, frequency) if p.end_date <= at.end_date]
    return ended[-1] if ended else None


def _judge(target, observations, at, today, tol: Tolerances, value=None, assignment=None) -> Judged:
    if assignment is not None and value is None:
        return Judged(target, Verdict(Status.GREY, "未下达分解数值"), at, (), (), assignment)
    mine, before = _split(target, observations)
    spec = spec_of(target, value=value, baseline=_baseline(target, before))
    own = series_at(at, target.series.frequency) if target.series_id else None
    due_day = target.series.due_day if own is not None else None
    verdict = judge(spec, own or at, mine, before, tol, today=today, due_day=due_day)
    return Judged(target, verdict, at, tuple(mine), tuple(before), assignment)


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
    tol = tolerances()
    return [_judge(t, observed.get((t.series_id, t.region_unit_id), []),
                   at or default_at(t.plan.year, today), today, tol) for t in targets]


def judge_assignments(assignments, at: Period | None = None, today: dt.date | None = None) -> list[Judged]:
    """Every assignment's verdict against its own quota or rate, from its unit's figures."""
    assignments = list(assignments)
    if not assignments:
        return []
    today = today or dt.date.today()
    targets = [a.target for a in assignments]
    observed = load_observations({(a.target.series_id, a.unit_id) for a in assignments if a.target.series_id},
                                 _years(targets))
    tol = tolerances()
    return [_judge(a.target, observed.get((a.target.series_id, a.unit_id), []),
                   at or default_at(a.target.plan.year, today), today, tol,
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
    return {
        "target_id": target.pk,
        "assignment_id": judged.assignment.pk if judged.assignment else None,
        "indicator": target.indicator,
        "front": target.front.name if target.front_id else "",
        "unit": unit.code if unit else "",
        "unit_name": unit.name if unit else "",
        "period": target.period,
        "at": judged.at.code,
        "kind": target.kind,
        "target": float(judged.assignment.value if judged.assignment and judged.assignment.value is not None
                        else target.value),
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
        "forecast": _round(verdict.forecast),
        "forecast_basis": verdict.forecast_basis,
        "pace_ratio": _round(verdict.pace_ratio),
        "met": verdict.met,
        "reason": verdict.reason,
    }
