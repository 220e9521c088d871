from typing import Annotated

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from pydantic import Field

from luoshi.accounts.scoping import CHANGE
from luoshi.api.schemas import (
    AssignmentOut,
    ErrorOut,
    Id,
    PlanFrontOut,
    PlanOut,
    PlanSummaryOut,
    TargetOut,
    amount,
    text,
)
from luoshi.plans.decomposition import QuotaProblem, QuotasRejected, set_quotas
from luoshi.plans.export import front_record, number, plan_record, target_record
from luoshi.plans.milestones import StepRejected, save_step, steps_of
from luoshi.plans.models import Assignment, Front, Plan, Target, TargetMilestone
from luoshi.review import publishing
from luoshi.units.models import Unit

router = Router(tags=["规划与目标"])


def plans_of(request):
    return Plan.objects.restrict(request.user).filter(archived=False).select_related("issuer")


@router.get("/plans", response=list[PlanSummaryOut])
def list_plans(request):
    return [plan_record(p, with_text=False) for p in plans_of(request).prefetch_related("fronts")]


@router.get("/plans/{plan_id}", response=PlanOut)
def get_plan(request, plan_id: Id):
    plan = get_object_or_404(plans_of(request).prefetch_related(
        "fronts", "targets__front", "targets__owner", "targets__plan"), pk=plan_id)
    return plan_record(plan)


@router.get("/plans/{plan_id}/fronts", response=list[PlanFrontOut])
def list_fronts(request, plan_id: Id):
    plan = get_object_or_404(plans_of(request), pk=plan_id)
    return [front_record(f) for f in Front.objects.restrict(request.user).filter(plan=plan)]


@router.get("/targets", response=list[TargetOut])
def list_targets(request, plan: Id | None = None, front: str | None = None, kind: str | None = None):
    targets = Target.objects.restrict(request.user).active().select_related("plan", "front", "owner")
    if plan:
        targets = targets.filter(plan_id=plan)
    if front:
        targets = targets.filter(front__name=front)
    if kind:
        targets = targets.filter(kind=kind)
    return [target_record(t) for t in targets]


@router.get("/targets/{target_id}", response=TargetOut)
def get_target(request, target_id: Id):
    target = get_object_or_404(
        Target.objects.restrict(request.user).select_related("plan", "front", "owner"), pk=target_id)
    return target_record(target)


@router.get("/assignments", response=list[AssignmentOut])
def list_assignments(request, target: Id | None = None):
    rows = Assignment.objects.restrict(request.user).select_related("unit")
    if target:
        rows = rows.filter(target_id=target)
    return [assignment_record(a) for a in rows]


class QuotaIn(Schema):
    unit: text(Unit, "code")
    value: amount(Assignment, "value")


class QuotasIn(Schema):
    """The whole decomposition table: units left out lose their quota."""

    quotas: list[QuotaIn]


class QuotaCheckOut(Schema):
    target: float
    total: float
    gap: float
    under_decomposed: bool


class QuotasOut(Schema):
    assignments: list[AssignmentOut]
    created: list[str]
    changed: list[str]
    removed: list[str]
    check: QuotaCheckOut | None


def assignment_record(a: Assignment) -> dict:
    return {"id": a.pk, "target_id": a.target_id, "unit": a.unit.code, "unit_name": a.unit.name,
            "value": number(a.value), "note": a.note}


def quota_problem(item: int | None, problem) -> dict:
    return {"item": item, "field": problem.field, "value": problem.where, "reason": problem.reason}


@router.put("/targets/{target_id}/assignments", response={200: QuotasOut, 403: ErrorOut, 422: ErrorOut})
def put_assignments(request, target_id: Id, body: QuotasIn):
    """任务分解: the target's quotas become exactly BODY (all or nothing; every bad item is reported)."""
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员和系统管理员可以分解目标", "detail": []})
    target = get_object_or_404(Target.objects.restrict(request.user, CHANGE).active(), pk=target_id)
    units = {u.code: u for u in Unit.objects.filter(code__in=[q.unit for q in body.quotas])}
    items = {}
    unreadable = []
    for n, q in enumerate(body.quotas, start=1):
        if q.unit not in units:
            unreadable.append(quota_problem(n, QuotaProblem(q.unit, f"没有代码为 {q.unit} 的单位")))
        elif q.unit in items:
            unreadable.append(quota_problem(n, QuotaProblem(q.unit, f"单位 {q.unit} 与第 {items[q.unit]} 项重复")))
        items.setdefault(q.unit, n)
    if unreadable:
        return Status(422, {"error": "分解未通过检查,未写入任何内容", "detail": unreadable})
    try:
        result = set_quotas(target, {units[q.unit]: q.value for q in body.quotas}, request.user)
    except QuotasRejected as rejected:
        return Status(422, {"error": "分解未通过检查,未写入任何内容",
                            "detail": [quota_problem(items.get(p.where), p) for p in rejected.problems]})
    check = result.check
    return {"assignments": [assignment_record(a) for a in target.assignments.select_related("unit")],
            "created": [u.code for u in result.created], "changed": [u.code for u in result.changed],
            "removed": [u.code for u in result.removed],
            "check": None if check is None else {"target": check.target, "total": check.total, "gap": check.gap,
                                                 "under_decomposed": check.under_decomposed}}


