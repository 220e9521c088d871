"""单位维护: analysts add functional zones (功能区) and departments (部门), rename, archive, unarchive.

Units are never deleted. Each function checks that USER may change the unit (None: the system, as on
the command line), refuses with a reason people can act on (ValidationError, keyed by field), and
saves through the model so the change log records it.
"""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core import limits
from luoshi.units.models import Unit

ADDABLE = (Unit.Kind.ZONE, Unit.Kind.DEPARTMENT)
CODE_SHAPE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]*$")
CODE_PREFIX = {Unit.Kind.ZONE: "zone", Unit.Kind.DEPARTMENT: "dept"}


def _too_long(values: dict) -> dict:
    """{field: message} for each value longer than its column (names within their length)."""
    return {d["field"]: d["message"] for d in limits.check(Unit, values)}


def check_may_change(user, unit: Unit) -> None:
    """Units are kept by analysts and admins (never reporters or leaders), within their jurisdiction."""
    if user is not None and not (user.edits_plans and units_for(user, CHANGE).filter(pk=unit.pk).exists()):
        raise PermissionDenied(_("单位“%(name)s”不在您可维护的范围内") % {"name": unit.name})


def suggest_code(parent: Unit, kind: str) -> str:
    """The next free internal code below PARENT, e.g. 410100.dept3 (people may type their own)."""
    prefix, number = f"{parent.code}.{CODE_PREFIX.get(kind, 'unit')}", 1
    while Unit.objects.filter(code=f"{prefix}{number}").exists():
        number += 1
    return f"{prefix}{number}"


def add_unit(parent: Unit, *, kind: str, name: str, short_name: str = "", code: str = "", user=None) -> Unit:
    """A functional zone or department below PARENT; CODE is suggested when left empty."""
    check_may_change(user, parent)
    name, short_name, code = name.strip(), short_name.strip(), code.strip() or suggest_code(parent, kind)
    errors = _too_long({"name": name, "short_name": short_name, "code": code})
    if kind not in ADDABLE:
        errors["kind"] = _("只能在此添加功能区或部门;行政区划请用“导入行政区划”")
    if parent.archived:
        errors["parent"] = _("上级单位“%(name)s”已归档,不能在其下添加单位") % {"name": parent.name}
    if not name:
        errors["name"] = _("请填写名称")
    if not CODE_SHAPE.match(code):
        errors["code"] = _("代码“%(code)s”只能含字母、数字、点、横线和下划线") % {"code": code}
    elif "code" not in errors and (taken := Unit.objects.filter(code__iexact=code).first()) is not None:
        # ignoring case: a subtree's prefix match on SQLite ignores it (see `Unit.Meta.constraints`)
        errors["code"] = _("代码“%(code)s”已被单位“%(name)s”使用(代码“%(taken)s”)") % {
            "code": code, "name": taken.name, "taken": taken.code}
    if errors:
        raise ValidationError(errors)
    return Unit.objects.create(parent=parent, kind=kind, name=name, short_name=short_name, code=code,
                               is_public=parent.is_public, created_by=user)


def rename_unit(unit: Unit, *, name: str, short_name: str = "", user=None) -> Unit:
    check_may_change(user, unit)
    errors = _too_long({"name": name.strip(), "short_name": short_name.strip()})
    if not name.strip():
        errors["name"] = _("请填写名称")
    if errors:
        raise ValidationError(errors)
    unit.name, unit.short_name = name.strip(), short_name.strip()
    unit.save()
    return unit


def archive_refusals(unit: Unit) -> list[str]:
    """Why UNIT cannot be archived now (empty: it can)."""
    reasons = []
    children = unit.children.filter(archived=False)
    if children:
        reasons.append(_("下有 %(count)s 个未归档的下级单位:%(names)s") % {
            "count": len(children), "names": "、".join(c.name for c in children[:5])})
    users = unit.users.filter(is_active=True)
    if users:
        reasons.append(_("有 %(count)s 个在用账号:%(names)s") % {
            "count": len(users), "names": "、".join(u.username for u in users[:5])})
    return reasons


@transaction.atomic
def archive_unit(unit: Unit, user=None) -> Unit:
    """归档: refused while active units or accounts hang on it (archive or move those first)."""
    check_may_change(user, unit)
    reasons = archive_refusals(unit)
    if reasons:
        raise ValidationError(_("不能归档“%(name)s”:%(reasons)s") % {"name": unit.name, "reasons": ";".join(reasons)})
    unit.archived = True
    unit.save()
    return unit


def unarchive_unit(unit: Unit, user=None) -> Unit:
    check_may_change(user, unit)
    if unit.parent_id and unit.parent.archived:
        raise ValidationError(_("上级单位“%(name)s”已归档,请先恢复上级单位") % {"name": unit.parent.name})
    unit.archived = False
    unit.save()
    return unit
