"""数据权限 (辖区): each user sees their unit and what lies below it; one rule for every page.

`reach(user, action)` is the rule: admins reach every unit; analysts their unit and every unit below
it, to see and to change; leaders the same to see and nothing to change; reporters their own unit
only. `units_for`, `restrict` and `in_reach` all read it, so every page, API operation, export,
briefing and CLI command that acts as a user draws the same line.
"""

from dataclasses import dataclass
from functools import cached_property, reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db import connection
from django.db.models import Q

if TYPE_CHECKING:
    from luoshi.units.models import Unit

VIEW, CHANGE = "view", "change"


@dataclass(frozen=True)
class Reach:
    """The units one user may see or act for: every unit, none, one unit, or a unit and all below it."""

    everything: bool = False
    root: "Unit | None" = None
    subtree: bool = False

    def q(self, field: str = "") -> Q:
        """The condition "the unit at lookup FIELD is within reach" ("" is the unit itself)."""
        if self.everything:
            return Q()
        if self.root is None:
            return Q(pk__in=[])
        if self.subtree:
            return Q(**{f"{field}__path__startswith" if field else "path__startswith": self.root.path})
        return Q(**{field or "pk": self.root.pk})

    def where(self, alias: str) -> tuple[str, list]:
        """The condition of `q()` on the unit table under ALIAS, as SQL and its parameters (a prepared read's)."""
        if self.everything:
            return "1 = 1", []
        if self.root is None:
            return "1 = 0", []
        if self.subtree:
            return (f"{alias}.path {connection.operators['startswith']}",
                    [connection.ops.prep_for_like_query(self.root.path) + "%"])
        return f"{alias}.id = %s", [self.root.pk]

    def contains(self, unit) -> bool:
        if self.everything:
            return True
        if self.root is None or unit is None:
            return False
        return self.root.contains(unit) if self.subtree else unit.pk == self.root.pk

    @cached_property
    def several(self) -> bool:
        """Whether the reach holds more than one unit (so the person may pick one)."""
        from luoshi.units.tree import has_units_below

        if self.everything:
            return True
        return self.subtree and has_units_below(self.root)


EVERYTHING, NOTHING = Reach(everything=True), Reach()


def signed_in(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def reach(user, action: str = VIEW) -> Reach:
    """辖区: the units USER may see (VIEW) or act for (CHANGE)."""
    if not signed_in(user):
        return NOTHING
    if user.is_superuser or user.role == user.Role.ADMIN:
        return EVERYTHING
    if user.unit_id is None:
        return NOTHING
    if user.role == user.Role.REPORTER:
        return Reach(root=user.unit)
    if action == CHANGE and user.role != user.Role.ANALYST:
        return NOTHING
    return Reach(root=user.unit, subtree=True)


def units_for(user, action: str = VIEW):
    """The units USER may see or act for, as a queryset (the same rule as `restrict`)."""
    from luoshi.units.models import Unit

    return Unit.objects.filter(reach(user, action).q())


def in_reach(user, unit, action: str = VIEW) -> bool:
    """Whether USER may see (or act for) UNIT."""
    return reach(user, action).contains(unit)


def codes_above(user) -> list[str]:
    """The codes of USER's unit and the units above it (a reporter names its city's firms and chains)."""
    return [code for code in user.unit.path.split("/") if code] if user is not None and user.unit_id else []


def outside_reach(user, obj, fields: tuple[str, ...], action: str = CHANGE) -> list[dict]:
    """A field error for each unit field of OBJ the user may not ACTION, naming the unit by its code.

    The code is what the user gave; the name of a unit outside the jurisdiction is not shown.
    """
    units = ((name, getattr(obj, name)) for name in fields)
    return [{"field": name, "message": f"“{unit.code}”不在您的辖区内"}
            for name, unit in units if unit is not None and user is not None and not in_reach(user, unit, action)]


def restrict(queryset, user, action: str = VIEW, *, unit_field: str | tuple[str, ...] = (),
             plan_field: str | None = None, published_field: str | None = None):
    """QUERYSET narrowed to what USER may do (ACTION is "view" or "change").

    unit_field: lookup (or lookups) to the unit(s) a row concerns; the row is in scope when one of
    them is within the user's reach. plan_field: lookup to the issuing unit of the row's plan;
    analysts and leaders see plans issued within their reach, reporters the plans issued by their
    unit or a unit above it (the plans that concern them). published_field: lookup to a plan status;
    reporters see only published plans. Rows with no unit (the series catalogue) are readable by
    every signed-in user and changeable by plan editors.
    """
    scope = reach(user, action)
    if scope.everything:
        return queryset
    if not signed_in(user):
        return queryset.none()
    fields = (unit_field,) if isinstance(unit_field, str) else tuple(unit_field)
    reporter = user.role == user.Role.REPORTER
    if not fields and not plan_field:
        return queryset if action == VIEW or user.edits_plans else queryset.none()
    if fields:
        queryset = _concerning(queryset, scope, fields)
    if plan_field:
        if reporter and action == CHANGE and not fields:
            return queryset.none()
        queryset = queryset.filter(_issued_for(user, scope, plan_field))
    if published_field and reporter:
        queryset = queryset.filter(**{published_field: "published"})
    return queryset


def _concerning(queryset, scope: Reach, fields: tuple[str, ...]):
    if len(fields) == 1:
        return queryset.filter(scope.q(fields[0]))
    rows = queryset.model._default_manager.filter(reduce(or_, (scope.q(f) for f in fields)))
    return queryset.filter(pk__in=rows.values("pk"))


def _issued_for(user, scope: Reach, plan_field: str) -> Q:
    """Plans whose issuer (at PLAN_FIELD) concern USER: within reach, or above a reporter's unit."""
    if user.role == user.Role.REPORTER and user.unit_id is not None:
        return Q(**{f"{plan_field}__code__in": [code for code in user.unit.path.split("/") if code]})
    return scope.q(plan_field)


class RestrictedQuerySetMixin:
    """Gives a queryset `.restrict(user, action)` using the model's scoping declaration."""

    unit_field: str | tuple[str, ...] = ()
    plan_field: str | None = None
    published_field: str | None = None

    def restrict(self, user, action: str = VIEW):
        return restrict(self, user, action, unit_field=self.unit_field, plan_field=self.plan_field,
                        published_field=self.published_field)
