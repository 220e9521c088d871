"""督办时限: due-soon (yellow) and overdue (red) lights per task and per unit, SLA fulfilment, escalation.

A task is due at its deadline, or — with a time-limit class such as 一周办结 — that many days after
it was received (签收; before receipt, after it was issued). Lights are plain data, computed for a day.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_noop

from luoshi.core.labels import sentence
from luoshi.figures.status import tolerances
from luoshi.lib.judgement import Milestone, Status, TargetSpec, Verdict, judge
from luoshi.lib.judgement.words import msg, render
from luoshi.lib.periods import Period
from luoshi.lib.status import Colour, worst_first
from luoshi.tasks.models import Task

WARN_DAYS = 3


def warn_days() -> int:
    return int(getattr(settings, "LUOSHI_TASK_WARN_DAYS", WARN_DAYS))


def _day(moment) -> dt.date:
    return timezone.localtime(moment).date()


def _after(day: dt.date, days: int) -> dt.date:
    """DAY + DAYS, held at the calendar's ends whatever a stored time limit says."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def due_date(task: Task) -> dt.date | None:
    """应办结日期: the time limit from receipt (or issue), else the deadline; the earlier of both if both."""
    dues = []
    if task.time_limit_id:
        start = task.received_at or task.created
        if start is not None:
            dues.append(_after(_day(start), task.time_limit.days))
    if task.deadline:
        dues.append(task.deadline)
    return min(dues) if dues else None


ON_TIME, LATE_DONE, NO_LIMIT = gettext_noop("按时办结"), gettext_noop("超时办结"), gettext_noop("无时限")
WAITING = gettext_noop("待签收,")
STEP = gettext_noop("节点“%(name)s”")
OVERDUE = gettext_noop("%(waiting)s%(what)s逾期 %(days)s 天")
DUE_TODAY = gettext_noop("%(waiting)s%(what)s今日到期")
DUE_IN = gettext_noop("%(waiting)s%(what)s%(days)s 天后到期")
LEFT = gettext_noop("%(waiting)s剩余 %(days)s 天")
NO_STEPS = gettext_noop("未设节点")


@dataclass(frozen=True)
class Light:
    """督办灯: green 正常, yellow 临期, red 逾期, grey 无时限; done tasks say whether on time. `words` is its
    label as words (`lib.judgement.words`): `label` says it in Chinese, `shown` in the reader's language."""

    colour: str
    words: dict
    days: int | None = None  # days left (negative: overdue by)

    @property
    def overdue(self) -> bool:
        return self.colour == Colour.RED

    @property
    def label(self) -> str:
        return render(self.words)

    @property
    def shown(self) -> str:
        return sentence(self.words, self.label)


def next_due(task: Task) -> tuple[dt.date | None, dict | str]:
    """What falls due next: the earliest open milestone (节点, as words) before the task's own due date, or that."""
    due = due_date(task)
    steps = [m for m in task.milestones.all() if m.done is None and (due is None or m.due < due)]
    first = min(steps, key=lambda m: m.due, default=None)
    return (first.due, msg(STEP, name=first.name)) if first else (due, "")


def light(task: Task, today: dt.date) -> Light:
    """The task's light on TODAY; an open milestone past its date makes it red as the task's own date does."""
    if task.status == Task.Status.DONE:
        due = due_date(task)
        on_time = due is None or task.done_at is None or _day(task.done_at) <= due
        return Light(Colour.GREEN, msg(ON_TIME)) if on_time else Light(Colour.YELLOW, msg(LATE_DONE))
    due, what = next_due(task)
    if due is None:
        return Light(Colour.GREY, msg(NO_LIMIT))
    # 一周办结 runs from 下达 until the task is received (see `due_date`): the light says it still waits
    received = not (task.status == Task.Status.ISSUED and task.time_limit_id and task.received_at is None)
    waiting = "" if received else msg(WAITING)
    left = (due - today).days
    if left < 0:
        return Light(Colour.RED, msg(OVERDUE, waiting=waiting, what=what, days=str(-left)), left)
    if left <= warn_days():
        soon = msg(DUE_TODAY, waiting=waiting, what=what) if left == 0 else msg(
            DUE_IN, waiting=waiting, what=what, days=str(left))
        return Light(Colour.YELLOW, soon, left)
    due = due_date(task)
    return Light(Colour.GREEN, msg(LEFT, waiting=waiting, days=str((due - today).days if due else left)), left)


