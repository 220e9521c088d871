"""企业库 domain functions: who may see and change an enterprise, add, edit, archive, look up.

Views, the API, the chain-map import and the CLI all change the register through these functions, so a
firm is checked the same way everywhere: its credit code (GB 32100-2015 check digit, unique when given),
its unit within the editor's jurisdiction, an outside firm without a unit.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q

from luoshi.accounts.scoping import CHANGE, VIEW, codes_above, outside_reach, signed_in
from luoshi.core.errors import FieldErrors
from luoshi.enterprises.credit_code import normalise
from luoshi.enterprises.models import Enterprise

FIELDS = ("name", "credit_code", "scale", "register_unit", "unit", "outside", "location")


def visible(user, action: str = VIEW):
    """The enterprises USER may see (or change): registered by or sitting in a unit within reach."""
    return Enterprise.objects.restrict(user, action).select_related("register_unit", "unit")


def pickable(user):
    """The firms USER may name as a project's investor or a lead's company: the register USER sees, and the firms
    registered by the units above USER's (a district picks among its city's firms); USER None: every firm."""
    if user is None:
        return Enterprise.objects.active()
    return Enterprise.objects.active().filter(Q(pk__in=visible(user)) | Q(register_unit__code__in=codes_above(user)))


def may_edit(user, enterprise: Enterprise | None = None) -> bool:
    """Analysts (and admins) change the register of their jurisdiction; leaders and reporters read."""
    if not signed_in(user) or not (user.is_superuser or user.role in (user.Role.ADMIN, user.Role.ANALYST)):
        return False
    return enterprise is None or visible(user, CHANGE).filter(pk=enterprise.pk).exists()


def _errors(error: ValidationError) -> list[dict]:
    return [{"field": name, "message": message} for name, messages in error.message_dict.items()
            for message in messages]


def _check(user, enterprise: Enterprise) -> None:
    """Refuse ENTERPRISE as it stands: its own rules, then the editor's jurisdiction over its units."""
    problems = []
    try:
        enterprise.full_clean(validate_constraints=False)
    except ValidationError as error:
        problems = _errors(error)
    code = enterprise.credit_code
    if code and Enterprise.objects.exclude(pk=enterprise.pk).filter(credit_code=code).exists():
        problems.append({"field": "credit_code", "message": "企业库中已有使用该统一社会信用代码的企业"})
    if enterprise.outside and enterprise.unit_id:
        problems.append({"field": "unit", "message": "市外企业不填所在单位"})
    if not enterprise.outside and enterprise.unit_id is None:
        problems.append({"field": "unit", "message": "本市企业须填写所在单位"})
    problems += outside_reach(user, enterprise, ("register_unit", "unit"))
    if problems:
        raise FieldErrors(problems)


def _apply(enterprise: Enterprise, values: dict) -> Enterprise:
    for name, value in values.items():
        if name not in FIELDS:
            raise FieldErrors([{"field": name, "message": "不能修改该字段"}])
        setattr(enterprise, name, normalise(value) if name == "credit_code" else value)
    if enterprise.outside:
        enterprise.unit = None
    return enterprise


@transaction.atomic
def create_enterprise(user, **values) -> Enterprise:
    """A new firm in the register; the register unit defaults to the creator's unit."""
    if user is not None and not may_edit(user):
        raise PermissionDenied("只有分析员可以维护企业库")
    values.setdefault("register_unit", getattr(user, "unit", None))
    enterprise = _apply(Enterprise(created_by=user if user is not None and user.pk else None), values)
    _check(user, enterprise)
    enterprise.save()
    return enterprise


@transaction.atomic
def update_enterprise(user, enterprise: Enterprise, **values) -> Enterprise:
    """ENTERPRISE with VALUES set (logged); refused outside the editor's jurisdiction."""
    if user is not None and not may_edit(user, enterprise):
        raise PermissionDenied("您不能修改这家企业")
    _check(user, _apply(enterprise, values))
    enterprise.save()
    return enterprise


def archive_enterprise(user, enterprise: Enterprise, archived: bool = True) -> Enterprise:
    """归档 (or restore): an enterprise is never deleted; archived firms leave lists and pickers."""
    if user is not None and not may_edit(user, enterprise):
        raise PermissionDenied("您不能修改这家企业")
    enterprise.archived = archived
    enterprise.save(update_fields=["archived", "modified"])
    return enterprise


def search(rows, words: str):
    """ROWS whose name or credit code contains WORDS."""
    words = (words or "").replace("\x00", "").strip()[:100]
    if not words:
        return rows
    return rows.filter(Q(name__icontains=words) | Q(credit_code__icontains=normalise(words) or words))
