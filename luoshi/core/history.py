"""变更记录 in the app: the change log within a reader's jurisdiction, filtered; one object's history.

Analysts, leaders (to read) and admins read it; a change is in their jurisdiction when the object's unit
at the time (ObjectChange.unit) is, or when the object belongs to no unit (the series catalogue, time-limit
classes, batches). One filter definition serves the page and the API.
"""

import datetime as dt
from dataclasses import dataclass
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from luoshi.accounts.scoping import VIEW, reach, signed_in
from luoshi.core.errors import FieldErrors
from luoshi.core.models import ChangeLoggedModel, ObjectChange
from luoshi.core.signals import has_unit


def may_read(user) -> bool:
    """Whether USER may open the change log: admins, analysts and leaders."""
    return signed_in(user) and (user.is_superuser or user.role in (
        user.Role.ADMIN, user.Role.ANALYST, user.Role.LEADER))


@cache
def _shared_models() -> tuple:
    return tuple(m for m in apps.get_models() if issubclass(m, ChangeLoggedModel) and not has_unit(m))


def visible_to(user):
    """The changes USER may read."""
    if not may_read(user):
        return ObjectChange.objects.none()
    scope = reach(user, VIEW)
    if scope.everything:
        return ObjectChange.objects.all()
    shared = [ct.pk for ct in ContentType.objects.get_for_models(*_shared_models()).values()]
    return ObjectChange.objects.filter(scope.q("unit") | Q(unit__isnull=True, changed_object_type__in=shared))


def object_types() -> list[tuple[str, str]]:
    """The change-logged models a reader may filter by: ("plans.target", "目标"), …"""
    return sorted((m._meta.label_lower, str(m._meta.verbose_name)) for m in apps.get_models()
                  if issubclass(m, ChangeLoggedModel))


@dataclass(frozen=True)
class ChangeFilter:
    """What the reader asked for; empty fields ask for everything."""

    object_type: str = ""
    object_id: int | None = None
    user: str = ""
    action: str = ""
    since: dt.date | None = None
    until: dt.date | None = None

    @classmethod
    def parse(cls, params) -> "ChangeFilter":
        """From query parameters (object_type, object_id, user, action, since, until); FieldErrors names each
        value that cannot be used."""
        errors, values = [], {}
        get = lambda name: (params.get(name) or "").replace("\x00", "").strip()  # noqa: E731  (NUL: no database holds it)
        if (kind := get("object_type")) and kind not in dict(object_types()):
            errors.append({"field": "object_type", "message": f"没有这种对象类型:{kind[:50]}"})
        if (pk := get("object_id")) and not (pk.isdigit() and 0 < int(pk) < 2**63):
            errors.append({"field": "object_id", "message": f"对象编号应为正整数:{pk[:50]}"})
        if (action := get("action")) and action not in ObjectChange.Action.values:
            errors.append({"field": "action", "message": f"操作应为 {'、'.join(ObjectChange.Action.values)}"})
        for name in ("since", "until"):
            try:
                values[name] = dt.date.fromisoformat(get(name)) if get(name) else None
            except ValueError:
                errors.append({"field": name, "message": f"日期应写成 2025-03-31:{get(name)[:50]}"})
        if errors:
            raise FieldErrors(errors)
        return cls(object_type=kind, object_id=int(pk) if pk else None, user=get("user")[:150], action=action,
                   **values)

    def apply(self, changes):
        if self.object_type:
            app_label, model = self.object_type.split(".")
            changes = changes.filter(changed_object_type__app_label=app_label, changed_object_type__model=model)
        if self.object_id is not None:
            changes = changes.filter(changed_object_id=self.object_id)
        if self.user:
            changes = changes.filter(user_name=self.user)
        if self.action:
            changes = changes.filter(action=self.action)
        if self.since:
            changes = changes.filter(time__date__gte=self.since)
        if self.until:
            changes = changes.filter(time__date__lte=self.until)
        return changes


def changes_for(user, wanted: ChangeFilter):
    """The changes USER may read that WANTED asks for, newest first."""
    return wanted.apply(visible_to(user)).select_related("changed_object_type", "unit")


def history_query(obj) -> str:
    """The query string of OBJ's history on the change-log page."""
    return f"object_type={obj._meta.label_lower}&object_id={obj.pk}"