class MilestoneIn(Schema):
    """A milestone step; on PATCH only the fields given change (`id` names the step)."""

    id: Id | None = None
    name: text(TargetMilestone, "name") | None = None
    due: Annotated[str, Field(max_length=40)] | None = None
    done: Annotated[str, Field(max_length=40)] | None = None
    order: Annotated[int, Field(ge=0, le=32767)] | None = None
    archived: bool | None = None


class MilestoneOut(Schema):
    id: int
    name: str
    due: str
    done: str | None
    order: int
    archived: bool


def milestone_record(step: TargetMilestone) -> dict:
    return {"id": step.pk, "name": step.name, "due": step.due.isoformat(),
            "done": step.done.isoformat() if step.done else None, "order": step.order, "archived": step.archived}


def _save_milestone(request, target_id: int, body: MilestoneIn, creating: bool):
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员和系统管理员可以编辑里程碑节点", "detail": []})
    target = get_object_or_404(Target.objects.restrict(request.user, CHANGE).active(), pk=target_id)
    data = body.dict(exclude_unset=True, exclude={"id"})
    step = None
    if not creating:
        step = target.milestones.filter(pk=body.id).first() if body.id else None
        if step is None:
            return Status(404, {"error": "没有这个里程碑节点", "detail": [{"field": "id", "message": f"目标 {target_id} 没有编号为 {body.id} 的节点"}]})
    try:
        saved = save_step(target, data, step)
    except StepRejected as exc:
        return Status(422, {"error": "里程碑节点未保存", "detail": exc.detail})
    return Status(201 if creating else 200, milestone_record(saved))


@router.get("/targets/{target_id}/milestones", response=list[MilestoneOut])
def list_milestones(request, target_id: Id):
    target = get_object_or_404(Target.objects.restrict(request.user), pk=target_id)
    return [milestone_record(s) for s in steps_of(target)]


@router.post("/targets/{target_id}/milestones", response={201: MilestoneOut, 403: ErrorOut, 404: ErrorOut,
                                                          422: ErrorOut})
def add_milestone(request, target_id: Id, body: MilestoneIn):
    """Add a dated step to a milestone target (analysts)."""
    return _save_milestone(request, target_id, body, creating=True)


@router.patch("/targets/{target_id}/milestones", response={200: MilestoneOut, 403: ErrorOut, 404: ErrorOut,
                                                           422: ErrorOut})
def change_milestone(request, target_id: Id, body: MilestoneIn):
    """Change, complete (`done`) or archive the step `id` of a milestone target (analysts)."""
    return _save_milestone(request, target_id, body, creating=False)


class PublishIn(Schema):
    confirmed: bool = False


def gap_record(gap) -> dict:
    return {"target_id": gap.target.pk if gap.target else None, "reason": gap.message}


@router.post("/plans/{plan_id}/publish", response={200: PlanSummaryOut, 403: ErrorOut, 409: ErrorOut})
def publish_plan(request, plan_id: Id, body: PublishIn):
    """发布: refused (409) with the blockers, or with the warnings until `confirmed` is true."""
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员和系统管理员可以发布规划", "detail": []})
    plan = get_object_or_404(plans_of(request).restrict(request.user, CHANGE), pk=plan_id)
    try:
        publishing.publish(plan, request.user, confirmed=body.confirmed)
    except publishing.PublishRefused as refused:
        blocked = bool(refused.readiness.blockers)
        return Status(409, {"error": "规划不能发布" if blocked else "发布前请确认(confirmed: true)",
                            "detail": [gap_record(g) for g in refused.readiness.blockers or refused.readiness.warnings]})
    return plan_record(plan, with_text=False)


@router.post("/plans/{plan_id}/unpublish", response={200: PlanSummaryOut, 403: ErrorOut, 409: ErrorOut})
def unpublish_plan(request, plan_id: Id):
    """撤回发布: back to draft (logged); the public page no longer shows the plan."""
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员和系统管理员可以撤回发布", "detail": []})
    plan = get_object_or_404(plans_of(request).restrict(request.user, CHANGE), pk=plan_id)
    try:
        publishing.unpublish(plan, request.user)
    except ValidationError as error:
        return Status(409, {"error": " ".join(error.messages), "detail": []})
    return plan_record(plan, with_text=False)
