"""未读通知数 for the navigation: one count query, run only when a page shows it."""

from luoshi.notices.models import Notification


def unread(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"unread_notices": 0}
    return {"unread_notices": lambda: Notification.objects.of(user).unread().count()}
