"""督办流程: 下达 → 签收 → 办理中 → 办结申请 → 办结, or 退回 to the lead unit; every step logged.

Leaders and analysts issue tasks and decide on completion; the lead unit (牵头单位) signs for a
task, works on it, uploads evidence and asks for completion. A returned task goes back to work.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from luoshi.core import limits, workflow
from luoshi.core.bulk import logged_rows
from luoshi.core.workflow import actor
from luoshi.tasks import notices
from luoshi.tasks.models import Evidence, Milestone, Task, TaskStep

Status = Task.Status


class TaskError(ValueError):
    """A step that cannot happen now; the message says why, in Chinese."""


class NotAllowed(TaskError, workflow.NotAllowed):
    """The user may not take this step."""


class InvalidTask(TaskError, limits.OutOfRange):
    """A task's fields cannot be stored as given; `detail` names each (milestones by their line)."""


def assigns(user) -> bool:
    """交办: leaders, analysts (督查室) and admins issue tasks and decide on completion."""
    return user is None or user.is_superuser or user.role in (user.Role.LEADER, user.Role.ANALYST, user.Role.ADMIN)


def leads(user, task: Task) -> bool:
    return user is not None and user.unit_id is not None and user.unit_id == task.lead_unit_id


@dataclass(frozen=True)
class Step:
    """One move of the workflow: its name, where it may start, where it ends, who may take it."""

    action: str
    label: str
    sources: tuple[str, ...]
    target: str
    by_lead: bool


STEPS = {
    "receive": Step("receive", "签收", (Status.ISSUED,), Status.RECEIVED, True),
    "start": Step("start", "开始办理", (Status.RECEIVED, Status.RETURNED), Status.IN_PROGRESS, True),
    "request": Step("request", "申请办结", (Status.IN_PROGRESS,), Status.REQUESTED, True),
    "approve": Step("approve", "同意办结", (Status.REQUESTED,), Status.DONE, False),
    "return": Step("return", "退回", (Status.REQUESTED,), Status.RETURNED, False),
}


def may_take(user, task: Task, step: Step) -> bool:
    """The lead unit takes its own steps, leaders and analysts theirs; None is the system (imports)."""
    if user is None:
        return True
    return leads(user, task) if step.by_lead else assigns(user)


def available_steps(user, task: Task) -> list[Step]:
    """The steps USER may take on TASK now (what the buttons on the task page offer)."""
    return [s for s in STEPS.values() if task.status in s.sources and may_take(user, task, s)]


def _log(task: Task, action: str, before: str, after: str, user, note: str = "") -> TaskStep:
    return TaskStep.log(user, task=task, action=action, from_status=before, to_status=after, note=note)


def new_task_problems(title: str, deadline, milestones, today: dt.date) -> list[dict]:
    """What keeps a new task from being stored: the title, a deadline in range and not already past,
    each milestone's name and date (a task may have milestones without a deadline)."""
    problems = [] if title.strip() else [{"field": "title", "message": "请填写事项名称"}]
    problems += limits.check(Task, {"title": title.strip(), "deadline": deadline})
    if isinstance(deadline, dt.date) and not problems and deadline < today:
        problems.append({"field": "deadline", "message": f"完成时限 {deadline:%Y-%m-%d} 已经过去,请填写今天或以后的日期"})
    for number, (name, due) in enumerate(milestones, start=1):
        problems += [{"field": f"milestones.{number}", "message": f"第 {number} 个节点:{p['message']}"}
                     for p in limits.check(Milestone, {"name": name, "due": due})]
    return problems


