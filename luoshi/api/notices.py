"""One's own notices through the API: list (all or unread), mark one or all read."""

import datetime as dt

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema

from luoshi.api.schemas import ErrorOut, Id
from luoshi.notices import reading
from luoshi.notices.models import Notification

router = Router(tags=["站内通知"])


class NotificationOut(Schema):
    id: int
    day: dt.date
    title: str
    link: str
    read: bool
    emailed: bool


class NotificationsReadOut(Schema):
    marked: int


def notification_out(n: Notification) -> dict:
    return {"id": n.pk, "day": n.day, "title": n.title, "link": n.link, "read": n.read_at is not None,
            "emailed": n.emailed}


@router.get("/notifications", response=list[NotificationOut])
def list_notifications(request, unread: bool = False):
    """The newest notices of the signed-in person (only theirs), unread ones only with UNREAD."""
    return [notification_out(n) for n in reading.listed(request.user, unread)]


@router.post("/notifications/read", response={200: NotificationsReadOut, 404: ErrorOut})
def read_notifications(request):
    """Mark every unread notice of the signed-in person read."""
    return {"marked": reading.mark_read(request.user, None, timezone.now())}


@router.post("/notifications/{notification_id}/read", response={200: NotificationOut, 404: ErrorOut})
def read_notification(request, notification_id: Id):
    """Mark one of one's notices read (another person's is 404, as if it did not exist)."""
    note = get_object_or_404(Notification.objects.of(request.user), pk=notification_id)
    reading.mark_read(request.user, [note.pk], timezone.now())
    note.refresh_from_db()
    return notification_out(note)
