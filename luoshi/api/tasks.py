"""Supervision tasks through the API: list (with lights), issue, workflow steps, evidence, SLA."""

import datetime as dt
from typing import Annotated

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import File, Router, Schema
from ninja.files import UploadedFile
from pydantic import Field

from luoshi.accounts.scoping import units_for
from luoshi.api.projects import attempt
from luoshi.api.schemas import Date, ErrorOut, Id, LongText, text
from luoshi.plans.models import Plan, Target
from luoshi.tasks import workflow
from luoshi.tasks.models import Evidence, Milestone, Task, TaskStep, TimeLimitClass
from luoshi.tasks.timers import Tally, by_class, by_unit, due_date, light, milestone_verdict, ordered_for
from luoshi.units.models import Unit

router = Router(tags=["督办事项"])


class TaskStepOut(Schema):
    action: str
    from_status: str
    to_status: str
    note: str
    by: str
    unit: str
    at: dt.datetime


class EvidenceOut(Schema):
    id: int
    name: str
    url: str
    uploaded_by: str
    uploaded_at: dt.datetime


class TaskMilestoneOut(Schema):
    name: str
    due: dt.date
    done: dt.date | None


class TaskOut(Schema):
    id: int
    title: str
    status: str
    status_label: str
    lead_unit: str
    co_units: list[str]
    deadline: dt.date | None
    time_limit: str | None
    due: dt.date | None
    light: str
    light_label: str
    escalated: bool
    assigned_by: str | None
    plan_id: int | None
    span: list[int] | None
    sentence: str
    target_id: int | None
    simulated: bool
    milestones: list[TaskMilestoneOut]
    milestones_status: str
    milestones_reason: str
    steps: list[TaskStepOut]
    evidence: list[EvidenceOut]


def task_out(task: Task, state, escalated: bool) -> dict:
    verdict = milestone_verdict(task, timezone.localdate())
    return {
        "milestones": [{"name": m.name, "due": m.due, "done": m.done} for m in task.milestones.all()],
        "milestones_status": verdict.status.value, "milestones_reason": verdict.reason,
        "id": task.pk, "title": task.title, "status": task.status, "status_label": task.get_status_display(),
        "lead_unit": task.lead_unit.code, "co_units": [u.code for u in task.co_units.all()],
        "deadline": task.deadline, "time_limit": task.time_limit.code if task.time_limit_id else None,
        "due": due_date(task), "light": state.colour, "light_label": state.label, "escalated": escalated,
        "assigned_by": task.assigned_by.username if task.assigned_by_id else None, "plan_id": task.plan_id,
        "span": [task.span_start, task.span_end] if task.span_start is not None else None,
        "sentence": task.sentence, "target_id": task.target_id, "simulated": task.simulated,
        "steps": [{"action": s.action, "from_status": s.from_status, "to_status": s.to_status, "note": s.note,
                   "by": s.by_name, "unit": s.by_unit, "at": s.at} for s in task.steps.all()],
        "evidence": [{"id": e.pk, "name": e.name, "url": reverse("tasks:evidence", args=[e.pk]),
                      "uploaded_by": e.uploaded_by_name, "uploaded_at": e.uploaded_at} for e in task.evidence.all()],
    }


def tasks_of(request):
    return Task.objects.restrict(request.user).select_related(
        "lead_unit", "time_limit", "assigned_by", "plan").prefetch_related("co_units", "steps", "evidence", "milestones")


def _one(request, task_id: int) -> dict:
    task = tasks_of(request).get(pk=task_id)
    state = light(task, timezone.localdate())
    return task_out(task, state, state.overdue and task.assigned_by_id == request.user.pk)


@router.get("/tasks", response=list[TaskOut])
def list_tasks(request, status: str | None = None):
    tasks = tasks_of(request)
    if status:
        tasks = tasks.filter(status=status)
    return [task_out(t, s, e) for t, s, e in ordered_for(request.user, tasks, timezone.localdate())]


@router.get("/tasks/{task_id}", response=TaskOut)
def get_task(request, task_id: Id):
    get_object_or_404(tasks_of(request), pk=task_id)
    return _one(request, task_id)


