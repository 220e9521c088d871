"""重点项目 pages: thin views over the domain modules (stages, planning, progress, rollup, obstacles)."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from luoshi.core import redirects
from luoshi.figures.models import Figure
from luoshi.plans.models import Target
from luoshi.projects import obstacles as obstacle_flow
from luoshi.projects.filters import FilterError, ProjectFilter, filtered, read_filter
from luoshi.projects.forms import (
    MONTH_FIELDS,
    BatchForm,
    ContactForm,
    ImportForm,
    JoinBatchForm,
    MonthlyPlanForm,
    NoteForm,
    ObstacleForm,
    ProjectForm,
    RouteForm,
    StageForm,
)
from luoshi.projects.importing import ImportRejected, content_of, import_projects, template
from luoshi.projects.models import Batch, Obstacle, Project
from luoshi.projects.planning import monthly_plan, set_monthly_plan
from luoshi.projects.progress import judge_projects, series_name
from luoshi.projects.rollup import rollup
from luoshi.projects.stages import (
    NotAllowed,
    ProjectError,
    change_stage,
    join_batch,
    may_edit,
    may_import,
    next_stages,
)
from luoshi.tasks.models import Task


def visible(user):
    return Project.objects.restrict(user).active().select_related("owner", "department", "front")


#: A POST action: domain refusals become a message and a redirect back, never a 500.
acting = redirects.acting(ProjectError, "projects:list")


def _filter(request) -> ProjectFilter:
    try:
        return read_filter(request.GET)
    except FilterError as exc:
        messages.error(request, f"筛选条件无效({exc}),已按默认条件显示")
        return ProjectFilter()


@login_required
def project_list(request):
    chosen = _filter(request)
    return render(request, "projects/project_list.html", {
        "rows": filtered(visible(request.user), chosen), "stages": Project.Stage.choices, "filter": chosen,
        "may_import": may_import(request.user)})


def _plan_form(project: Project, year: int) -> MonthlyPlanForm:
    plan = monthly_plan(project, year)
    initial = {"year": year, **{name: plan.get(m) for m, name in enumerate(MONTH_FIELDS, start=1)}}
    return MonthlyPlanForm(initial=initial)


@login_required
def project_detail(request, pk: int):
    project = get_object_or_404(visible(request.user).prefetch_related("planned", "contacts", "targets"), pk=pk)
    progress = judge_projects([project])[0]
    figures = Figure.objects.of("project", [project]).filter(series__name=series_name()).select_related(
        "approved_revision", "head_revision").order_by("period_end")
    editable = may_edit(request.user, project)
    related = Task.objects.restrict(request.user).filter(
        plan_id=project.plan_id, span_start__lt=project.span_end, span_end__gt=project.span_start
    ).select_related("lead_unit") if project.span_start is not None else Task.objects.none()
    return render(request, "projects/project_detail.html", {
        "project": project, "progress": progress, "figures": figures, "editable": editable,
        "history": project.stage_changes.all(), "batches": project.batches.all(),
        "obstacles": Obstacle.objects.restrict(request.user).filter(project=project),
        "stage_form": StageForm(choices=next_stages(project), initial={"date": dt.date.today()}),
        "plan_form": _plan_form(project, progress.year), "obstacle_form": ObstacleForm(),
        "join_form": JoinBatchForm() if request.user.edits_plans else None, "contact_form": ContactForm(),
        "tasks": related,
    })


def _posted(request, pk: int, form_class, refusal):
    """The visible project PK and FORM_CLASS bound to the POST, valid; an invalid one is refused with REFUSAL
    (words, or the words a function of the form gives)."""
    project = get_object_or_404(visible(request.user), pk=pk)
    form = form_class(request.POST)
    if not form.is_valid():
        raise ProjectError(refusal if isinstance(refusal, str) else refusal(form))
    return project, form


@acting
def stage(request, pk: int):
    project, form = _posted(request, pk, StageForm,
                            lambda form: "；".join(e for errors in form.errors.values() for e in errors))
    change_stage(project, form.cleaned_data["stage"], form.cleaned_data["date"], request.user,
                 form.cleaned_data["note"])
    messages.success(request, f"已变更为“{Project.Stage(form.cleaned_data['stage']).label}”")
    return redirect("projects:detail", pk=pk)


@acting
def plan(request, pk: int):
    project, form = _posted(request, pk, MonthlyPlanForm,
                            lambda form: "；".join(f"{form.fields[k].label}:{e[0]}" for k, e in form.errors.items()))
    set_monthly_plan(project, form.cleaned_data["year"], form.amounts(), request.user)
    messages.success(request, "年度投资计划已保存")
    return redirect("projects:detail", pk=pk)


@acting
def join(request, pk: int):
    project, form = _posted(request, pk, JoinBatchForm, "请选择“三个一批”活动")
    join_batch(form.cleaned_data["batch"], project, request.user)
    return redirect("projects:detail", pk=pk)


@acting
def raise_obstacle(request, pk: int):
    project, form = _posted(request, pk, ObstacleForm, "请选择类别并写明问题")
    obstacle = obstacle_flow.raise_obstacle(project, form.cleaned_data["category"],
                                            form.cleaned_data["description"], request.user)
    return redirect("projects:obstacle", pk=obstacle.pk)


def _project_form(request, project: Project | None):
    form = ProjectForm(request.POST or None, instance=project, user=request.user)
    if request.method == "POST" and form.is_valid():
        if project is None:
            form.instance.created_by = request.user
        saved = form.save()
        messages.success(request, "项目信息已保存")
        return redirect("projects:detail", pk=saved.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@login_required
def project_new(request):
    if not request.user.edits_plans:
        raise PermissionDenied("只有分析员可以新建重点项目")
    return _project_form(request, None)


@login_required
def project_edit(request, pk: int):
    project = get_object_or_404(visible(request.user), pk=pk)
    if not may_edit(request.user, project):
        raise PermissionDenied("只有项目属地单位或分析员可以修改该项目")
    return _project_form(request, project)


@acting
def contact_add(request, pk: int):
    project = get_object_or_404(visible(request.user), pk=pk)
    if not may_edit(request.user, project):
        raise NotAllowed("只有项目属地单位或分析员可以修改该项目")
    form = ContactForm(request.POST)
    if not form.is_valid():
        raise ProjectError("请填写联系人姓名")
    form.instance.project = project
    form.save()
    return redirect("projects:detail", pk=pk)


@login_required
def obstacle_list(request):
    rows = Obstacle.objects.restrict(request.user).select_related("project__owner", "department")
    status = request.GET.get("status", "")
    if status in Obstacle.Status.values:
        rows = rows.filter(status=status)
    return render(request, "projects/obstacle_list.html", {
        "obstacles": rows, "statuses": Obstacle.Status.choices, "status": status, "today": dt.date.today()})


@login_required
def obstacle_detail(request, pk: int):
    obstacle = get_object_or_404(Obstacle.objects.restrict(request.user).select_related(
        "project__owner", "department"), pk=pk)
    user = request.user
    return render(request, "projects/obstacle_detail.html", {
        "obstacle": obstacle, "steps": obstacle.steps.all(), "today": dt.date.today(),
        "route_form": RouteForm(user=user) if user.edits_plans and obstacle.status in ("raised", "routed") else None,
        "may_answer": obstacle.status == "routed" and (user.edits_plans or user.unit_id == obstacle.department_id),
        "may_close": obstacle.status == "answered" and user.role == user.Role.REPORTER
        and user.unit_id == obstacle.project.owner_id,
        "note_form": NoteForm(), "project_visible": visible(user).filter(pk=obstacle.project_id).exists(),
    })


@acting
def obstacle_action(request, pk: int, action: str):
    obstacle = get_object_or_404(Obstacle.objects.restrict(request.user).select_related("project"), pk=pk)
    note = request.POST.get("note", "")
    if action == "route":
        form = RouteForm(request.POST, user=request.user)
        if not form.is_valid():
            raise ProjectError("请选择责任部门并填写时限")
        obstacle_flow.route(obstacle, form.cleaned_data["department"], request.user, form.cleaned_data["days"])
    elif action == "answer":
        obstacle_flow.answer(obstacle, note, request.user)
    elif action == "confirm":
        obstacle_flow.confirm(obstacle, request.user, note)
    elif action == "reopen":
        obstacle_flow.reopen(obstacle, request.user, note)
    else:
        raise ProjectError(f"没有“{action}”这个操作")
    return redirect("projects:obstacle", pk=pk)


@login_required
def rollup_view(request):
    targets = Target.objects.restrict(request.user).active().filter(projects__isnull=False, kind="level").distinct()
    target = targets.filter(pk=request.GET.get("target") or 0).first() or targets.first()
    simulated = request.GET.get("simulated") == "1"
    projects = Project.objects.restrict(request.user).active().filter(simulated=simulated)
    result = rollup(target, projects, at=_filter(request).period) if target else None
    if result:
        jurisdiction = request.user.jurisdiction
        result.rows = [r for r in result.rows if jurisdiction.contains(r.unit)]
        result.city = result.city if jurisdiction.contains(target.region_unit) else None
    return render(request, "projects/rollup.html", {"result": result, "targets": targets, "target": target,
                                                    "simulated": simulated,
                                                    "has_simulated": projects.model.objects.filter(simulated=True).exists()})


@login_required
def batch_list(request):
    if request.method == "POST":
        if not request.user.edits_plans:
            raise PermissionDenied("只有分析员可以编排“三个一批”")
        form = BatchForm(request.POST)
        if form.is_valid():
            form.instance.created_by = request.user
            form.save()
            return redirect("projects:batches")
    else:
        form = BatchForm()
    visible_ids = set(visible(request.user).values_list("pk", flat=True))
    batches = [(b, [p for p in b.projects.all() if p.pk in visible_ids]) for b in Batch.objects.all()]
    return render(request, "projects/batch_list.html", {"batches": batches, "form": form})


@login_required
def import_template(request):
    response = HttpResponse(template(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = "attachment; filename*=UTF-8''%E9%A1%B9%E7%9B%AE%E6%B8%85%E5%8D%95.xlsx"
    return response


@login_required
def import_view(request):
    if not may_import(request.user):
        raise PermissionDenied("无权导入项目")
    errors, written = [], None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            written = import_projects(request.user, upload.name, content_of(upload), dry_run=form.cleaned_data["dry_run"])
        except ImportRejected as rejected:
            errors = rejected.errors
    status = 400 if errors else 200
    return render(request, "projects/import.html", {"form": form, "errors": errors, "written": written},
                  status=status)
