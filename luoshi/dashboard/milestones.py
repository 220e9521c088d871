"""里程碑节点 on the target page: the analyst's form posts here (thin: `plans.milestones.save_step` does the work)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from luoshi.accounts.scoping import CHANGE
from luoshi.plans.milestones import StepRejected, save_step
from luoshi.plans.models import Target


@login_required
@require_POST
def save(request, pk: int):
    """Add a step (no `step` field) or change one: name, due, done, order, archived."""
    if not request.user.edits_plans:
        raise PermissionDenied("只有分析员可以编辑里程碑节点")
    target = get_object_or_404(Target.objects.restrict(request.user, CHANGE).active(), pk=pk)
    step_id = request.POST.get("step", "")
    step = get_object_or_404(target.milestones, pk=int(step_id)) if step_id.isdigit() else None
    data = {k: request.POST[k] for k in ("name", "due", "done", "order") if k in request.POST}
    if step is not None:
        data["archived"] = request.POST.get("archived") == "1"
    try:
        saved = save_step(target, data, step)
        messages.success(request, f"里程碑节点“{saved.name}”已保存")
    except StepRejected as exc:
        messages.error(request, "里程碑节点未保存:" + ";".join(d["message"] for d in exc.detail))
    return redirect(reverse("plans:target", args=[target.pk]) + "#milestones")
