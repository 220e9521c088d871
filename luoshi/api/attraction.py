"""招商引资 through the API: leads (filtered like the pipeline), their stages and paid-in funds, the leads import,
task forces and events (created, edited, archived), and the roll-up beside the 招商引资 target. The same scoped
querysets and domain functions as the pages.
"""

import datetime as dt
from typing import Annotated

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from luoshi.api.enterprises import unit_by_code
from luoshi.api.projects import attempt
from luoshi.api.schemas import Date, ErrorOut, Id, amount, text
from luoshi.attraction import choices, editing, funds
from luoshi.attraction.filters import FilterError, read_filter
from luoshi.attraction.models import Event, Lead, LeadStep, TaskForce
from luoshi.attraction.overview import overview
from luoshi.attraction.sheet import LeadsRejected, export_workbook, import_leads
from luoshi.attraction.stages import advance, correct_lead, open_lead
from luoshi.chains.models import Chain
from luoshi.core.errors import FieldErrors
from luoshi.figures.models import Figure, FigureRevision
from luoshi.lib.bounded import TooLarge, limits, read_capped
from luoshi.projects.models import Project
from luoshi.units.models import Unit

router = Router(tags=["招商引资"])


def _number(value) -> float | None:
    return None if value is None else float(value)


class LeadStepOut(Schema):
    from_stage: str
    to_stage: str
    to_label: str
    date: dt.date
    note: str
    by: str


class LeadOut(Schema):
    id: int
    name: str
    company: str
    company_id: int
    task_force: str
    task_force_id: int
    unit: str
    unit_name: str
    chain: str | None
    node: str | None
    node_id: int | None
    event_id: int | None
    planned_investment: float | None
    signed_investment: float | None
    stage: str
    stage_label: str
    stage_date: dt.date | None
    project: str | None
    simulated: bool
    steps: list[LeadStepOut]


def lead_out(lead: Lead) -> dict:
    node = lead.node
    return {
        "id": lead.pk, "name": lead.name, "company": lead.company.name, "company_id": lead.company_id,
        "task_force": lead.task_force.name, "task_force_id": lead.task_force_id, "unit": lead.unit.code,
        "unit_name": lead.unit.name, "chain": node.chain.name if node else None, "node": node.name if node else None,
        "node_id": lead.node_id, "event_id": lead.event_id, "planned_investment": _number(lead.planned_investment),
        "signed_investment": _number(lead.signed_investment), "stage": lead.stage,
        "stage_label": lead.get_stage_display(), "stage_date": lead.stage_date,
        "project": lead.project.code if lead.project_id else None, "simulated": lead.simulated,
        "steps": [{"from_stage": s.from_stage, "to_stage": s.to_stage, "to_label": s.get_to_stage_display(),
                   "date": s.date, "note": s.note, "by": s.by_name} for s in lead.steps.all()],
    }


def leads_of(request):
    return Lead.objects.restrict(request.user).active().select_related(
        "company", "task_force", "unit", "node__chain", "project").prefetch_related("steps")


@router.get("/leads", response={200: list[LeadOut], 422: ErrorOut})
def list_leads(request, task_force: str | None = None, chain: str | None = None, unit: str | None = None,
               stage: str | None = None):
    """招商项目, filtered as on the pipeline page (`attraction.filters`)."""
    try:
        chosen = read_filter({"task_force": task_force, "chain": chain, "unit": unit, "stage": stage}, request.user)
    except FilterError as exc:
        return Status(422, {"error": "筛选条件无效", "detail": exc.detail})
    return [lead_out(lead) for lead in chosen.apply(leads_of(request))]


@router.get("/leads/template.xlsx", response={200: None})
def get_leads_template(request):
    """招商项目清单模板: the columns `POST /leads/import` reads, no rows (GET /leads/export.xlsx: with the leads)."""
    return _xlsx(export_workbook(Lead.objects.none()), "leads-template.xlsx")


@router.get("/leads/export.xlsx", response={200: None})
def get_leads_export(request):
    """The caller's leads in the import's columns."""
    return _xlsx(export_workbook(leads_of(request)), "leads.xlsx")


def _xlsx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


class LeadsImportOut(Schema):
    rows: int
    created: int
    advanced: int
    steps: int
    dry_run: bool


@router.post("/leads/import", response={200: LeadsImportOut, 422: ErrorOut})
def post_leads_import(request, file: File[UploadedFile], dry_run: bool = False):
    """招商项目清单导入 (.xlsx), all or nothing: new rows open leads, registered codes move theirs on; errors name
    row, column, value and reason."""
    try:
        summary = import_leads(request.user, read_capped(file, limits()), file.name, dry_run=dry_run)
    except TooLarge as exc:
        return Status(422, {"error": str(exc), "detail": []})
    except LeadsRejected as rejected:
        return Status(422, {"error": "招商项目清单未通过检查,未写入任何内容",
                            "detail": [e.as_dict() for e in rejected.errors]})
    return vars(summary)


