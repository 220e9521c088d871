"""Reading one's notices: marking them read, and choosing whether they also come by email."""

from luoshi.notices.models import Notification, Preference

SHOWN = 200  # the newest notices a list shows


def listed(user, unread_only: bool = False):
    """USER's newest notices (only theirs), the unread ones only with UNREAD_ONLY: the inbox and the API's list."""
    notes = Notification.objects.of(user)
    return (notes.unread() if unread_only else notes)[:SHOWN]


def mark_read(user, ids: list[int] | None, now) -> int:
    """Mark USER's unread notices IDS (all of them when None) read at NOW; how many were marked."""
    notes = Notification.objects.of(user).unread()
    return (notes if ids is None else notes.filter(pk__in=ids)).update(read_at=now)


def email_chosen(user) -> bool:
    """Whether USER wants notices by email (yes until they say no)."""
    return not Preference.objects.filter(user=user, email=False).exists()


def choose_email(user, wanted: bool) -> Preference:
    preference = Preference.objects.filter(user=user).first() or Preference(user=user, created_by=user)
    preference.email = wanted
    preference.save()
    return preference
