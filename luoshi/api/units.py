"""Units through the API: the jurisdiction's list, add a zone or department, rename, archive, import divisions.

The same domain functions as the units page (luoshi.units.editing, luoshi.units.importing). A unit outside
the caller's jurisdiction is 404; one they may see but not change is 403.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status

from luoshi.accounts.scoping import units_for
from luoshi.api.schemas import ErrorOut, UnitOut
from luoshi.units import editing
from luoshi.units.importing import ImportReport, UnknownDivision, import_divisions
from luoshi.units.models import Unit

router = Router(tags=["单位"])


class UnitIn(Schema):
    parent: str
    kind: str
    name: str
    short_name: str = ""
    code: str = ""


class RenameIn(Schema):
    name: str
    short_name: str = ""


class ImportIn(Schema):
    code: str
    dry_run: bool = False


class UpdatedOut(Schema):
    code: str
    fields: list[str]


class ImportReportOut(Schema):
    code: str
    dry_run: bool
    created: list[str]
    updated: list[UpdatedOut]
    archived: list[str]
    unchanged: int
    summary: str


def unit_record(unit: Unit) -> dict:
    return {"id": unit.pk, "code": unit.code, "name": unit.name, "short_name": unit.short_name,
            "kind": unit.kind, "parent": unit.parent.code if unit.parent_id else None, "archived": unit.archived}


def report_record(report: ImportReport) -> dict:
    return {"code": report.code, "dry_run": report.dry_run, "created": [u.code for u in report.created],
            "updated": [{"code": u.code, "fields": f} for u, f in report.updated],
            "archived": [u.code for u in report.archived], "unchanged": report.unchanged,
            "summary": report.summary()}


def refusal(exc: Exception):
    """A domain refusal in the API's error shape: 403 not allowed, 422 not valid (each field named)."""
    if isinstance(exc, PermissionDenied):
        return Status(403, {"error": str(exc) or "无权访问", "detail": []})
    if isinstance(exc, UnknownDivision):
        return Status(422, {"error": str(exc), "detail": [{"field": "code", "message": str(exc)}]})
    detail = [{"field": field, "message": " ".join(messages)}
              for field, messages in getattr(exc, "message_dict", {"": exc.messages}).items()]
    return Status(422, {"error": "单位信息无效", "detail": detail})


def attempt(action, ok: int = 200):
    try:
        return Status(ok, action())
    except (PermissionDenied, ValidationError, UnknownDivision) as exc:
        return refusal(exc)


def visible(request, code: str) -> Unit:
    return get_object_or_404(units_for(request.user).select_related("parent"), code=code)


@router.get("/units", response=list[UnitOut])
def list_units(request, archived: bool = False):
    """The units of the caller's jurisdiction (辖区); archived ones too with archived=true."""
    units = units_for(request.user).select_related("parent")
    return [unit_record(u) for u in (units if archived else units.filter(archived=False))]


@router.post("/units", response={201: UnitOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def create_unit(request, payload: UnitIn):
    """Add a functional zone (kind=zone) or department (kind=department) below PARENT."""
    parent = visible(request, payload.parent)
    return attempt(lambda: unit_record(editing.add_unit(
        parent, kind=payload.kind, name=payload.name, short_name=payload.short_name, code=payload.code,
        user=request.user)), ok=201)


@router.patch("/units/{code}", response={200: UnitOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def rename_unit(request, code: str, payload: RenameIn):
    unit = visible(request, code)
    return attempt(lambda: unit_record(editing.rename_unit(
        unit, name=payload.name, short_name=payload.short_name, user=request.user)))


@router.post("/units/{code}/archive", response={200: UnitOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def archive_unit(request, code: str):
    """归档 (never delete); refused while active units or accounts hang on it."""
    unit = visible(request, code)
    return attempt(lambda: unit_record(editing.archive_unit(unit, user=request.user)))


@router.post("/units/{code}/unarchive", response={200: UnitOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def unarchive_unit(request, code: str):
    unit = visible(request, code)
    return attempt(lambda: unit_record(editing.unarchive_unit(unit, user=request.user)))


@router.post("/units-import", response={200: ImportReportOut, 403: ErrorOut, 422: ErrorOut})
def import_units(request, payload: ImportIn):
    """Import the division CODE with everything below it (admins: any; analysts: within their jurisdiction)."""
    return attempt(lambda: report_record(import_divisions(payload.code, request.user, payload.dry_run)))