@router.get("/leads/{lead_id}", response=LeadOut)
def get_lead(request, lead_id: Id):
    return lead_out(get_object_or_404(leads_of(request), pk=lead_id))


class LeadFactsIn(Schema):
    """A lead's facts: ids as GET /leads gives them, the landing unit by its code."""

    name: text(Lead, "name")
    company_id: Id
    task_force_id: Id
    unit: text(Unit, "code")
    node_id: Id | None = None
    event_id: Id | None = None
    planned_investment: amount(Lead, "planned_investment") | None = None


class LeadNewIn(LeadFactsIn):
    date: Date
    note: text(LeadStep, "note") = ""


def _facts(request, body: LeadFactsIn) -> dict:
    """BODY's facts as rows the caller may pick (`attraction.choices`, as the form offers), else 422 by field."""
    user, problems, facts = request.user, [], {"name": body.name, "planned_investment": body.planned_investment}
    picks = {"company": (choices.companies(user), {"pk": body.company_id}),
             "task_force": (choices.task_forces(user), {"pk": body.task_force_id}),
             "unit": (choices.landing_units(user), {"code": body.unit}),
             "node": (choices.nodes(user), {"pk": body.node_id}), "event": (choices.events(user), {"pk": body.event_id})}
    for name, (rows, where) in picks.items():
        if None in where.values():
            facts[name] = None
        elif (found := rows.filter(**where).first()) is None:
            problems.append({"field": f"{name}_id" if name != "unit" else name,
                             "message": f"没有可选的{Lead._meta.get_field(name).verbose_name}“{next(iter(where.values()))}”"})
        else:
            facts[name] = found
    if problems:
        raise FieldErrors(problems)
    return facts