@transaction.atomic
def issue(user, *, title: str, lead_unit, co_units=(), deadline: dt.date | None = None, time_limit=None,
          description: str = "", plan=None, span: tuple[int, int] | None = None, target=None,
          milestones=(), simulated: bool = False, today: dt.date | None = None) -> Task:
    """下达: a leader or analyst assigns a task to its lead unit (and co-units) on TODAY; every field is
    checked before anything is written."""
    if not assigns(user):
        raise NotAllowed("只有领导或督查室可以交办督办事项")
    milestones = list(milestones)
    problems = new_task_problems(title, deadline, milestones, today or timezone.localdate())
    if problems:
        raise InvalidTask(problems)
    if span is not None and (plan is None or not 0 <= span[0] < span[1] <= len(plan.text)):
        raise TaskError("出处位置不在规划原文之内")
    task = Task.objects.create(
        title=title.strip(), description=description, lead_unit=lead_unit, deadline=deadline,
        time_limit=time_limit, plan=plan, span_start=span[0] if span else None, span_end=span[1] if span else None,
        target=target, assigned_by=user, created_by=user, simulated=simulated)
    task.co_units.set([u for u in co_units if u.pk != lead_unit.pk])
    with logged_rows(task, "milestones", task.milestones, ("name", "due")):
        Milestone.objects.bulk_create(Milestone(task=task, name=name, due=due) for name, due in milestones)
    _log(task, "下达", "", Status.ISSUED, user, f"牵头单位:{lead_unit.name}")
    notices.issued(task)
    return task


@transaction.atomic
def take(task: Task, action: str, user, note: str = "") -> Task:
    """Take workflow step ACTION (receive, start, request, approve, return) on TASK as USER."""
    step = STEPS.get(action)
    if step is None:
        raise TaskError(f"没有“{action}”这个操作")
    task = Task.objects.select_for_update().get(pk=task.pk)
    if not may_take(user, task, step):
        raise NotAllowed(f"您不能对该事项执行“{step.label}”")
    if task.status not in step.sources:
        raise TaskError(f"该事项当前为“{task.get_status_display()}”,不能{step.label}")
    _check(task, step, note)
    before, task.status = task.status, step.target
    _stamp(task, step)
    task.save()
    _log(task, step.label, before, step.target, user, note)
    notices.stepped(task, action)
    return task


def _check(task: Task, step: Step, note: str) -> None:
    if step.action == "request" and not task.evidence.exists():
        raise TaskError("申请办结前请先上传佐证材料")
    if step.action == "return" and not note.strip():
        raise TaskError("退回时必须写明原因")


def _stamp(task: Task, step: Step) -> None:
    now = timezone.now()
    if step.action == "receive":
        task.received_at = now
    elif step.action == "approve":
        task.done_at = now


def add_evidence(task: Task, upload, user, note: str = "") -> Evidence:
    """佐证材料: the lead or a co-unit attaches a file while the task is being worked on."""
    involved = user is not None and (leads(user, task) or task.co_units.filter(pk=user.unit_id).exists())
    if not (involved or assigns(user)):
        raise NotAllowed("只有承办单位可以上传佐证材料")
    task.refresh_from_db(fields=["status"])
    if task.status in (Status.DONE, Status.ISSUED):
        raise TaskError(f"该事项当前为“{task.get_status_display()}”,不能上传材料")
    limit = settings.LUOSHI_EVIDENCE_MAX_MB
    if upload.size > limit * 1024 * 1024:
        raise TaskError(f"文件“{upload.name}”超过 {limit} MB")
    if not upload.size:
        raise TaskError(f"文件“{upload.name}”是空的")
    name, _unit = actor(user)
    evidence = Evidence.objects.create(task=task, file=upload, name=upload.name[:200], note=note[:300],
                                       uploaded_by=user, uploaded_by_name=name)
    _log(task, "上传材料", task.status, task.status, user, evidence.name)
    return evidence


def reach_milestone(milestone: Milestone, day: dt.date, user) -> Milestone:
    """节点完成: the lead unit marks a milestone reached on DAY."""
    if not (leads(user, milestone.task) or assigns(user)):
        raise NotAllowed("只有牵头单位可以更新节点")
    limits.require(Milestone, {"done": day}, error=InvalidTask)
    milestone.done = day
    milestone.save(update_fields=["done"])
    task = milestone.task
    _log(task, "节点完成", task.status, task.status, user, f"{milestone.name}({day:%Y-%m-%d})")
    return milestone
