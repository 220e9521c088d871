"""未读通知数 for the navigation: one count query, run only when a page shows it."""

from functools import cache

from luoshi.core import prepared
from luoshi.notices.models import Notification


def unread(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notices": 0}
    return {"unread_notices": lambda: unread_count(user)}


def unread_count(user) -> int:
    """`Notification.objects.of(user).unread().count()` as a prepared read: every page shows it, and the ORM
    spends ten times the database's time compiling the count."""
    return prepared.fetch(_unread_sql(), [user.pk])[0][0]


@cache
def _unread_sql() -> str:
    meta = Notification._meta
    recipient, read_at = (prepared.quoted(meta.get_field(name).column) for name in ("recipient", "read_at"))
    return f"SELECT COUNT(*) FROM {prepared.quoted(meta.db_table)} WHERE {recipient} = %s AND {read_at} IS NULL"