@router.post("/leads", response={201: LeadOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def post_lead(request, body: LeadNewIn):
    """登记线索: a new lead at 线索 on DATE (as the page's 登记线索)."""
    return attempt(lambda: lead_out(leads_of(request).get(pk=open_lead(
        request.user, date=body.date, note=body.note, **_facts(request, body)).pk)), ok=201)


@router.put("/leads/{lead_id}", response={200: LeadOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def put_lead(request, lead_id: Id, body: LeadFactsIn):
    """更正: put a registered lead's facts right; its stages stay as logged."""
    lead = get_object_or_404(leads_of(request), pk=lead_id)
    return attempt(lambda: (correct_lead(request.user, lead, **_facts(request, body)),
                            lead_out(leads_of(request).get(pk=lead_id)))[1])


class LeadStageIn(Schema):
    stage: text(Lead, "stage")
    date: Date
    note: text(LeadStep, "note") = ""
    signed_investment: amount(Lead, "signed_investment") | None = None
    project: text(Project, "code") | None = None
    create_project: bool = False


@router.post("/leads/{lead_id}/stage", response={200: LeadOut, 403: ErrorOut, 409: ErrorOut})
def post_lead_stage(request, lead_id: Id, body: LeadStageIn):
    """Move the lead to its next stage (签约 takes signed_investment; 开工 a project code or create_project)."""
    lead = get_object_or_404(leads_of(request), pk=lead_id)
    project = None
    if body.project:
        project = Project.objects.restrict(request.user).active().filter(code=body.project).first()
        if project is None:
            return Status(409, {"error": f"没有可关联的重点项目“{body.project}”", "detail": []})
    return attempt(lambda: (advance(lead, body.stage, body.date, request.user, body.note,
                                    signed_investment=body.signed_investment, project=project,
                                    create_project=body.create_project),
                            lead_out(leads_of(request).get(pk=lead_id)))[1])


class PaidInOut(Schema):
    figure_id: int
    period: str
    value: float | None
    status: str | None
    status_label: str | None
    revisions: int


class PaidInIn(Schema):
    period: text(Figure, "period")
    value: amount(Figure, "value")
    source: text(FigureRevision, "source") = ""


@router.get("/leads/{lead_id}/paid-in", response=list[PaidInOut])
def get_paid_in(request, lead_id: Id):
    """到位资金: the lead's year-to-date figures month by month: the approved value, the latest revision's status
    and how many revisions there are (the figures API gives each revision)."""
    lead = get_object_or_404(leads_of(request), pk=lead_id)
    head = lambda f: f.head_revision  # noqa: E731
    return [{"figure_id": f.pk, "period": f.period, "value": _number(f.value),
             "status": head(f).status if head(f) else None, "status_label": head(f).get_status_display() if head(f) else None,
             "revisions": f.revisions.count()} for f in funds.figures_of(lead)]


@router.post("/leads/{lead_id}/paid-in", response={201: list[PaidInOut], 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def post_paid_in(request, lead_id: Id, body: PaidInIn):
    """Report the lead's year-to-date paid-in funds at a month (2023M06): a new figure revision (the landing unit's
    awaits approval; an analyst's is approved)."""
    lead = get_object_or_404(leads_of(request), pk=lead_id)
    return attempt(lambda: (funds.report(request.user, lead, body.period, body.value, body.source),
                            get_paid_in(request, lead_id))[1], ok=201)


class TaskForceOut(Schema):
    id: int
    name: str
    leader: str
    lead_department: str
    members: list[str]
    regions: list[str]
    chains: list[str]
    scope: str
    archived: bool


def task_force_out(tf: TaskForce) -> dict:
    return {"id": tf.pk, "name": tf.name, "leader": tf.leader, "lead_department": tf.lead_department.code,
            "members": [u.code for u in tf.members.all()], "regions": [u.code for u in tf.regions.all()],
            "chains": [c.name for c in tf.chains.all()], "scope": tf.scope, "archived": tf.archived}


def task_forces_of(request):
    return TaskForce.objects.restrict(request.user).select_related("lead_department").prefetch_related(
        "members", "regions", "chains")


@router.get("/task-forces", response=list[TaskForceOut])
def list_task_forces(request, archived: bool = False):
    """专班 within the caller's jurisdiction (archived ones too with ARCHIVED)."""
    rows = task_forces_of(request) if archived else task_forces_of(request).active()
    return [task_force_out(tf) for tf in rows]


@router.get("/task-forces/{task_force_id}", response=TaskForceOut)
def get_task_force(request, task_force_id: Id):
    return task_force_out(get_object_or_404(task_forces_of(request), pk=task_force_id))


Codes = Annotated[list[text(Unit, "code")], Field(max_length=500)]


class TaskForceIn(Schema):
    name: text(TaskForce, "name")
    leader: text(TaskForce, "leader") = ""
    lead_department: text(Unit, "code") | None = None
    members: Codes = []
    regions: Codes = []
    chain_ids: Annotated[list[Id], Field(max_length=200)] = []
    scope: text(TaskForce, "scope") = ""


def _units(field: str, codes: list[str]) -> list[Unit]:
    found = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    missing = [c for c in codes if c not in found]
    if missing:
        raise FieldErrors([{"field": field, "message": f"没有代码为“{'、'.join(missing)}”的单位"}])
    return [found[c] for c in dict.fromkeys(codes)]


def _task_force_values(request, body: TaskForceIn, force: TaskForce | None = None) -> dict:
    editing.require_edit(request.user, force)  # a 403 before the names are looked up
    chains = list(Chain.objects.restrict(request.user).active().filter(pk__in=body.chain_ids))
    if len(chains) != len(set(body.chain_ids)):
        raise FieldErrors([{"field": "chain_ids", "message": "有产业链不存在、已归档或不在您的辖区内"}])
    return {"name": body.name, "leader": body.leader, "scope": body.scope,
            "lead_department": unit_by_code("lead_department", body.lead_department) or request.user.unit,
            "members": _units("members", body.members), "regions": _units("regions", body.regions), "chains": chains}


@router.post("/task-forces", response={201: TaskForceOut, 403: ErrorOut, 422: ErrorOut})
def post_task_force(request, body: TaskForceIn):
    """A new 专班 (analysts of the jurisdiction): units by code, chains by id; every change logged."""
    return attempt(lambda: task_force_out(editing.create_task_force(request.user,
                                                                    **_task_force_values(request, body))), ok=201)


@router.put("/task-forces/{task_force_id}", response={200: TaskForceOut, 403: ErrorOut, 422: ErrorOut})
def put_task_force(request, task_force_id: Id, body: TaskForceIn):
    """The 专班 as BODY says (its member units, regions and chains replaced)."""
    force = get_object_or_404(task_forces_of(request), pk=task_force_id)
    return attempt(lambda: task_force_out(editing.update_task_force(request.user, force,
                                                                    **_task_force_values(request, body, force))))


class ArchiveIn(Schema):
    archived: bool = True


@router.post("/task-forces/{task_force_id}/archive", response={200: TaskForceOut, 403: ErrorOut, 422: ErrorOut})
def post_task_force_archive(request, task_force_id: Id, body: ArchiveIn):
    """归档 the 专班 (archived: false restores it); it is never deleted."""
    force = get_object_or_404(task_forces_of(request), pk=task_force_id)
    return attempt(lambda: task_force_out(editing.archive_task_force(request.user, force, body.archived)))


class EventOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    date: dt.date
    place: str
    organizer: str
    task_force_id: int | None
    leads: list[int]
    archived: bool


def events_of(request):
    return Event.objects.restrict(request.user).select_related("organizer").prefetch_related("leads")


def event_out(event: Event, visible: set[int]) -> dict:
    return {"id": event.pk, "name": event.name, "kind": event.kind, "kind_label": event.get_kind_display(),
            "date": event.date, "place": event.place, "organizer": event.organizer.code,
            "task_force_id": event.task_force_id, "archived": event.archived,
            "leads": sorted(lead.pk for lead in event.leads.all() if lead.pk in visible)}


def _visible_leads(request) -> set[int]:
    return set(Lead.objects.restrict(request.user).values_list("pk", flat=True))


@router.get("/events", response=list[EventOut])
def list_events(request, archived: bool = False):
    """招商活动 with the leads they produced (those the caller may see)."""
    visible = _visible_leads(request)
    rows = events_of(request) if archived else events_of(request).active()
    return [event_out(e, visible) for e in rows]


@router.get("/events/{event_id}", response=EventOut)
def get_event(request, event_id: Id):
    return event_out(get_object_or_404(events_of(request), pk=event_id), _visible_leads(request))


class EventIn(Schema):
    name: text(Event, "name")
    kind: text(Event, "kind")
    date: Date
    place: text(Event, "place") = ""
    organizer: text(Unit, "code") | None = None
    task_force_id: Id | None = None
    lead_ids: Annotated[list[Id], Field(max_length=1000)] | None = None


def _event_values(request, body: EventIn, event: Event | None = None) -> dict:
    editing.require_edit(request.user, event)
    force = None
    if body.task_force_id is not None:
        force = TaskForce.objects.restrict(request.user).filter(pk=body.task_force_id).first()
        if force is None:
            raise FieldErrors([{"field": "task_force_id", "message": "没有这个专班"}])
    values = {"name": body.name, "kind": body.kind, "date": body.date, "place": body.place, "task_force": force,
              "organizer": unit_by_code("organizer", body.organizer) or request.user.unit}
    if body.lead_ids is not None:
        values["leads"] = body.lead_ids  # checked by editing.set_event_leads
    return values


def _event_answer(request, event: Event) -> dict:
    return event_out(events_of(request).get(pk=event.pk), _visible_leads(request))


@router.post("/events", response={201: EventOut, 403: ErrorOut, 422: ErrorOut})
def post_event(request, body: EventIn):
    """A new 招商活动 (analysts of the jurisdiction); LEAD_IDS: the leads it produced."""
    return attempt(lambda: _event_answer(request, editing.create_event(request.user, **_event_values(request, body))),
                   ok=201)


@router.put("/events/{event_id}", response={200: EventOut, 403: ErrorOut, 422: ErrorOut})
def put_event(request, event_id: Id, body: EventIn):
    """The event as BODY says; LEAD_IDS given: exactly those leads (of the ones the caller may change) came from it."""
    event = get_object_or_404(events_of(request), pk=event_id)
    return attempt(lambda: _event_answer(request, editing.update_event(request.user, event,
                                                                       **_event_values(request, body, event))))


@router.post("/events/{event_id}/archive", response={200: EventOut, 403: ErrorOut})
def post_event_archive(request, event_id: Id, body: ArchiveIn):
    event = get_object_or_404(events_of(request), pk=event_id)
    return attempt(lambda: _event_answer(request, editing.archive_event(request.user, event, body.archived)))


class AttractionLineOut(Schema):
    key: str
    label: str
    leads: int
    stages: dict[str, int]
    signed: int
    signed_amount: float
    started: int
    producing: int
    conversion_started: float | None
    conversion_producing: float | None
    paid_in: float


class BatchCountOut(Schema):
    kind: str
    label: str
    leads: int
    projects: int
    total: int


class AttractionSummaryOut(Schema):
    period: str
    by: str
    lines: list[AttractionLineOut]
    total: AttractionLineOut
    target_id: int | None
    target_value: float | None
    reported: float | None
    difference: float | None
    three_batches: list[BatchCountOut]


@router.get("/attraction-summary", response={200: AttractionSummaryOut, 422: ErrorOut})
def get_summary(request, period: str | None = None, by: str | None = None):
    """招商汇总 by task-force, chain, unit or month for a year-to-date PERIOD, beside the 招商引资 target."""
    try:
        return overview(request.user, period, by)
    except FilterError as exc:
        return Status(422, {"error": "汇总条件无效", "detail": exc.detail})
