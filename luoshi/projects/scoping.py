"""数据权限 for rows that concern several units (a project's owner and the department it is routed to)."""

from django.db.models import Q

from luoshi.accounts.scoping import VIEW, restrict


def concerns(user) -> bool:
    """A reporter: sees only the rows that concern their own unit."""
    return bool(user is not None and user.is_authenticated and user.is_active
                and not user.sees_all_units and user.role == user.Role.REPORTER)


class UnitsScopedQuerySetMixin:
    """`.restrict(user, action)` where a row concerns every unit named by one of `unit_fields`."""

    unit_fields: tuple[str, ...] = ()

    def restrict(self, user, action: str = VIEW):
        if not concerns(user):
            return restrict(self, user, action)
        mine = Q()
        for field in self.unit_fields:
            mine |= Q(**{field: user.unit_id})
        return self.filter(mine).distinct()
