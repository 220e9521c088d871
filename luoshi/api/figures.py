"""Figures through the API: read, submit (all or nothing, idempotent with client keys), review, status."""

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from luoshi.api.schemas import ErrorOut, Id, Plain, VerdictOut
from luoshi.figures import subjects
from luoshi.figures.catalogue import series_named
from luoshi.figures.entries import Entry
from luoshi.figures.marks import MarkError, mark_not_published
from luoshi.figures.models import Figure, FigureRevision
from luoshi.figures.submission import (
    FiguresRejected,
    ReviewError,
    StaleRevision,
    approve,
    return_revision,
    submit,
)
from luoshi.lib.periods import PeriodError, parse
from luoshi.plans.export import number
from luoshi.plans.models import Assignment, Target
from luoshi.units.models import Unit
from luoshi.verdicts.keeping import assignment_rows, target_rows

router = Router(tags=["数据"])


class FigureOut(Schema):
    id: int
    series: str
    unit: str
    project: str | None
    period: str
    value: float | None
    growth: float | None
    approved_revision: int | None
    head_revision: int | None
    head_status: str | None
    not_published: bool
    not_published_note: str


class FigureIn(Plain):
    series: str
    unit: str = ""
    project: str = ""
    period: str
    value: float | str | None = None
    growth: float | str | None = None
    unit_of_measure: str | None = None
    source: str = ""
    note: str = ""
    reason: str = ""
    based_on: Id | None = None
    client_key: str | None = None


class SubmissionIn(Plain):
    items: list[FigureIn]


class RevisionOut(Plain):
    item: int | None
    revision: int
    figure: int
    number: int
    status: str
    value: float | None
    growth: float | None


class SubmissionOut(Plain):
    written: list[RevisionOut]
    replayed: list[RevisionOut]
    unchanged: list[int]


class ReturnIn(Schema):
    reason: str


class NotPublishedIn(Schema):
    series: str
    unit: str
    period: str
    note: str = ""
    value: bool = True


@router.get("/figures", response=list[FigureOut])
def list_figures(request, series: str | None = None, unit: str | None = None, period: str | None = None):
    figures = Figure.objects.restrict(request.user).select_related("series", "unit", "head_revision")
    if series:
        figures = figures.filter(series__name=series) if not series.isdigit() else figures.filter(series_id=series)
    if unit:
        figures = figures.filter(unit__code=unit)
    if period:
        try:
            found = parse(period)
        except PeriodError:
            return []
        figures = figures.filter(period_start=found.start_date, period_end=found.end_date)
    figures = list(figures[:5000])
    subjects.attach(figures)
    return [_figure_out(f) for f in figures]


def _figure_out(figure: Figure) -> dict:
    head = figure.head_revision
    return {"id": figure.pk, "series": figure.series.name, "unit": figure.unit.code,
            "project": figure.subject.code if figure.subject_kind == "project" and figure.subject else None,
            "period": figure.period,
            "value": number(figure.value), "growth": number(figure.growth),
            "approved_revision": figure.approved_revision_id, "head_revision": figure.head_revision_id,
            "head_status": head.status if head else None, "not_published": figure.not_published,
            "not_published_note": figure.not_published_note}


def _revision_out(revision: FigureRevision, item: int | None) -> dict:
    return {"item": item, "revision": revision.pk, "figure": revision.figure_id, "number": revision.number,
            "status": revision.status, "value": number(revision.value), "growth": number(revision.growth)}


def _entry(index: int, item: FigureIn) -> Entry:
    return Entry(row=index, series=item.series, unit=item.unit, subject_kind="project" if item.project else "",
                 subject=item.project, period=item.period,
                 value=item.value, growth=item.growth, unit_of_measure=item.unit_of_measure, source=item.source,
                 note=item.note, reason=item.reason, based_on=item.based_on, client_key=item.client_key)


