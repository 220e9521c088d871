"""招商引资 pages: thin views over the domain modules (stages, rollup, batches, funds), scoped by jurisdiction."""


from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.attraction import editing, funds
from luoshi.attraction.batches import three_batches
from luoshi.attraction.filters import FilterError, LeadFilter, read_by, read_filter, read_period
from luoshi.attraction.forms import (
    EventForm,
    FundsForm,
    LeadForm,
    LeadsImportForm,
    LinkForm,
    StageForm,
    TaskForceForm,
)
from luoshi.attraction.models import Event, Lead, TaskForce
from luoshi.attraction.rollup import BY, summary_for
from luoshi.attraction.sheet import LeadsRejected, export_workbook, import_leads
from luoshi.attraction.stages import (
    LeadError,
    NotAllowed,
    advance,
    correct_lead,
    link_project,
    may_edit,
    next_stage,
    open_lead,
)
from luoshi.chains.models import Chain
from luoshi.core import redirects
from luoshi.core.errors import FieldErrors
from luoshi.lib.bounded import TooLarge, limits, read_capped
from luoshi.projects import stages as project_stages
from luoshi.projects.forms import ObstacleForm
from luoshi.projects.models import Obstacle, Project
from luoshi.units.models import Unit


def visible(user):
    return Lead.objects.restrict(user).active().select_related("company", "task_force", "unit", "node__chain",
                                                                "project")


#: A POST action: a refusal becomes a 403 (not allowed) or a message and a redirect back, never a 500.
acting = redirects.acting(ValueError, "attraction:pipeline")  # LeadError, a figure refused, a field out of range


def _filter(request) -> LeadFilter:
    try:
        return read_filter(request.GET, request.user)
    except FilterError as exc:
        messages.error(request, f"筛选条件无效({exc}),已按默认条件显示")
        return LeadFilter()


def _choices(user) -> dict:
    return {"task_forces": TaskForce.objects.restrict(user).active(), "chains": Chain.objects.restrict(user).active(),
            "units": Unit.objects.filter(pk__in=visible(user).values("unit")).order_by("kind", "order"),
            "stages": Lead.Stage.choices}


@login_required
def pipeline(request):
    """招商项目看板: one column per stage, filtered by 专班/chain/unit/stage; htmx asks for the board only."""
    chosen = _filter(request)
    leads = list(chosen.apply(visible(request.user)))
    columns = [(code, label, [lead for lead in leads if lead.stage == code]) for code, label in Lead.Stage.choices
               if not chosen.stage or code == chosen.stage]
    context = {"columns": columns, "filter": chosen, "count": len(leads), **_choices(request.user)}
    template = "attraction/_board.html" if request.headers.get("HX-Request") else "attraction/pipeline.html"
    return render(request, template, context)


@login_required
def lead_new(request):
    form = LeadForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            lead = open_lead(request.user, name=data["name"], company=data["company"], task_force=data["task_force"],
                             unit=data["unit"], date=data["date"], node=data["node"], event=data["event"],
                             planned_investment=data["planned_investment"])
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc
        except LeadError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "招商线索已登记")
            return redirect("attraction:lead", pk=lead.pk)
    return render(request, "attraction/lead_form.html", {"form": form})


@login_required
def lead_edit(request, pk: int):
    """更正 a registered lead's facts (its stages stay as logged)."""
    lead = get_object_or_404(visible(request.user), pk=pk)
    if not may_edit(request.user, lead):
        raise PermissionDenied(_("只有该项目的专班成员、落地单位或分析员可以更正该招商项目"))
    form = LeadForm(request.POST or None, instance=lead, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            correct_lead(request.user, Lead.objects.get(pk=pk), **form.cleaned_data)
        except NotAllowed as exc:
            raise PermissionDenied(str(exc)) from exc
        except LeadError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("已保存"))
            return redirect("attraction:lead", pk=pk)
    return render(request, "attraction/lead_form.html", {"form": form, "lead": lead},
                  status=422 if form.errors else 200)


@login_required
def lead_detail(request, pk: int):
    lead = get_object_or_404(visible(request.user), pk=pk)
    user, stage = request.user, next_stage(lead)
    project = lead.project
    return render(request, "attraction/lead_detail.html", {
        "lead": lead, "steps": lead.steps.select_related("by"), "editable": may_edit(user, lead),
        "next_stage": Lead.Stage(stage) if stage else None,
        "stage_form": StageForm(user=user, stage=stage, initial={"date": timezone.localdate()}) if stage else None,
        "link_form": LinkForm(user=user) if project is None and lead.stage in (Lead.Stage.SIGNED, Lead.Stage.LANDED)
        else None,
        "project_visible": project is not None and Project.objects.restrict(user).filter(pk=project.pk).exists(),
        "obstacles": Obstacle.objects.restrict(user).filter(project=project) if project else [],
        "obstacle_form": ObstacleForm() if project and project_stages.may_edit(user, project) else None,
        "figures": funds.figures_of(lead), "funds_form": FundsForm(user=user) if funds.may_report(user, lead) else None,
    })


