"""催报与督办提醒: what each unit should hear about today — figures due or late, tasks due soon or overdue,
obstacles (堵点) waiting for the department's answer. The reminders of higher apps (a key project's
figure, an obstacle) are theirs, added with `register` from their AppConfig.ready.

Each reminder is a notice (`notices.delivery`) for the unit's people, in their inbox and by email, at most
once per item per day: a `Notification` row per (recipient, item key, day) is the record, and its unique
constraint makes a second run on the same day send nothing new.
"""

import datetime as dt
from collections.abc import Callable

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.figures.lateness import owed
from luoshi.figures.models import Series
from luoshi.lib.judgement import words
from luoshi.lib.periods import due_date, is_late, latest_period
from luoshi.lib.status import ATTENTION
from luoshi.notices import delivery
from luoshi.notices.delivery import FIGURE_REPORTERS, Delivery, Notice
from luoshi.notices.models import Notification
from luoshi.plans.models import Assignment, Target
from luoshi.tasks.models import Task
from luoshi.tasks.timers import light


def period_collected(series: Series, today: dt.date):
    """The latest period of SERIES that has ended by TODAY (the one being collected now)."""
    return latest_period(series.frequency if series.frequency != "multi_year" else "annual", today)


FIGURE_LATE = gettext_noop("%(subject)s%(period)s“%(series)s”逾期未报(%(month)s月%(day)s日截止)")
FIGURE_DUE = gettext_noop("%(subject)s%(period)s“%(series)s”待报送,%(month)s月%(day)s日截止")
TASK = gettext_noop("督办事项“%(task)s”%(state)s")
ESCALATED = gettext_noop("您交办的“%(task)s”(%(lead)s牵头)%(state)s")


def figure_words(series: Series, subject, period, today: dt.date) -> tuple[str, dict]:
    """The reminder of SERIES's figure of PERIOD owed for SUBJECT (a name, words, or "" for the unit's own):
    its sentence (待报送, or 逾期未报 past the due day) and values, for a `Notice`."""
    due = due_date(period, series.due_day)
    late = is_late(period, series.due_day, today, reported=False)
    return (FIGURE_LATE if late else FIGURE_DUE), {"subject": subject, "period": words.period(period, full=True),
                                                   "series": series.name, "month": f"{due:%m}", "day": f"{due:%d}"}


def _tasked(today: dt.date) -> list:
    """The published targets of this year and last with a series, and their assignments."""
    targets = Target.objects.filter(archived=False, plan__archived=False, plan__status="published",
                                    series__isnull=False, plan__year__gte=today.year - 1).select_related(
        "plan", "series", "owner", "region_unit")
    assignments = Assignment.objects.filter(target__in=targets).select_related(
        "unit", "target__plan", "target__series", "target__owner", "target__region_unit")
    return [*targets, *assignments]


def figures_due(today: dt.date) -> list[Notice]:
    """Each figure a unit owes (`figures.lateness`: its reporting duty, for the period being judged now) that
    is not reported yet: 待报送 before its due day, 逾期未报 after. Never a figure nobody publishes (未公布)."""
    found = []
    for item in owed(_tasked(today), today=today, late_only=False):
        whose = "" if item.subject.pk == item.unit.pk else f"{item.subject.name}"
        sentence, args = figure_words(item.series, whose, item.period, today)
        found.append(Notice(item.unit.pk, f"figure:{item.series.pk}:{item.subject.pk}:{item.period.code}",
                            sentence, reverse("figures:entry"), roles=FIGURE_REPORTERS, args=args))
    return sorted(found, key=lambda r: (r.unit_id, r.key))


def tasks_due(today: dt.date) -> list[Notice]:
    """Open tasks due soon (yellow) or overdue (red), for the lead unit and every co-unit; an overdue one
    also escalates to the leader who assigned it (督办升级)."""
    found = []
    for task in Task.objects.open().select_related("time_limit", "lead_unit").prefetch_related("co_units",
                                                                                               "milestones"):
        state = light(task, today)
        if state.colour not in ATTENTION:
            continue
        word, link = ("overdue" if state.overdue else "soon"), reverse("tasks:detail", args=[task.pk])
        args = {"task": task.title, "state": state.words, "lead": task.lead_unit.display_name}
        for unit_id in (task.lead_unit_id, *(u.pk for u in task.co_units.all())):
            found.append(Notice(unit_id, f"task:{task.pk}:{word}", TASK, link, args=args))
        if state.overdue and task.assigned_by_id:
            found.append(Notice(task.lead_unit_id, f"task:{task.pk}:escalated", ESCALATED, link,
                                user_id=task.assigned_by_id, args=args))
    return found


#: Where today's reminders come from, each `(today) → [Notice]` with its place in the list (ORDER). A higher
#: app adds its own from its AppConfig.ready (`register(projects_due, order=1)`: a key project's missing
#: figure, an obstacle awaiting its answer), so that tasks imports none of them.
_SOURCES: dict[Callable, int] = {}


def register(source: Callable, *, order: int) -> None:
    """Add SOURCE to today's reminders, at ORDER (registering it again moves it)."""
    _SOURCES[source] = order


register(figures_due, order=0)
register(tasks_due, order=2)


def reminders(today: dt.date) -> list[Notice]:
    return [notice for source in sorted(_SOURCES, key=_SOURCES.get) for notice in source(today)]


def addressed(today: dt.date) -> list[tuple[Notice, list]]:
    """Today's reminders, each with the people it goes to (none: its unit has nobody to tell)."""
    return delivery.addressed(reminders(today))


def unaddressed(today: dt.date) -> list[Notice]:
    """Reminders nobody can receive: their unit has no active account that reports. Said, never dropped."""
    return delivery.unaddressed(addressed(today))


def pending(today: dt.date) -> list[Delivery]:
    """Every (person, reminder) not yet sent today."""
    return delivery.pending(addressed(today), today)


def send(today: dt.date | None = None) -> list[Notification]:
    """Send today's reminders not yet sent: into each inbox, and one email per person with all of them."""
    today = today or dt.date.today()
    stored = delivery.deliver(pending(today), today)
    for user, notes in stored.items():
        delivery.email(user, notes)
    return [n for notes in stored.values() for n in notes]
