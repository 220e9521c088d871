"""模拟督办事项: simulated tasks in every status (some overdue), labelled 模拟; part of the simulated scenario."""

import datetime as dt

from django.core.files.base import ContentFile
from django.utils import timezone

from luoshi.tasks import workflow
from luoshi.tasks.models import Task, TimeLimitClass


def simulate_tasks(units, leader=None, today: dt.date | None = None) -> list[Task]:
    """One simulated task per unit, stepping each a little further through the workflow."""
    today = today or timezone.localdate()
    week = TimeLimitClass.objects.filter(code="week").first()
    walks = ([], ["receive"], ["receive", "start"], ["receive", "start", "request"],
             ["receive", "start", "request", "approve"], ["receive", "start", "request", "return"])
    tasks = []
    for number, unit in enumerate(units, start=1):
        deadline = today + dt.timedelta(days=(-5, 2, 20, -1, 30, 10)[(number - 1) % 6])
        task = workflow.issue(leader, title=f"模拟督办事项{number:02d}", lead_unit=unit, deadline=deadline,
                              time_limit=week if number % 2 else None, simulated=True,
                              milestones=[("模拟节点", deadline - dt.timedelta(days=3))],
                              today=today - dt.timedelta(days=30))
        for action in walks[(number - 1) % len(walks)]:
            if action == "request":
                workflow.add_evidence(task, ContentFile("模拟佐证材料".encode(), name="模拟佐证.txt"), None, "模拟")
            note = "模拟退回:材料不全" if action == "return" else "模拟"
            task = workflow.take(task, action, None if workflow.STEPS[action].by_lead else leader, note)
        tasks.append(task)
    return tasks
