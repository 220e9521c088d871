"""Key projects through the API: list with progress, stages, monthly plan, obstacles, roll-up.

Read and changed through the same scoped querysets and domain functions as the pages.
"""

import datetime as dt
from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from luoshi.api.schemas import Date, ErrorOut, Id, LongText, Month, Year, amount, text
from luoshi.core.errors import FieldErrors
from luoshi.core.workflow import NotAllowed
from luoshi.plans.models import Target
from luoshi.projects import obstacles as flow
from luoshi.projects.filters import FilterError, filtered, read_filter
from luoshi.projects.importing import ImportRejected, content_of, import_projects
from luoshi.projects.models import Obstacle, PlannedInvestment, Project, StageChange
from luoshi.projects.planning import monthly_plan, set_monthly_plan
from luoshi.projects.progress import ProjectProgress, judge_projects
from luoshi.projects.rollup import RollupRow, rollup
from luoshi.projects.stages import ProjectError, change_stage
from luoshi.units.models import Unit

router = Router(tags=["重点项目"])


def attempt(action, ok: int = 200):
    """Run a domain ACTION: refusals become 403 (not allowed), 422 (a field it cannot take) or 409 (not now),
    with the reason."""
    try:
        return Status(ok, action())
    except FieldErrors as exc:
        return Status(422, {"error": "输入无效,未写入任何内容", "detail": exc.detail})
    except NotAllowed as exc:  # every workflow's refusal (luoshi.core.workflow)
        return Status(403, {"error": str(exc), "detail": []})
    except ValueError as exc:  # ProjectError, TaskError
        return Status(409, {"error": str(exc), "detail": []})


class ProjectOut(Schema):
    id: int
    code: str
    name: str
    owner: str
    owner_name: str
    department: str | None
    industry: str
    investor: str | None
    investor_id: int | None
    location: str
    total_investment: float | None
    stage: str
    stage_label: str
    stage_date: dt.date | None
    simulated: bool
    year: int
    planned: float | None
    planned_by_now: float | None
    completed: float | None
    completed_period: str | None
    elapsed: float
    status: str
    status_label: str
    reason: str
    forecast_basis: str
    behind: bool
    plan_months: dict[int, float]
    targets: list[int]
    batches: list[str]


def _number(value) -> float | None:
    return None if value is None else float(value)


def project_out(row: ProjectProgress) -> dict:
    p, verdict = row.project, row.verdict
    return {
        "id": p.pk, "code": p.code, "name": p.name, "owner": p.owner.code, "owner_name": p.owner.name,
        "department": p.department.code if p.department_id else None, "industry": p.industry,
        "investor": p.investor.name if p.investor_id else None, "investor_id": p.investor_id, "location": p.location, "total_investment": _number(p.total_investment), "stage": p.stage,
        "stage_label": p.get_stage_display(), "stage_date": p.stage_date, "simulated": p.simulated,
        "year": row.year, "planned": row.planned, "planned_by_now": row.planned_by_now, "completed": row.completed,
        "completed_period": row.completed_period.code if row.completed_period else None, "elapsed": row.elapsed,
        "status": verdict.status.value, "status_label": verdict.status.label_zh, "reason": verdict.reason,
        "forecast_basis": verdict.forecast_basis, "behind": row.behind,
        "plan_months": {m: float(a) for m, a in monthly_plan(p, row.year).items()},
        "targets": [t.pk for t in p.targets.all()], "batches": [b.name for b in p.batches.all()],
    }


def projects_of(request):
    return Project.objects.restrict(request.user).active().prefetch_related("targets", "batches")


@router.get("/projects", response={200: list[ProjectOut], 422: ErrorOut})
def list_projects(request, stage: str | None = None, behind: bool = False, period: str | None = None):
    """Projects with their progress at PERIOD (default: each one's latest month due); BEHIND: only 滞后 ones.
    The same filter as the project list page (`projects.filters`)."""
    try:
        chosen = read_filter({"stage": stage, "behind": behind, "period": period})
    except FilterError as exc:
        return Status(422, {"error": "筛选条件无效", "detail": exc.detail})
    return [project_out(r) for r in filtered(projects_of(request), chosen)]


def _one(request, project_id: int) -> dict:
    return project_out(judge_projects(projects_of(request).filter(pk=project_id))[0])


@router.get("/projects/{project_id}", response=ProjectOut)
def get_project(request, project_id: Id):
    get_object_or_404(projects_of(request), pk=project_id)
    return _one(request, project_id)


class StageIn(Schema):
    stage: text(Project, "stage")
    date: Date
    note: text(StageChange, "note") = ""


@router.post("/projects/{project_id}/stage", response={200: ProjectOut, 403: ErrorOut, 409: ErrorOut})
def post_stage(request, project_id: Id, body: StageIn):
    project = get_object_or_404(projects_of(request), pk=project_id)
    if body.stage not in Project.Stage.values:
        return Status(409, {"error": f"没有“{body.stage}”这个阶段", "detail": list(Project.Stage.values)})
    return attempt(lambda: (change_stage(project, body.stage, body.date, request.user, body.note),
                            _one(request, project_id))[1])


class PlanIn(Schema):
    year: Year
    months: dict[Month, amount(PlannedInvestment, "amount") | None]


@router.put("/projects/{project_id}/plan", response={200: ProjectOut, 403: ErrorOut, 409: ErrorOut})
def put_plan(request, project_id: Id, body: PlanIn):
    project = get_object_or_404(projects_of(request), pk=project_id)
    return attempt(lambda: (set_monthly_plan(project, body.year, body.months, request.user),
                            _one(request, project_id))[1])


