"""企业库 through the API: list (search), one, add, edit, archive; the register's own domain functions."""

from typing import Annotated

from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from pydantic import Field

from luoshi.api.projects import attempt
from luoshi.api.schemas import ErrorOut, Id, text
from luoshi.core.errors import FieldErrors
from luoshi.enterprises import register
from luoshi.enterprises.filters import filtered
from luoshi.enterprises.models import Enterprise
from luoshi.units.models import Unit

router = Router(tags=["企业库"])


class EnterpriseOut(Schema):
    id: int
    name: str
    credit_code: str
    scale: str
    scale_label: str
    register_unit: str
    unit: str | None
    unit_name: str
    outside: bool
    location: str
    archived: bool


def enterprise_out(e: Enterprise) -> dict:
    return {"id": e.pk, "name": e.name, "credit_code": e.credit_code, "scale": e.scale,
            "scale_label": e.get_scale_display(), "register_unit": e.register_unit.code,
            "unit": e.unit.code if e.unit_id else None, "unit_name": e.unit.name if e.unit_id else "",
            "outside": e.outside, "location": e.location, "archived": e.archived}


@router.get("/enterprises", response=list[EnterpriseOut])
def list_enterprises(request, q: text(Enterprise, "name") = "", scale: str = "", where: str = "",
                     archived: bool = False, limit: Annotated[int, Field(ge=1, le=1000)] = 200,
                     offset: Annotated[int, Field(ge=0, le=10**9)] = 0):
    """The register within the caller's jurisdiction, the page's own filters (q, scale, where=local|outside)."""
    params = {"q": q, "scale": scale, "where": where, "archived": "on" if archived else ""}
    rows, _ = filtered(register.visible(request.user), params)
    return [enterprise_out(e) for e in rows[offset:offset + limit]]


@router.get("/enterprises/{enterprise_id}", response=EnterpriseOut)
def get_enterprise(request, enterprise_id: Id):
    return enterprise_out(get_object_or_404(register.visible(request.user), pk=enterprise_id))


class EnterpriseIn(Schema):
    name: text(Enterprise, "name")
    credit_code: Annotated[str, Field(max_length=40)] = ""
    scale: text(Enterprise, "scale") = Enterprise.Scale.OTHER
    register_unit: text(Unit, "code") | None = None
    unit: text(Unit, "code") | None = None
    outside: bool = False
    location: text(Enterprise, "location") = ""


def unit_by_code(field: str, code: str | None) -> Unit | None:
    """The unit with CODE (None for no code); FieldErrors naming FIELD when there is none."""
    if not code:
        return None
    unit = Unit.objects.filter(code=code).first()
    if unit is None:
        raise FieldErrors([{"field": field, "message": f"没有代码为“{code}”的单位"}])
    return unit


def _values(request, body: EnterpriseIn) -> dict:
    values = body.dict()
    values["register_unit"] = unit_by_code("register_unit", body.register_unit) or request.user.unit
    values["unit"] = unit_by_code("unit", body.unit)
    if body.scale not in Enterprise.Scale.values:
        raise FieldErrors([{"field": "scale", "message": f"企业规模应为 {'、'.join(Enterprise.Scale.values)}"}])
    return values


@router.post("/enterprises", response={201: EnterpriseOut, 403: ErrorOut, 409: ErrorOut, 422: ErrorOut})
def post_enterprise(request, body: EnterpriseIn):
    return attempt(lambda: enterprise_out(register.create_enterprise(request.user, **_values(request, body))), ok=201)


@router.put("/enterprises/{enterprise_id}", response={200: EnterpriseOut, 403: ErrorOut, 409: ErrorOut,
                                                      422: ErrorOut})
def put_enterprise(request, enterprise_id: Id, body: EnterpriseIn):
    enterprise = get_object_or_404(register.visible(request.user), pk=enterprise_id)
    return attempt(lambda: enterprise_out(register.update_enterprise(request.user, enterprise,
                                                                     **_values(request, body))))


class EnterpriseArchiveIn(Schema):
    archived: bool = True


@router.post("/enterprises/{enterprise_id}/archive", response={200: EnterpriseOut, 403: ErrorOut})
def post_enterprise_archive(request, enterprise_id: Id, body: EnterpriseArchiveIn):
    """归档 (archived: true) or restore (false); an enterprise is never deleted."""
    enterprise = get_object_or_404(register.visible(request.user), pk=enterprise_id)
    return attempt(lambda: enterprise_out(register.archive_enterprise(request.user, enterprise, body.archived)))
