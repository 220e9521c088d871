from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.accounts.scoping import CHANGE
from luoshi.dashboard.target import standing
from luoshi.figures.rollup import decomposition
from luoshi.plans import quota_sheet
from luoshi.plans.decomposition import QuotaProblem, QuotaResult, QuotasRejected, assignable_units, set_quotas
from luoshi.plans.models import Front, Plan, Target
from luoshi.plans.panels import TARGET_PANELS
from luoshi.plans.wording import describe


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
    targets = plan.targets.active().select_related("owner", "plan", "series")
    return render(request, "plans/plan_detail.html", {"plan": plan, "groups": group_by_front(plan, targets)})


@login_required
def target_detail(request, pk: int):
    target = get_object_or_404(Target.objects.restrict(request.user).select_related(
        "plan", "front", "owner", "series", "region_unit"), pk=pk)
    text = target.plan.text
    return render(request, "plans/target_detail.html", {
        "target": target, "plan": target.plan, "wording": wording_of(target),
        "before": text[:target.span_start], "after": text[target.span_end:],
        "standing": standing(request.user, target, request.GET.get("period", "")),
        "quotas": decomposition(target).quotas, "panels": TARGET_PANELS.rendered(request.user, target),
    })


def editable_target(request, pk: int) -> Target:
    """A target the signed-in analyst may decompose (403 for anyone who edits no plans)."""
    if not request.user.edits_plans:
        raise PermissionDenied
    return get_object_or_404(Target.objects.restrict(request.user, CHANGE).active().select_related(
        "plan__issuer"), pk=pk)


#: Blank rows the decomposition table offers for adding units.
BLANK_ROWS = 3


def posted_quotas(request, units) -> tuple[dict, list[QuotaProblem]]:
    """The table's rows ({unit: quota}) and what is wrong in them; a row with no quota is left out."""
    by_pk = {str(u.pk): u for u in units}
    quotas, problems = {}, []
    for unit_pk, raw in zip(request.POST.getlist("unit"), request.POST.getlist("value"), strict=False):
        raw = raw.strip().replace(",", "")
        if not unit_pk or not raw:
            continue
        unit = by_pk.get(unit_pk)
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = None
        if unit is None:
            problems.append(QuotaProblem(unit_pk, _("不是可分解的单位")))
        elif unit in quotas:
            problems.append(QuotaProblem(unit.code, _("“%(unit)s”出现了两次") % {"unit": unit.name}))
        elif value is None or not value.is_finite():
            problems.append(QuotaProblem(unit.code, _("“%(raw)s”不是数字") % {"raw": raw}, "value"))
        else:
            quotas[unit] = value
    return quotas, problems


def report_quotas(request, result: QuotaResult) -> None:
    messages.success(request, _("任务分解已保存:新增 %(created)s 个单位,修改 %(changed)s 个,移除 %(removed)s 个。") % {
        "created": len(result.created), "changed": len(result.changed), "removed": len(result.removed)})


@login_required
def target_assignments(request, pk: int):
    """任务分解: one table of the target's unit quotas; saved whole through `set_quotas`."""
    target = editable_target(request, pk)
    problems = []
    if request.method == "POST":
        quotas, problems = posted_quotas(request, assignable_units(target, request.user))
        try:
            if not problems:
                report_quotas(request, set_quotas(target, quotas, request.user))
                return redirect("plans:target", target.pk)
        except QuotasRejected as rejected:
            problems = rejected.problems
    return render_table(request, target, problems)


def render_table(request, target: Target, problems: list[QuotaProblem], **extra):
    return render(request, "plans/target_assignments.html", {
        "target": target, "plan": target.plan, "wording": wording_of(target),
        "units": list(assignable_units(target, request.user)),
        "rows": list(target.assignments.select_related("unit")), "blank_rows": range(BLANK_ROWS),
        "problems": problems, "quotas": decomposition(target).quotas, **extra,
    }, status=422 if problems else 200)


@login_required
def assignments_workbook(request, pk: int):
    target = editable_target(request, pk)
    content = quota_sheet.workbook(target, assignable_units(target, request.user))
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(quota_sheet.file_name(target))}"
    return response


@login_required
@require_POST
def upload_assignments(request, pk: int):
    target = editable_target(request, pk)
    upload = request.FILES.get("file")
    try:
        if upload is None:
            raise QuotasRejected([QuotaProblem(_("文件"), _("请选择要上传的 .xlsx 文件"))])
        report_quotas(request, quota_sheet.upload(target, quota_sheet.content_of(upload), request.user))
    except QuotasRejected as rejected:
        return render_table(request, target, rejected.problems, uploaded=True)
    return redirect("plans:target", target.pk)