@acting
def lead_stage(request, pk: int):
    lead = get_object_or_404(visible(request.user), pk=pk)
    stage = next_stage(lead)
    form = StageForm(request.POST, user=request.user, stage=stage)
    if stage is None or not form.is_valid():
        raise LeadError("；".join(e for errors in form.errors.values() for e in errors) or "已投产,没有下一阶段")
    data = form.cleaned_data
    advance(lead, stage, data["date"], request.user, data["note"], signed_investment=data.get("signed_investment"),
            project=data.get("project"), create_project=data.get("create_project", False))
    messages.success(request, f"已进入“{Lead.Stage(stage).label}”")
    return redirect("attraction:lead", pk=pk)


@acting
def lead_link(request, pk: int):
    lead = get_object_or_404(visible(request.user), pk=pk)
    form = LinkForm(request.POST, user=request.user)
    if not form.is_valid():
        raise LeadError("请选择一个尚未关联招商项目的重点项目")
    link_project(lead, form.cleaned_data["project"], request.user)
    return redirect("attraction:lead", pk=pk)


@acting
def lead_funds(request, pk: int):
    lead = get_object_or_404(visible(request.user), pk=pk)
    form = FundsForm(request.POST, user=request.user)
    if not form.is_valid():
        raise LeadError("；".join(f"{form.fields[k].label}:{e[0]}" for k, e in form.errors.items()))
    data = form.cleaned_data
    revision = funds.report(request.user, lead, data["period"], data["value"], data["source"])
    messages.success(request, f"到位资金已填报({revision.get_status_display()})")
    return redirect("attraction:lead", pk=pk)


def _summary(request, leads, by: str | None = None):
    """The roll-up of LEADS at the requested period; the target and the bureau's figure only for a reader who
    reaches the target's region."""
    try:
        at, by = read_period(request.GET.get("period"), leads), by or read_by(request.GET.get("by"))
    except FilterError as exc:
        messages.error(request, f"汇总条件无效({exc}),已按默认条件显示")
        at, by = read_period(None, leads), by or "task-force"
    return summary_for(request.user, leads, at, by)


@login_required
def summary_view(request):
    leads = _filter(request).apply(visible(request.user))
    result = _summary(request, leads)
    projects = Project.objects.restrict(request.user).active()
    return render(request, "attraction/summary.html", {
        "result": result, "groupings": BY.items(), "by_label": BY[result.by],
        "link": "task_force" if result.by == "task-force" else "",
        "batches": three_batches(leads, projects, result.at.start_date, result.at.end_date)})


@login_required
def task_force_list(request):
    """专班 list with their ranking by signed amount in the period."""
    result = _summary(request, visible(request.user), "task-force")
    forces = {str(tf.pk): tf for tf in TaskForce.objects.restrict(request.user).active().prefetch_related(
        "members", "regions", "chains").select_related("lead_department")}
    ranked = [(n, forces[line.key], line) for n, line in enumerate(result.lines, start=1) if line.key in forces]
    idle = [tf for key, tf in forces.items() if key not in {line.key for line in result.lines}]
    editable = editing.may_edit(request.user)
    archived = TaskForce.objects.restrict(request.user).filter(archived=True) if editable else []
    return render(request, "attraction/task_force_list.html", {"result": result, "ranked": ranked, "idle": idle,
                                                               "editable": editable, "archived": archived})


@login_required
def task_force_detail(request, pk: int):
    force = get_object_or_404(TaskForce.objects.restrict(request.user).active().select_related("lead_department"),
                              pk=pk)
    leads = visible(request.user).filter(task_force=force)
    return render(request, "attraction/task_force_detail.html", {
        "force": force, "leads": leads, "months": _summary(request, leads, "month"),
        "by_chain": _summary(request, leads, "chain"),
        "events": Event.objects.restrict(request.user).active().filter(task_force=force),
        "editable": editing.may_edit(request.user, force)})


@login_required
def event_list(request):
    events = Event.objects.restrict(request.user).active().select_related("task_force", "organizer")
    editable = editing.may_edit(request.user)
    archived = Event.objects.restrict(request.user).filter(archived=True) if editable else []
    return render(request, "attraction/event_list.html", {"events": events, "kinds": Event.Kind.choices,
                                                          "editable": editable, "archived": archived})