UnitCode = text(Unit, "code")
Offset = Annotated[int, Field(ge=0, le=2**31 - 1)]


class TaskIn(Schema):
    title: text(Task, "title")
    lead_unit: UnitCode
    co_units: list[UnitCode] = []
    deadline: Date | None = None
    time_limit: text(TimeLimitClass, "code") | None = None
    description: LongText = ""
    plan_id: Id | None = None
    span: list[Offset] | None = None
    target_id: Id | None = None
    milestones: list[tuple[text(Milestone, "name"), Date]] = []


def _issue(request, body: TaskIn) -> dict:
    units = {u.code: u for u in units_for(request.user).filter(code__in=[body.lead_unit, *body.co_units])}
    missing = [c for c in [body.lead_unit, *body.co_units] if c not in units]
    if missing:
        raise workflow.TaskError(f"您的辖区内没有代码为 {'、'.join(missing)} 的单位")
    plan = Plan.objects.restrict(request.user).filter(pk=body.plan_id).first() if body.plan_id else None
    time_limit = TimeLimitClass.objects.filter(code=body.time_limit).first() if body.time_limit else None
    if body.time_limit and time_limit is None:
        raise workflow.TaskError(f"没有“{body.time_limit}”这个办理时限类别")
    target = Target.objects.restrict(request.user).filter(pk=body.target_id).first() if body.target_id else None
    span = tuple(body.span) if body.span and len(body.span) == 2 else None
    task = workflow.issue(request.user, title=body.title, lead_unit=units[body.lead_unit],
                          co_units=[units[c] for c in body.co_units], deadline=body.deadline,
                          time_limit=time_limit, description=body.description, plan=plan, span=span,
                          target=target, milestones=body.milestones)
    return _one(request, task.pk)


@router.post("/tasks", response={201: TaskOut, 403: ErrorOut, 409: ErrorOut})
def post_task(request, body: TaskIn):
    return attempt(lambda: _issue(request, body), ok=201)


class StepIn(Schema):
    action: text(TaskStep, "action")
    note: LongText = ""


@router.post("/tasks/{task_id}/steps", response={200: TaskOut, 403: ErrorOut, 409: ErrorOut})
def post_step(request, task_id: Id, body: StepIn):
    task = get_object_or_404(tasks_of(request), pk=task_id)
    return attempt(lambda: _one(request, workflow.take(task, body.action, request.user, body.note).pk))


@router.post("/tasks/{task_id}/evidence", response={201: TaskOut, 403: ErrorOut, 409: ErrorOut})
def post_evidence(request, task_id: Id, file: File[UploadedFile], note: text(Evidence, "note") = ""):
    task = get_object_or_404(tasks_of(request), pk=task_id)
    return attempt(lambda: (workflow.add_evidence(task, file, request.user, note), _one(request, task_id))[1],
                   ok=201)


@router.get("/evidence/{evidence_id}", response={200: None, 404: ErrorOut})
def get_evidence(request, evidence_id: Id):
    """The file itself, for those who may see its task (as on the task page)."""
    evidence = get_object_or_404(Evidence.objects.filter(task__in=tasks_of(request)), pk=evidence_id)
    try:
        return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=evidence.name)
    except FileNotFoundError:
        raise Http404 from None


class TallyOut(Schema):
    name: str
    open: int
    yellow: int
    red: int
    done: int
    on_time: int
    sla_rate: float | None


class SlaOut(Schema):
    units: list[TallyOut]
    classes: list[TallyOut]


def _tally(t: Tally) -> dict:
    return {"name": t.name, "open": t.open, "yellow": t.yellow, "red": t.red, "done": t.done,
            "on_time": t.on_time, "sla_rate": t.sla_rate}


@router.get("/tasks-sla", response=SlaOut)
def get_sla(request):
    tasks = list(tasks_of(request))
    today = timezone.localdate()
    return {"units": [_tally(t) for t in by_unit(tasks, today)], "classes": [_tally(t) for t in by_class(tasks, today)]}
