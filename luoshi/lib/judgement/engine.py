"""研判: the one function that says where a target stands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from luoshi.lib.periods import Period

from .milestones import judge_milestones
from .model import Bound, Kind, Lateness, Observation, Status, TargetSpec, Tolerances, Verdict
from .readings import Reading, judged_figure, read
from .text import describe, span_word
from .words import Node, gettext_noop, msg, period, render

NO_DATA = gettext_noop("无数据")
NOT_PUBLISHED = gettext_noop("%(period)s数据未公布")
NO_FINAL = gettext_noop("暂无%(span)s数据")
CLOSED = gettext_noop("按%(span)s数据:%(reason)s")
WITH_GAP = gettext_noop("%(reason)s;%(gap)s")


def judge(
    spec: TargetSpec,
    at: Period,
    actuals: Sequence[Observation],
    last_year: Sequence[Observation] = (),
    tolerances: Tolerances = Tolerances(),  # noqa: B008 - frozen, so a shared default is safe
    today: date | None = None,
    due_day: int | None = None,
    late: Lateness | None = None,
    not_published: bool = False,
) -> Verdict:
    """A target's verdict at period `at`, from its figures (`actuals`) and last year's (`last_year`).

    The latest figure inside the target period and not after `at` is judged, and its period named;
    grey only when there is none ("无数据", or "未公布" when NOT_PUBLISHED). When the figure of `at`
    itself is missing, the reason says so beside the status: LATE (who owes it is the caller's
    question; with `due_day` and `today` alone the engine takes it as owed), 未公布, or no period-end
    figure yet. An `at` beyond the target period judges at the target period's end (按一季度数据).
    """
    closed = at.end_date > spec.period.end_date
    if closed:
        at = spec.period
    is_final = at.end_date >= spec.period.end_date
    if spec.kind is Kind.MILESTONE:  # not final on a day before the period's end, though `at` reaches it
        final = is_final and (today is None or today > spec.period.end_date)
        return judge_milestones(spec, at, final, tolerances, today)
    found = _latest(spec, at, actuals)
    if found is not None and found[0].period.end_date >= at.end_date:
        late, not_published = None, False
    elif late is None and not not_published and today is not None and due_day is not None:
        late = Lateness.of(at, due_day, today)
    if found is None:
        words = _closed(spec, closed, _absent(at, late, not_published))
        return Verdict(Status.GREY, render(words), is_final=is_final, commitment=spec.commitment,
                       late=late, not_published=not_published, words=words)
    obs, actual = found
    reading = read(spec, obs, actual, last_year, tolerances)
    gap = _gap(spec, at, obs, late, not_published, is_final)
    return _verdict(spec, at, obs, reading, is_final, closed, gap, late, not_published)


def _closed(spec: TargetSpec, closed: bool, reason: Node) -> Node:
    """按一季度数据:… when the target's period closed before the period judged at."""
    return msg(CLOSED, span=span_word(spec.period), reason=reason) if closed else reason


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


def _absent(at: Period, late: Lateness | None, not_published: bool) -> Node:
    """Why there is no figure at all: 未公布, 逾期未报, else 无数据."""
    if not_published:
        return msg(NOT_PUBLISHED, period=period(at, full=True))
    return late.words if late else msg(NO_DATA)


def _gap(
    spec: TargetSpec, at: Period, obs: Observation, late: Lateness | None, not_published: bool, is_final: bool
) -> Node | None:
    """What is missing after the latest figure: at's figure late or 未公布, or no period-end figure yet."""
    if obs.period.end_date >= at.end_date:
        return None
    if late:
        return late.words
    if not_published:
        return msg(NOT_PUBLISHED, period=period(at, full=True))
    return msg(NO_FINAL, span=span_word(spec.period)) if is_final else None


def _verdict(
    spec: TargetSpec,
    at: Period,
    obs: Observation,
    reading: Reading,
    is_final: bool,
    closed: bool,
    missing: Node | None,
    late: Lateness | None,
    not_published: bool,
) -> Verdict:
    gap = _ahead(spec, reading.forecast - spec.value)
    margin = gap + (reading.band if spec.bound is Bound.APPROX else 0.0)
    obs_final = obs.period.end_date >= spec.period.end_date
    status, met = _status(margin, reading.width, obs_final)
    words = _closed(spec, closed, describe(spec, at, obs.period, reading, met))
    if missing is not None:
        words = msg(WITH_GAP, reason=words, gap=missing)
    return Verdict(
        status=status,
        reason=render(words),
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
        late=late,
        not_published=not_published,
        words=words,
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
