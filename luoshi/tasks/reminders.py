"""催报与督办提醒: what each unit should hear about today — figures due or late, tasks due soon or overdue,
obstacles (堵点) waiting for the department's answer.

Each reminder reaches the unit's users in their inbox (站内提醒) and by email, at most once per item per
day: a `Notification` row per (recipient, item key, day) is the record, and its unique constraint makes a
second run on the same day send nothing new.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from luoshi.accounts.models import User
from luoshi.figures.lateness import owed
from luoshi.figures.models import Figure, Series
from luoshi.lib.periods import due_date, is_late, latest_period
from luoshi.plans.models import Assignment, Target
from luoshi.projects.models import Obstacle, Project
from luoshi.projects.progress import series_name
from luoshi.tasks.models import Notification, Task
from luoshi.tasks.timers import light, warn_days


@dataclass(frozen=True)
class Reminder:
    """One item one unit should hear about: a stable key (the once-a-day identity), words and a link."""

    unit_id: int
    key: str
    title: str
    link: str = ""
    reporting: bool = False  # a figure to report: for those who enter figures (reporters, analysts)
    user_id: int | None = None  # for this person only (督办升级: the leader who assigned an overdue task)


def _period(series: Series, today: dt.date):
    """The latest period of SERIES that has ended by TODAY (the one being collected now)."""
    return latest_period(series.frequency if series.frequency != "multi_year" else "annual", today)


def _figure_words(series: Series, subject: str, period, today: dt.date) -> str:
    due = due_date(period, series.due_day)
    if is_late(period, series.due_day, today, reported=False):
        return f"{subject}{period.label_zh_full}“{series.name}”逾期未报({due:%m月%d日}截止)"
    return f"{subject}{period.label_zh_full}“{series.name}”待报送,{due:%m月%d日}截止"


def _tasked(today: dt.date) -> list:
    """The published targets of this year and last with a series, and their assignments."""
    targets = Target.objects.filter(archived=False, plan__archived=False, plan__status="published",
                                    series__isnull=False, plan__year__gte=today.year - 1).select_related(
        "plan", "series", "owner", "region_unit")
    assignments = Assignment.objects.filter(target__in=targets).select_related(
        "unit", "target__plan", "target__series", "target__owner", "target__region_unit")
    return [*targets, *assignments]


def figures_due(today: dt.date) -> list[Reminder]:
    """Each figure a unit owes (`figures.lateness`: its reporting duty, for the period being judged now) that
    is not reported yet: 待报送 before its due day, 逾期未报 after. Never a figure nobody publishes (未公布)."""
    found = []
    for item in owed(_tasked(today), today=today, late_only=False):
        whose = "" if item.subject.pk == item.unit.pk else f"{item.subject.name}"
        found.append(Reminder(item.unit.pk, f"figure:{item.series.pk}:{item.subject.pk}:{item.period.code}",
                              _figure_words(item.series, whose, item.period, today), reverse("tasks:inbox"),
                              reporting=True))
    return sorted(found, key=lambda r: (r.unit_id, r.key)) + projects_due(today)


def projects_due(today: dt.date) -> list[Reminder]:
    """Each key project with a plan this year whose latest month's completed investment is not reported."""
    series = Series.objects.filter(name=series_name()).first()
    if series is None:
        return []
    period = _period(series, today)
    projects = Project.objects.active().filter(planned__year=period.end_year).distinct()
    reported = set(Figure.objects.filter(series=series, project__in=projects, period_start=period.start_date,
                                         period_end=period.end_date, head_revision__isnull=False)
                   .values_list("project_id", flat=True))
    return [Reminder(p.owner_id, f"figure:{series.pk}:project:{p.pk}:{period.code}",
                     _figure_words(series, f"项目“{p.name}”", period, today),
                     reverse("projects:detail", args=[p.pk]), reporting=True)
            for p in projects if p.pk not in reported]


def tasks_due(today: dt.date) -> list[Reminder]:
    """Open tasks due soon (yellow) or overdue (red), for the lead unit and every co-unit; an overdue one
    also escalates to the leader who assigned it (督办升级)."""
    found = []
    for task in Task.objects.open().select_related("time_limit", "lead_unit").prefetch_related("co_units",
                                                                                               "milestones"):
        state = light(task, today)
        if state.colour not in ("yellow", "red"):
            continue
        word, link = ("overdue" if state.overdue else "soon"), reverse("tasks:detail", args=[task.pk])
        for unit_id in (task.lead_unit_id, *(u.pk for u in task.co_units.all())):
            found.append(Reminder(unit_id, f"task:{task.pk}:{word}", f"督办事项“{task.title}”{state.label}", link))
        if state.overdue and task.assigned_by_id:
            found.append(Reminder(task.lead_unit_id, f"task:{task.pk}:escalated",
                                  f"您交办的“{task.title}”({task.lead_unit.display_name}牵头){state.label}", link,
                                  user_id=task.assigned_by_id))
    return found