def milestone_verdict(task: Task, today: dt.date) -> Verdict:
    """节点进度 by the judgement engine: milestones done vs due by TODAY, as for a milestone target."""
    steps = tuple(Milestone(m.due, m.done, m.name) for m in task.milestones.all())
    if not steps:
        return Verdict(Status.GREY, render(msg(NO_STEPS)), words=msg(NO_STEPS))
    year = max(m.due for m in steps).year
    spec = TargetSpec(kind="milestone", value=len(steps), period=Period.year(year), milestones=steps)
    at = Period.year(year) if today.year > year else Period.month(year, max(today.month, 2))
    return judge(spec, at, (), tolerances=tolerances(), today=today)


def within_limit(task: Task) -> bool | None:
    """办结于时限内: None while the task is open or has no time limit."""
    due = due_date(task)
    if task.status != Task.Status.DONE or task.done_at is None or due is None:
        return None
    return _day(task.done_at) <= due


@dataclass
class Tally:
    """One unit's (or one time-limit class's) tasks: open, yellow, red, and done within the limit."""

    name: str
    open: int = 0
    yellow: int = 0
    red: int = 0
    done: int = 0
    on_time: int = 0

    @property
    def sla_rate(self) -> float | None:
        """按时办结率: share of done tasks (with a limit) done within it."""
        return self.on_time / self.done if self.done else None

    @property
    def colour(self) -> str:
        """Red when a task is overdue or none was done on time; yellow when one is due soon or was done late."""
        if self.red or self.sla_rate == 0:
            return Colour.RED
        if self.yellow or (self.sla_rate is not None and self.sla_rate < 1):
            return Colour.YELLOW
        return Colour.GREEN


def _count(tally: Tally, task: Task, today: dt.date) -> None:
    state = light(task, today)
    if task.status != Task.Status.DONE:
        tally.open += 1
        tally.yellow += state.colour == Colour.YELLOW
        tally.red += state.colour == Colour.RED
        return
    ok = within_limit(task)
    if ok is not None:
        tally.done += 1
        tally.on_time += ok


def by_unit(tasks, today: dt.date) -> list[Tally]:
    """Per lead unit: open, due soon, overdue and the SLA rate."""
    tallies: dict[int, Tally] = {}
    for task in tasks:
        tally = tallies.setdefault(task.lead_unit_id, Tally(task.lead_unit.display_name))
        _count(tally, task, today)
    return sorted(tallies.values(), key=lambda t: (-t.red, -t.yellow, t.name))


def by_class(tasks, today: dt.date) -> list[Tally]:
    """Per time-limit class (一周办结 …): the SLA fulfilment rate."""
    tallies: dict[str, Tally] = defaultdict(lambda: Tally(""))
    for task in tasks:
        if task.time_limit_id:
            tally = tallies[task.time_limit.name]
            tally.name = task.time_limit.name
            _count(tally, task, today)
    return list(tallies.values())


def ordered_for(user, tasks, today: dt.date) -> list[tuple[Task, Light, bool]]:
    """督办升级: a list with (task, light, escalated); the overdue tasks USER assigned come first."""
    rows = []
    for task in tasks:
        state = light(task, today)
        escalated = state.overdue and user is not None and task.assigned_by_id == user.pk
        rows.append((task, state, escalated))
    return sorted(rows, key=lambda r: (not r[2], worst_first(r[1].colour), due_date(r[0]) or dt.date.max, r[0].pk))