class RollupRowOut(Schema):
    unit: str
    unit_name: str
    projects: int
    reported: int
    completed: float
    quota: float | None
    share_of_quota: float | None
    statistics: float | None
    difference: float | None


class RollupOut(Schema):
    target_id: int
    indicator: str
    period: str
    rows: list[RollupRowOut]
    city: RollupRowOut | None


def _row_out(row: RollupRow) -> dict:
    return {"unit": row.unit.code, "unit_name": row.unit.name, "projects": row.projects, "reported": row.reported,
            "completed": float(row.completed), "quota": _number(row.quota), "share_of_quota": row.share_of_quota,
            "statistics": _number(row.statistics), "difference": _number(row.difference)}


@router.get("/projects-rollup/{target_id}", response=RollupOut)
def get_rollup(request, target_id: Id):
    target = get_object_or_404(Target.objects.restrict(request.user), pk=target_id)
    result = rollup(target, Project.objects.restrict(request.user).active())
    jurisdiction = request.user.jurisdiction
    rows = [r for r in result.rows if jurisdiction.contains(r.unit)]
    region = target.region_unit
    city = _row_out(result.city) if result.city and region is not None and jurisdiction.contains(region) else None
    return {"target_id": target.pk, "indicator": target.indicator, "period": result.at.code,
            "rows": [_row_out(r) for r in rows], "city": city}


class ImportOut(Schema):
    written: list[str]
    dry_run: bool


@router.post("/projects-import", response={200: ImportOut, 403: ErrorOut, 422: ErrorOut})
def post_import(request, file: File[UploadedFile], dry_run: bool = False):
    """项目清单导入 (.xlsx/.csv), all or nothing; errors name row, column, value and reason."""
    if not (request.user.edits_plans or request.user.role == request.user.Role.REPORTER):
        return Status(403, {"error": "无权导入项目", "detail": []})
    try:
        written = import_projects(request.user, file.name, content_of(file), dry_run=dry_run)
    except ImportRejected as rejected:
        return Status(422, {"error": "项目清单未通过检查,未写入任何项目", "detail": [e.as_dict() for e in rejected.errors]})
    return {"written": [p.code for p in written], "dry_run": dry_run}


class ObstacleStepOut(Schema):
    action: str
    note: str
    by: str
    unit: str
    at: dt.datetime


class ObstacleOut(Schema):
    id: int
    project: str
    project_name: str
    category: str
    description: str
    status: str
    status_label: str
    department: str | None
    due: dt.date | None
    answer: str
    steps: list[ObstacleStepOut]


def obstacle_out(o: Obstacle) -> dict:
    return {"id": o.pk, "project": o.project.code, "project_name": o.project.name, "category": o.category,
            "description": o.description, "status": o.status, "status_label": o.get_status_display(),
            "department": o.department.code if o.department_id else None, "due": o.due, "answer": o.answer,
            "steps": [{"action": s.action, "note": s.note, "by": s.by_name, "unit": s.by_unit, "at": s.at}
                      for s in o.steps.all()]}


def obstacles_of(request):
    return Obstacle.objects.restrict(request.user).select_related("project", "department").prefetch_related("steps")


@router.get("/obstacles", response=list[ObstacleOut])
def list_obstacles(request, status: str | None = None):
    rows = obstacles_of(request)
    return [obstacle_out(o) for o in (rows.filter(status=status) if status else rows)]


class ObstacleIn(Schema):
    category: text(Obstacle, "category")
    description: LongText


@router.post("/projects/{project_id}/obstacles", response={201: ObstacleOut, 403: ErrorOut, 409: ErrorOut})
def post_obstacle(request, project_id: Id, body: ObstacleIn):
    project = get_object_or_404(projects_of(request), pk=project_id)
    if body.category not in Obstacle.Category.values:
        return Status(409, {"error": f"没有“{body.category}”这个类别", "detail": list(Obstacle.Category.values)})
    return attempt(lambda: obstacle_out(flow.raise_obstacle(project, body.category, body.description,
                                                            request.user)), ok=201)


class ObstacleActionIn(Schema):
    note: LongText = ""
    department: text(Unit, "code") | None = None
    days: Annotated[int, Field(ge=flow.ROUTE_DAYS[0], le=flow.ROUTE_DAYS[1])] = flow.DEFAULT_DAYS


def _act(obstacle: Obstacle, action: str, body: ObstacleActionIn, user) -> Obstacle:
    if action == "route":
        department = Unit.objects.filter(code=body.department or "").first()
        if department is None:
            raise ProjectError(f"没有代码为“{body.department}”的单位")
        return flow.route(obstacle, department, user, body.days)
    if action == "answer":
        return flow.answer(obstacle, body.note, user)
    if action == "confirm":
        return flow.confirm(obstacle, user, body.note)
    if action == "reopen":
        return flow.reopen(obstacle, user, body.note)
    raise ProjectError(f"没有“{action}”这个操作(route、answer、confirm、reopen)")


@router.post("/obstacles/{obstacle_id}/{action}", response={200: ObstacleOut, 403: ErrorOut, 409: ErrorOut})
def post_obstacle_action(request, obstacle_id: Id, action: str, body: ObstacleActionIn):
    obstacle = get_object_or_404(obstacles_of(request), pk=obstacle_id)
    return attempt(lambda: obstacle_out(obstacles_of(request).get(pk=_act(obstacle, action, body, request.user).pk)))
