"""里程碑: judging a milestone target by its dated steps."""

from __future__ import annotations

from datetime import date, timedelta

from luoshi.lib.periods import Period

from .model import Milestone, Status, TargetSpec, Tolerances, Verdict

BASIS = "按里程碑日期"


def judge_milestones(
    spec: TargetSpec, at: Period, is_final: bool, tol: Tolerances, today: date | None
) -> Verdict:
    """Done vs due by now (today, else the end of `at`): red if one is overdue, yellow if one is due soon."""
    steps = spec.milestones
    if not steps:
        return Verdict(Status.GREY, "无里程碑", is_final=is_final, commitment=spec.commitment)
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
    return Verdict(
        status=status,
        reason=_reason(steps, done, overdue, soon, met),
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
) -> str:
    count = f"已完成 {len(done)}/{len(steps)} 项里程碑"
    if met is not None:
        return f"已完成:{count}" if met else f"未完成:{count}"
    if overdue:
        first = min(m.due for m in overdue)
        return f"{len(overdue)} 项里程碑逾期未完成(最早应于 {first.isoformat()} 完成);{count}"
    if soon:
        return f"{len(soon)} 项里程碑将于近期到期(最早 {min(m.due for m in soon).isoformat()});{count}"
    return f"{count},无逾期"
