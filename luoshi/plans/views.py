from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, render

from luoshi.dashboard.target import standing
from luoshi.plans.models import Front, Plan, Target
from luoshi.plans.wording import describe, format_number


@dataclass
class TargetRow:
    target: Target
    wording: str


@dataclass
class FrontGroup:
    front: Front | None
    targets: list[TargetRow]


def wording_of(target: Target) -> str:
    return describe(kind=target.kind, value=target.value, unit=target.unit_of_measure, bound=target.bound,
                    bound_word=target.bound_word, commitment=target.commitment)


def group_by_front(plan: Plan, targets) -> list[FrontGroup]:
    """The plan's fronts in order, each with its targets; targets without a front come last."""
    groups = {front.pk: FrontGroup(front, []) for front in plan.fronts.all()}
    loose = FrontGroup(None, [])
    for target in targets:
        groups.get(target.front_id, loose).targets.append(TargetRow(target, wording_of(target)))
    return [*groups.values(), *([loose] if loose.targets else [])]


@login_required
def plan_list(request):
    plans = Plan.objects.restrict(request.user).filter(archived=False).annotate(
        target_count=Count("targets", filter=Q(targets__archived=False)))
    return render(request, "plans/plan_list.html", {"plans": plans})


@login_required
def plan_detail(request, pk: int):
    plan = get_object_or_404(Plan.objects.restrict(request.user).select_related("issuer"), pk=pk)
    targets = plan.targets.active().select_related("owner", "plan")
    return render(request, "plans/plan_detail.html", {"plan": plan, "groups": group_by_front(plan, targets)})


@login_required
def target_detail(request, pk: int):
    target = get_object_or_404(Target.objects.restrict(request.user).select_related(
        "plan", "front", "owner", "series", "region_unit"), pk=pk)
    text = target.plan.text
    return render(request, "plans/target_detail.html", {
        "target": target, "plan": target.plan, "wording": wording_of(target),
        "baseline": format_number(target.baseline) if target.baseline is not None else "",
        "before": text[:target.span_start], "after": text[target.span_end:],
        "standing": standing(request.user, target, request.GET.get("period", "")),
    })
