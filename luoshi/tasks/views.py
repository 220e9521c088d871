"""督办事项 pages: thin views over `workflow` and `timers`."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from luoshi.core import redirects
from luoshi.plans.models import Plan
from luoshi.tasks import workflow
from luoshi.tasks.forms import EvidenceForm, StepForm, TaskForm
from luoshi.tasks.models import Evidence, Milestone, Task
from luoshi.tasks.timers import by_class, by_unit, due_date, light, milestone_verdict, ordered_for


def visible(user):
    return Task.objects.restrict(user).select_related("lead_unit", "time_limit", "assigned_by", "plan")\
        .prefetch_related("milestones")


#: A POST action: refusals become a message (or 403), never a 500.
acting = redirects.acting(workflow.TaskError, "tasks:list")


@login_required
def task_list(request):
    today = timezone.localdate()
    tasks = list(visible(request.user).prefetch_related("co_units"))
    status = request.GET.get("status", "")
    shown = [t for t in tasks if t.status == status] if status in Task.Status.values else tasks
    return render(request, "tasks/task_list.html", {
        "rows": ordered_for(request.user, shown, today), "units": by_unit(tasks, today),
        "classes": by_class(tasks, today), "statuses": Task.Status.choices, "status": status,
        "may_issue": workflow.assigns(request.user)})


def _initial(request) -> dict:
    """A measure chosen on the plan page: its plan, span and words become the new task's."""
    plan = Plan.objects.restrict(request.user).filter(pk=request.GET.get("plan") or 0).first()
    try:
        start, end = int(request.GET.get("start", "")), int(request.GET.get("end", ""))
    except ValueError:
        return {}
    if plan is None or not 0 <= start < end <= len(plan.text):
        return {}
    return {"plan": plan.pk, "span_start": start, "span_end": end, "title": plan.text[start:end][:200]}


@login_required
def task_new(request):
    if not workflow.assigns(request.user):
        raise PermissionDenied("只有领导或督查室可以交办督办事项")
    form = TaskForm(request.POST or None, user=request.user, initial=_initial(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            task = workflow.issue(request.user, title=data["title"], description=data["description"],
                                  lead_unit=data["lead_unit"], co_units=data["co_units"], deadline=data["deadline"],
                                  time_limit=data["time_limit"], target=data["target"], plan=data["plan"],
                                  span=form.span(), milestones=data["milestones"])
        except workflow.InvalidTask as exc:
            for problem in exc.detail:
                form.add_error(problem["field"] if problem["field"] in form.fields else None, problem["message"])
        except workflow.TaskError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("tasks:detail", pk=task.pk)
    plan = form.initial.get("plan") and Plan.objects.get(pk=form.initial["plan"])
    return render(request, "tasks/task_form.html", {"form": form, "plan": plan})


@login_required
def task_detail(request, pk: int):
    task = get_object_or_404(visible(request.user).prefetch_related("co_units"), pk=pk)
    today = timezone.localdate()
    return render(request, "tasks/task_detail.html", {
        "task": task, "light": light(task, today), "due": due_date(task), "steps": task.steps.all(),
        "milestone_verdict": milestone_verdict(task, today),
        "evidence": task.evidence.all(), "milestones": task.milestones.all(), "today": today,
        "actions": workflow.available_steps(request.user, task), "step_form": StepForm(),
        "evidence_form": EvidenceForm() if task.status not in ("done", "issued") else None,
        "leads": workflow.leads(request.user, task) or workflow.assigns(request.user)})


@acting
def step(request, pk: int, action: str):
    task = get_object_or_404(visible(request.user), pk=pk)
    task = workflow.take(task, action, request.user, request.POST.get("note", ""))
    messages.success(request, f"已{workflow.STEPS[action].label}")
    return redirect("tasks:detail", pk=task.pk)


@acting
def upload(request, pk: int):
    task = get_object_or_404(visible(request.user), pk=pk)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        raise workflow.TaskError("请选择要上传的文件")
    workflow.add_evidence(task, form.cleaned_data["file"], request.user, form.cleaned_data["note"])
    return redirect("tasks:detail", pk=pk)


@login_required
def evidence_file(request, pk: int):
    """佐证材料 are served only to those who may see the task, never as public static files."""
    evidence = get_object_or_404(Evidence.objects.select_related("task"), pk=pk)
    if not visible(request.user).filter(pk=evidence.task_id).exists():
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=evidence.name)


@acting
def milestone_done(request, pk: int):
    milestone = get_object_or_404(Milestone.objects.select_related("task"), pk=pk)
    if not visible(request.user).filter(pk=milestone.task_id).exists():
        raise Http404
    day = request.POST.get("day") or timezone.localdate().isoformat()
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        raise workflow.TaskError(f"日期“{day}”应为 YYYY-MM-DD") from None
    workflow.reach_milestone(milestone, parsed, request.user)
    return redirect("tasks:detail", pk=milestone.task_id)
