"""Querysets scoped to the user (数据权限): own unit for reporters, everything for the rest.

Every page and API endpoint reads through `restrict`, so one rule decides what a person sees.
"""

VIEW, CHANGE = "view", "change"


def restrict(queryset, user, action: str = VIEW, *, unit_field: str | None = None,
             published_field: str | None = None):
    """QUERYSET narrowed to what USER may do (ACTION is "view" or "change").

    unit_field: lookup to the owning unit (e.g. "unit"); a reporter sees and changes only rows of
    their own unit. published_field: lookup to a plan status; reporters see only published plans.
    Objects with neither are readable by every signed-in user and changeable by plan editors.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if action == CHANGE and user.edits_plans:
        return queryset
    if action == VIEW and user.sees_all_units:
        return queryset
    if user.role != user.Role.REPORTER:
        return queryset.none()
    if unit_field:
        return queryset.filter(**{unit_field: user.unit_id})
    if action == CHANGE:
        return queryset.none()
    if published_field:
        return queryset.filter(**{published_field: "published"})
    return queryset


def units_for(user, action: str = VIEW):
    """The units USER may see (VIEW) or act for (CHANGE): 辖区, the one answer every page asks.

    Admins: every unit. Analysts: their unit and everything below it, to see and to change.
    Leaders: the same to see, nothing to change. Reporters: their own unit only.
    """
    from luoshi.units.models import Unit

    units = Unit.objects.all()
    if user is None or not user.is_authenticated or not user.is_active:
        return units.none()
    if user.is_superuser or user.role == user.Role.ADMIN:
        return units
    if user.unit_id is None:
        return units.none()
    if user.role == user.Role.REPORTER:
        return units.filter(pk=user.unit_id)
    if action == CHANGE and user.role != user.Role.ANALYST:
        return units.none()
    return units.within(user.unit)


class RestrictedQuerySetMixin:
    """Gives a queryset `.restrict(user, action)` using the model's scoping declaration."""

    unit_field: str | None = None
    published_field: str | None = None

    def restrict(self, user, action: str = VIEW):
        return restrict(self, user, action, unit_field=self.unit_field,
                        published_field=self.published_field)
