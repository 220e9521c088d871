"""里程碑: judging a milestone target by its dated steps."""

from __future__ import annotations

from datetime import date, timedelta

from luoshi.lib.periods import Period

from .model import Milestone, Status, TargetSpec, Tolerances, Verdict
from .words import Node, gettext_noop, msg, render

BASIS = gettext_noop("按里程碑日期")
NONE = gettext_noop("无里程碑")
COUNT = gettext_noop("已完成 %(done)s/%(total)s 项里程碑")
DONE, NOT_DONE = gettext_noop("已完成:%(count)s"), gettext_noop("未完成:%(count)s")
OVERDUE = gettext_noop("%(n)s 项里程碑逾期未完成(最早应于 %(due)s 完成);%(count)s")
SOON = gettext_noop("%(n)s 项里程碑将于近期到期(最早 %(due)s);%(count)s")
ON_TIME = gettext_noop("%(count)s,无逾期")


def judge_milestones(
    spec: TargetSpec, at: Period, is_final: bool, tol: Tolerances, today: date | None
) -> Verdict:
    """Done vs due by now (today, else the end of `at`): red if one is overdue, yellow if one is due soon."""
    steps = spec.milestones
    if not steps:
        return Verdict(Status.GREY, render(msg(NONE)), is_final=is_final, commitment=spec.commitment,
                       words=msg(NONE))
    now = today or at.end_date
    done = [m for m in steps if m.done_by(now)]
    due = [m for m in steps if m.due <= now]
    overdue = [m for m in due if not m.done_by(now)]
    soon = [
        m for m in steps if not m.done_by(now) and now < m.due <= now + timedelta(tol.milestone_warn_days)
    ]
    met = len(done) == len(steps) if is_final else None
    status = _status(overdue, soon, met)
    progress, expected = len(done) / len(steps), len(due) / len(steps)
    words = _reason(steps, done, overdue, soon, met)
    return Verdict(
        status=status,
        reason=render(words),
        actual=float(len(done)),
        progress=progress,
        expected=expected,
        gap=float(len(done) - len(due)),
        forecast=None,
        forecast_basis=BASIS,
        pace_ratio=progress / expected if expected else None,
        met=met,
        is_final=is_final,
        commitment=spec.commitment,
        period=at,
        words=words,
    )


def _status(overdue: list[Milestone], soon: list[Milestone], met: bool | None) -> Status:
    if met is not None:
        return Status.GREEN if met else Status.RED
    if overdue:
        return Status.RED
    return Status.YELLOW if soon else Status.GREEN


def _reason(
    steps: tuple[Milestone, ...],
    done: list[Milestone],
    overdue: list[Milestone],
    soon: list[Milestone],
    met: bool | None,
) -> Node:
    count = msg(COUNT, done=str(len(done)), total=str(len(steps)))
    if met is not None:
        return msg(DONE if met else NOT_DONE, count=count)
    if overdue:
        return msg(OVERDUE, n=str(len(overdue)), due=min(m.due for m in overdue).isoformat(), count=count)
    if soon:
        return msg(SOON, n=str(len(soon)), due=min(m.due for m in soon).isoformat(), count=count)
    return msg(ON_TIME, count=count)
