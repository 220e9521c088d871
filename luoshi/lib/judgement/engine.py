"""研判: the one function that says where a target stands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from luoshi.lib.periods import Period, due_date

from .milestones import judge_milestones
from .model import Bound, Kind, Observation, Status, TargetSpec, Tolerances, Verdict
from .readings import Reading, judged_figure, read
from .text import describe, span_word

NO_DATA = "无数据"


def judge(
    spec: TargetSpec,
    at: Period,
    actuals: Sequence[Observation],
    last_year: Sequence[Observation] = (),
    tolerances: Tolerances = Tolerances(),  # noqa: B008 - frozen, so a shared default is safe
    today: date | None = None,
    due_day: int | None = None,
) -> Verdict:
    """A target's verdict at period `at`, from its figures (`actuals`) and last year's (`last_year`).

    The latest figure inside the target period and not after `at` is judged. Missing data is grey:
    none at all ("无数据"), the at-period's figure overdue ("逾期未报 N 天", needs `today` and
    `due_day`), or no period-end figure once the period is over.
    """
    is_final = at.end_date >= spec.period.end_date
    if spec.kind is Kind.MILESTONE:
        return judge_milestones(spec, at, is_final, tolerances, today)
    found = _latest(spec, at, actuals)
    missing = _missing(spec, at, found, today, due_day, is_final)
    if found is None:
        return Verdict(Status.GREY, missing or NO_DATA, is_final=is_final, commitment=spec.commitment)
    obs, actual = found
    reading = read(spec, obs, actual, last_year, tolerances)
    return _verdict(spec, at, obs, reading, is_final, missing)


def _latest(spec: TargetSpec, at: Period, actuals: Sequence[Observation]) -> tuple[Observation, float] | None:
    """The most recent figure in the target period, up to `at`, with the number this kind needs."""
    best: tuple[Observation, float] | None = None
    for obs in actuals:
        figure = judged_figure(spec, obs)
        if figure is None or not spec.period.contains(obs.period) or obs.period.end_date > at.end_date:
            continue
        if best is None or obs.period.sort_key > best[0].period.sort_key:
            best = (obs, figure)
    return best


def _missing(
    spec: TargetSpec,
    at: Period,
    found: tuple[Observation, float] | None,
    today: date | None,
    due_day: int | None,
    is_final: bool,
) -> str | None:
    """Why the figure that should be judged is absent: overdue, or no period-end figure; else None."""
    wanted_end = min(at.end_date, spec.period.end_date)
    if found is not None and found[0].period.end_date >= wanted_end:
        return None
    if today is not None and due_day is not None and today > due_date(at, due_day):
        return f"{at.label_zh_full}数据逾期未报 {(today - due_date(at, due_day)).days} 天"
    if is_final and found is not None:
        return f"暂无{span_word(spec.period)}数据"
    return None


def _verdict(
    spec: TargetSpec, at: Period, obs: Observation, reading: Reading, is_final: bool, missing: str | None
) -> Verdict:
    gap = _ahead(spec, reading.forecast - spec.value)
    margin = gap + (reading.band if spec.bound is Bound.APPROX else 0.0)
    obs_final = obs.period.end_date >= spec.period.end_date
    status, met = _status(margin, reading.width, obs_final)
    reason = describe(spec, at, obs.period, reading, met)
    if missing:
        status, met, reason = Status.GREY, None, f"{missing};{reason}"
    return Verdict(
        status=status,
        reason=reason,
        actual=reading.actual,
        progress=reading.progress,
        expected=reading.expected,
        gap=gap,
        forecast=reading.forecast,
        forecast_basis=reading.basis,
        pace_ratio=reading.pace_ratio,
        met=met,
        is_final=is_final,
        commitment=spec.commitment,
        period=obs.period,
    )


def _ahead(spec: TargetSpec, difference: float) -> float:
    """Signed so that positive means ahead, whichever way the target points."""
    return difference if spec.higher_is_better else -difference


def _status(margin: float, width: float, final: bool) -> tuple[Status, bool | None]:
    """At the end: met (green) or missed (red). Before: green on track, yellow within `width`, red."""
    if final:
        return (Status.GREEN, True) if margin >= 0 else (Status.RED, False)
    if margin >= 0:
        return Status.GREEN, None
    return (Status.YELLOW if margin >= -width else Status.RED), None
