from django.shortcuts import get_object_or_404
from ninja import Router

from luoshi.api.schemas import AssignmentOut, FrontOut, PlanOut, PlanSummaryOut, TargetOut
from luoshi.plans.export import front_record, number, plan_record, target_record
from luoshi.plans.models import Assignment, Front, Plan, Target

router = Router(tags=["规划与目标"])


def plans_of(request):
    return Plan.objects.restrict(request.user).filter(archived=False).select_related("issuer")


@router.get("/plans", response=list[PlanSummaryOut])
def list_plans(request):
    return [plan_record(p, with_text=False) for p in plans_of(request).prefetch_related("fronts")]


@router.get("/plans/{plan_id}", response=PlanOut)
def get_plan(request, plan_id: int):
    plan = get_object_or_404(plans_of(request).prefetch_related(
        "fronts", "targets__front", "targets__owner", "targets__plan"), pk=plan_id)
    return plan_record(plan)


@router.get("/plans/{plan_id}/fronts", response=list[FrontOut])
def list_fronts(request, plan_id: int):
    plan = get_object_or_404(plans_of(request), pk=plan_id)
    return [front_record(f) for f in Front.objects.restrict(request.user).filter(plan=plan)]


@router.get("/targets", response=list[TargetOut])
def list_targets(request, plan: int | None = None, front: str | None = None, kind: str | None = None):
    targets = Target.objects.restrict(request.user).active().select_related("plan", "front", "owner")
    if plan:
        targets = targets.filter(plan_id=plan)
    if front:
        targets = targets.filter(front__name=front)
    if kind:
        targets = targets.filter(kind=kind)
    return [target_record(t) for t in targets]


@router.get("/targets/{target_id}", response=TargetOut)
def get_target(request, target_id: int):
    target = get_object_or_404(
        Target.objects.restrict(request.user).select_related("plan", "front", "owner"), pk=target_id)
    return target_record(target)


@router.get("/assignments", response=list[AssignmentOut])
def list_assignments(request, target: int | None = None):
    rows = Assignment.objects.restrict(request.user).select_related("unit")
    if target:
        rows = rows.filter(target_id=target)
    return [{"id": a.pk, "target_id": a.target_id, "unit": a.unit.code, "unit_name": a.unit.name,
             "value": number(a.value), "note": a.note} for a in rows]
