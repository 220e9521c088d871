"""Delivering notices: to whom, into the inbox once per key and day, and by email when wanted.

A notice is for a unit's active people of the right roles (`accounts.people.active_in`), or for one
person who must still reach its unit (`accounts.scoping`). The inbox row is written in the caller's
transaction, so it is there when the request that caused it answers; the email goes after the commit,
and a mail server that fails is logged, never the request's failure. A notice nobody can receive is
said (logged here, on stderr by `luoshi remind`), never silently dropped.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from luoshi.accounts.models import User
from luoshi.accounts.people import active_in
from luoshi.accounts.scoping import in_reach
from luoshi.lib.judgement.words import msg, render
from luoshi.notices.models import Notification
from luoshi.notices.reading import email_chosen
from luoshi.units.models import Unit

log = logging.getLogger("luoshi.notices")

#: Whom a unit's notice is for: reporters for what they must do, those who enter figures for a figure
#: to report, analysts for what they review, leaders for a target turning red; () is everyone.
DOERS = (User.Role.REPORTER,)
FIGURE_REPORTERS = (User.Role.REPORTER, User.Role.ANALYST)
REVIEWERS = (User.Role.ANALYST,)
LEADERS = (User.Role.LEADER,)
EVERYONE = ()


@dataclass(frozen=True)
class Notice:
    """One thing to hear about: a stable KEY (the event's identity; one notice per person, key and day),
    words, the page it is about, and whom: UNIT_ID's active people of ROLES, or only the person USER_ID.

    With ARGS, TITLE is a sentence marked for translation (gettext_noop) with %(name)s places, each value a
    string or words (`lib.judgement.words`: a message, a period): stored filled in Chinese, shown in each
    reader's language."""

    unit_id: int | None
    key: str
    title: str
    link: str = ""
    roles: tuple[str, ...] = EVERYONE
    user_id: int | None = None
    args: dict | None = None

    @property
    def text(self) -> str:
        return render(msg(self.title, **self.args)) if self.args is not None else self.title


@dataclass(frozen=True)
class Delivery:
    """One notice for one person (what `luoshi remind --dry-run` lists and a real run stores)."""

    user: User
    notice: Notice


def addressed(notices: Iterable[Notice]) -> list[tuple[Notice, list[User]]]:
    """Each notice with the people it goes to (none: nobody can receive it)."""
    notices = list(notices)
    people = defaultdict(list)
    for user in active_in({n.unit_id for n in notices if n.user_id is None}):
        people[user.unit_id].append(user)
    persons = User.objects.filter(is_active=True).select_related("unit").in_bulk(
        {n.user_id for n in notices if n.user_id is not None})
    units = Unit.objects.in_bulk({n.unit_id for n in notices if n.user_id is not None and n.unit_id})
    return [(n, _to(n, people, persons, units)) for n in notices]


def _to(notice: Notice, people: dict, persons: dict, units: dict) -> list[User]:
    if notice.user_id is None:
        return [u for u in people.get(notice.unit_id, []) if not notice.roles or u.role in notice.roles]
    person = persons.get(notice.user_id)
    if person is None or (notice.unit_id and not in_reach(person, units.get(notice.unit_id))):
        return []
    return [person]


def unaddressed(addressed_notices: list[tuple[Notice, list[User]]]) -> list[Notice]:
    return [notice for notice, users in addressed_notices if not users]


def pending(addressed_notices: list[tuple[Notice, list[User]]], day) -> list[Delivery]:
    """Every (person, notice) not yet in that person's inbox on DAY."""
    keys = {notice.key for notice, _users in addressed_notices}
    sent = set(Notification.objects.filter(day=day, key__in=keys).values_list("recipient_id", "key"))
    return [Delivery(user, notice) for notice, users in addressed_notices for user in users
            if (user.pk, notice.key) not in sent]


def _store(delivery: Delivery, day) -> Notification | None:
    notice = delivery.notice
    try:
        with transaction.atomic():
            return Notification.objects.create(
                recipient=delivery.user, unit_id=notice.unit_id, key=notice.key, day=day, title=notice.text[:200],
                link=notice.link[:300], words=None if notice.args is None else {"title": notice.title,
                                                                                "args": notice.args})
    except IntegrityError:  # stored meanwhile (another run or request)
        return None


def deliver(deliveries: list[Delivery], day) -> dict[User, list[Notification]]:
    """Store DELIVERIES in the inboxes (once per person, key and day); the new notices by person."""
    stored = defaultdict(list)
    for delivery in deliveries:
        note = _store(delivery, day)
        if note is not None:
            stored[delivery.user].append(note)
    return stored


def wants_email(user: User) -> bool:
    """The installation sends email (LUOSHI_EMAIL_NOTICES), the person has an address and has not said no."""
    return bool(settings.LUOSHI_EMAIL_NOTICES and user.email) and email_chosen(user)


def _mail_body(user: User, notes: list[Notification]) -> str:
    site = settings.LUOSHI_SITE_URL.rstrip("/")
    lines = [f"· {n.title}" + (f"\n  {site}{n.link}" if site and n.link else "") for n in notes]
    return f"{user},您好:\n\n" + "\n".join(lines) + "\n\n请登录落实系统办理。"


def email(user: User, notes: list[Notification]) -> bool:
    """NOTES to USER in one mail, when wanted; marked emailed. A failing mail server is logged, not raised."""
    if not notes or not wants_email(user):
        return False
    subject = f"落实 Luoshi:{notes[0].title}" if len(notes) == 1 else f"落实 Luoshi 提醒:{len(notes)} 项待办"
    try:
        send_mail(subject[:200], _mail_body(user, notes), settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:  # noqa: BLE001 — any failure of the mail server; the notice is in the inbox regardless
        log.exception("通知邮件发送失败:%s <%s>", user.username, user.email)
        return False
    Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed=True)
    return True


def said(notice: Notice) -> None:
    unit = Unit.objects.filter(pk=notice.unit_id).first()
    log.warning("无人接收:%s(%s没有可接收该通知的在用账户,请用 luoshi users add 添加)", notice.text,
                unit.display_name if unit else "")


def notify(*notices: Notice, day=None) -> list[Notification]:
    """Tell each notice's people of an event now: into their inbox within the caller's transaction, by email
    (one mail per notice) once it commits. Returns the notices stored."""
    day = day or timezone.localdate()
    found = addressed(notices)
    for notice in unaddressed(found):
        said(notice)
    stored = deliver(pending(found, day), day)
    for user, notes in stored.items():
        for note in notes:
            transaction.on_commit(partial(email, user, [note]))
    return [n for notes in stored.values() for n in notes]