@login_required
def event_detail(request, pk: int):
    event = get_object_or_404(Event.objects.restrict(request.user).active().select_related("task_force", "organizer"),
                              pk=pk)
    return render(request, "attraction/event_detail.html", {
        "event": event, "leads": visible(request.user).filter(event=event),
        "editable": editing.may_edit(request.user, event)})


def _field_errors(form, exc: FieldErrors) -> None:
    for item in exc.detail:
        form.add_error(item["field"] if item["field"] in form.fields else None, item["message"])


def _editable(request, queryset, pk: int | None):
    """The row PK of QUERYSET (scoped) that the user may change, or None for a new one; 403 for a non-editor."""
    obj = get_object_or_404(queryset.restrict(request.user), pk=pk) if pk is not None else None
    if not editing.may_edit(request.user, obj):
        raise PermissionDenied(_("只有本辖区的分析员可以维护招商专班和招商活动"))
    return obj


def _edit_page(request, form, save, template: str, context: dict, done: str):
    """The one shape of the 专班 and 活动 forms: valid input goes to SAVE (the domain function), whose
    FieldErrors are shown beside the fields; success redirects to DONE's page of the saved row."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(form.values())
        except FieldErrors as exc:
            _field_errors(form, exc)
        else:
            messages.success(request, _("已保存"))
            return redirect(done, pk=saved.pk)
    return render(request, template, {"form": form, **context}, status=422 if form.errors else 200)


@login_required
def task_force_form(request, pk: int | None = None):
    """新建/编辑专班."""
    force = _editable(request, TaskForce.objects.all(), pk)
    form = TaskForceForm(request.POST or None, instance=force, user=request.user)
    save = (lambda v: editing.create_task_force(request.user, **v)) if force is None else \
        (lambda v: editing.update_task_force(request.user, TaskForce.objects.get(pk=force.pk), **v))
    return _edit_page(request, form, save, "attraction/task_force_form.html", {"force": force},
                      "attraction:task_force")


@acting
def task_force_archive(request, pk: int):
    force = _editable(request, TaskForce.objects.all(), pk)
    restore = request.POST.get("restore") == "1"
    editing.archive_task_force(request.user, force, archived=not restore)  # a name taken again: a message
    messages.success(request, _("专班已恢复") if restore else _("专班已归档"))
    return redirect("attraction:task_force", pk=pk) if restore else redirect("attraction:task_forces")


@login_required
def event_form(request, pk: int | None = None):
    """新建/编辑招商活动, with the leads it produced."""
    event = _editable(request, Event.objects.all(), pk)
    form = EventForm(request.POST or None, instance=event, user=request.user)
    save = (lambda v: editing.create_event(request.user, **v)) if event is None else \
        (lambda v: editing.update_event(request.user, Event.objects.get(pk=event.pk), **v))
    return _edit_page(request, form, save, "attraction/event_form.html", {"event": event}, "attraction:event")


@acting
def event_archive(request, pk: int):
    event = _editable(request, Event.objects.all(), pk)
    restore = request.POST.get("restore") == "1"
    editing.archive_event(request.user, event, archived=not restore)
    messages.success(request, _("招商活动已恢复") if restore else _("招商活动已归档"))
    return redirect("attraction:event", pk=pk) if restore else redirect("attraction:events")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_response(content: bytes, name: str) -> HttpResponse:
    from urllib.parse import quote

    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}.xlsx"
    return response


@login_required
def leads_template(request):
    """招商项目清单模板: the import's columns, no rows."""
    return workbook_response(export_workbook(Lead.objects.none()), _("招商项目清单模板"))


@login_required
def leads_export(request):
    """The leads the reader sees (filtered as on the kanban), in the import's columns."""
    return workbook_response(export_workbook(_filter(request).apply(visible(request.user))), _("招商项目清单"))


@login_required
def leads_import(request):
    """导入招商项目: upload, check (dry run) or write, every bad cell listed; nothing written unless all are valid."""
    form, errors, summary = LeadsImportForm(request.POST or None, request.FILES or None), [], None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            summary = import_leads(request.user, read_capped(upload, limits()), upload.name,
                                   dry_run=form.cleaned_data["dry_run"])
        except TooLarge as exc:
            errors = [{"row": 1, "column": "文件", "value": upload.name, "reason": str(exc)}]
        except LeadsRejected as rejected:
            errors = [e.as_dict() for e in rejected.errors]
        if summary and not summary.dry_run:
            messages.success(request, _("已导入 %(rows)s 行:新登记 %(created)s 个项目,推进 %(advanced)s 个") % {
                "rows": summary.rows, "created": summary.created, "advanced": summary.advanced})
            return redirect("attraction:pipeline")
    return render(request, "attraction/leads_import.html", {"form": form, "errors": errors, "summary": summary},
                  status=422 if errors else 200)