def obstacles_due(today: dt.date) -> list[Reminder]:
    """堵点 routed to a department and due within the warning days, or overdue, for that department."""
    found = []
    soon = today + dt.timedelta(days=warn_days())
    for obstacle in Obstacle.objects.filter(status=Obstacle.Status.ROUTED, due__lte=soon).select_related("project"):
        overdue = today > obstacle.due
        words = f"逾期 {(today - obstacle.due).days} 天" if overdue else f"{obstacle.due:%m月%d日}到期"
        found.append(Reminder(obstacle.department_id, f"obstacle:{obstacle.pk}:{'overdue' if overdue else 'soon'}",
                              f"项目“{obstacle.project.name}”的{obstacle.get_category_display()}问题待答复,{words}",
                              reverse("projects:obstacle", args=[obstacle.pk])))
    return found


def reminders(today: dt.date) -> list[Reminder]:
    return figures_due(today) + tasks_due(today) + obstacles_due(today)


REPORTING_ROLES = (User.Role.REPORTER, User.Role.ANALYST)


def recipients(unit_ids) -> dict[int, list[User]]:
    """The active users of each unit."""
    found = defaultdict(list)
    for user in User.objects.filter(unit_id__in=set(unit_ids), is_active=True).order_by("username"):
        found[user.unit_id].append(user)
    return found


@dataclass(frozen=True)
class Delivery:
    """One reminder for one person (what `--dry-run` lists and a real run sends)."""

    user: User
    reminder: Reminder


def _to(item: Reminder, people: dict[int, list[User]], persons: dict[int, User]) -> list[User]:
    if item.user_id is not None:
        return [persons[item.user_id]] if item.user_id in persons else []
    return [u for u in people.get(item.unit_id, []) if not item.reporting or u.role in REPORTING_ROLES]


def addressed(today: dt.date) -> list[tuple[Reminder, list[User]]]:
    """Today's reminders, each with the people it goes to (none: its unit has nobody to tell)."""
    items = reminders(today)
    people = recipients(r.unit_id for r in items if r.user_id is None)
    persons = User.objects.filter(is_active=True).in_bulk({r.user_id for r in items if r.user_id is not None})
    return [(item, _to(item, people, persons)) for item in items]


def unaddressed(today: dt.date) -> list[Reminder]:
    """Reminders nobody can receive: their unit has no active account that reports. Said, never dropped."""
    return [item for item, users in addressed(today) if not users]


def pending(today: dt.date) -> list[Delivery]:
    """Every (person, reminder) not yet sent today."""
    sent = set(Notification.objects.filter(day=today).values_list("recipient_id", "key"))
    return [Delivery(user, item) for item, users in addressed(today) for user in users
            if (user.pk, item.key) not in sent]


def _store(delivery: Delivery, today: dt.date) -> Notification | None:
    item = delivery.reminder
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=delivery.user, unit_id=item.unit_id, key=item.key,
                                               day=today, title=item.title, link=item.link)
    except IntegrityError:  # another run sent it first
        return None


def _email(user: User, notes: list[Notification]) -> bool:
    if not user.email or not notes:
        return False
    body = "\n".join(f"· {n.title}" for n in notes)
    send_mail(f"落实 Luoshi 提醒:{len(notes)} 项待办", f"{user},您好:\n\n{body}\n\n请登录落实系统办理。",
              settings.DEFAULT_FROM_EMAIL, [user.email], fail_silently=False)
    return True


def send(today: dt.date | None = None) -> list[Notification]:
    """Send today's reminders not yet sent: into each inbox, and one email per person."""
    today = today or dt.date.today()
    stored: dict[int, list[Notification]] = defaultdict(list)
    users = {}
    for delivery in pending(today):
        note = _store(delivery, today)
        if note is not None:
            stored[delivery.user.pk].append(note)
            users[delivery.user.pk] = delivery.user
    for user_id, notes in stored.items():
        if _email(users[user_id], notes):
            Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed=True)
    return [n for notes in stored.values() for n in notes]