@router.post("/figures", response={201: SubmissionOut, 200: SubmissionOut, 409: ErrorOut, 422: ErrorOut})
def submit_figures(request, body: SubmissionIn):
    """Submit figures: every item passes or none is written; items whose client_key was already
    used by this user are not written again (their first revision is returned as replayed)."""
    items = list(enumerate(body.items, start=1))
    keys = {i.client_key for _, i in items if i.client_key}
    done = ({r.client_key: r for r in FigureRevision.objects.filter(submitted_by=request.user, client_key__in=keys)}
            if keys else {})  # no query for a submission without keys
    fresh = [(n, item) for n, item in items if item.client_key not in done]
    replayed = [_revision_out(done[i.client_key], n) for n, i in items if i.client_key in done]
    try:
        outcome = submit(request.user, [_entry(n, i) for n, i in fresh], channel="api")
    except FiguresRejected as rejected:
        return _rejection(rejected)
    written = [_revision_out(revision, change.entry.row)
               for revision, change in zip(outcome.written, outcome.validation.to_write, strict=True)]
    unchanged = [c.entry.row for c in outcome.validation.changes if c.action == "unchanged"]
    return Status(201 if written else 200, {"written": written, "replayed": replayed, "unchanged": unchanged})


def _rejection(rejected: FiguresRejected):
    validation = rejected.validation
    if validation.errors:
        return Status(422, {"error": "数据未通过检查,未写入任何数据",
                            "detail": [{"item": e.row, "field": e.column, "value": e.value, "reason": e.reason}
                                       for e in validation.errors]})
    return Status(409, {"error": "数据已被他人修改,未写入任何数据",
                        "detail": [c.as_dict() for c in validation.conflicts]})


@router.post("/figures/not-published", response={200: FigureOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def not_published(request, body: NotPublishedIn):
    """标记未公布 (value false: take the mark back) for a unit's figure of a series and period."""
    series = series_named(body.series)
    unit = Unit.objects.filter(code=body.unit).first()
    if series is None or unit is None:
        field, value = ("series", body.series) if series is None else ("unit", body.unit)
        return Status(404, {"error": "未找到", "detail": [{"field": field, "value": value, "reason": "不存在"}]})
    if not request.user.edits_plans:
        return Status(403, {"error": "只有分析员可以标记未公布", "detail": []})
    try:
        figure = mark_not_published(series, unit, body.period, request.user, body.note, value=body.value)
    except MarkError as exc:
        return Status(422, {"error": "未能标记", "detail": [{"field": "period", "value": body.period,
                                                           "reason": str(exc)}]})
    return _figure_out(Figure.objects.select_related("series", "unit", "head_revision").get(pk=figure.pk))


@router.post("/revisions/{revision_id}/approve", response={200: RevisionOut, 403: ErrorOut, 409: ErrorOut})
def approve_revision(request, revision_id: Id):
    revision = get_object_or_404(FigureRevision.objects.restrict(request.user), pk=revision_id)
    try:
        return _revision_out(approve(revision, request.user), None)
    except ReviewError as exc:
        return _review_refused(request, exc)


@router.post("/revisions/{revision_id}/return", response={200: RevisionOut, 403: ErrorOut, 409: ErrorOut})
def return_figure(request, revision_id: Id, body: ReturnIn):
    revision = get_object_or_404(FigureRevision.objects.restrict(request.user), pk=revision_id)
    try:
        return _revision_out(return_revision(revision, request.user, body.reason), None)
    except ReviewError as exc:
        return _review_refused(request, exc)


def _review_refused(request, exc: ReviewError) -> Status:
    """403 for someone who may not review; 409 for a submission already reviewed or older than another
    (then both versions, with their values, are the detail)."""
    detail = exc.detail() if isinstance(exc, StaleRevision) else []
    return Status(409 if request.user.edits_plans else 403, {"error": str(exc), "detail": detail})


@router.get("/status", response={200: list[VerdictOut], 422: ErrorOut})
def status(request, plan: Id | None = None, period: str | None = None):
    """Every target's verdict (reporters: their own unit's assignments) — the same rows as `luoshi status`."""
    try:
        at = parse(period) if period else None
    except PeriodError as exc:
        return Status(422, {"error": "期间无效", "detail": [{"field": "period", "value": period, "reason": str(exc)}]})
    targets = Target.objects.restrict(request.user).active()
    if plan:
        targets = targets.filter(plan_id=plan)
    if request.user.jurisdiction.several:
        return target_rows(targets, at)
    return assignment_rows(Assignment.objects.restrict(request.user).filter(target__in=targets), at)
