"""看板的督办面板: lights per unit, the overdue tasks first (the viewer's own escalations on top)."""

import datetime as dt

from django.utils import timezone

from luoshi.lib.status import ATTENTION
from luoshi.tasks.models import Task
from luoshi.tasks.timers import by_class, by_unit, ordered_for

SHOWN = 8  # rows of each table; the rest are behind 更多 (the task list shows them all)


def panel_context(user, today: dt.date | None = None) -> dict:
    """What the dashboard's tasks panel shows to USER (scoped like every page)."""
    today = today or timezone.localdate()
    tasks = list(Task.objects.restrict(user).select_related("lead_unit", "time_limit", "assigned_by")
                 .prefetch_related("milestones"))
    rows = [r for r in ordered_for(user, tasks, today) if r[1].colour in ATTENTION
            and r[0].status != Task.Status.DONE]
    units = by_unit(tasks, today)
    return {"total": len(tasks), "open": sum(t.status != Task.Status.DONE for t in tasks),
            "attention": rows[:SHOWN], "more_tasks": max(len(rows) - SHOWN, 0),
            "units": units[:SHOWN], "more_units": max(len(units) - SHOWN, 0), "classes": by_class(tasks, today)}
