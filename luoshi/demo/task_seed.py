"""The demo's supervision tasks: the measures the seed plan names, issued to their lead units, and the
time-limit classes (一周办结 …). No deadline or milestone is invented.

Here in the demo, not in tasks: it reads the work file the key projects are seeded from too (projects.seed),
and tasks sits below projects."""

from pathlib import Path

from luoshi.plans.models import Plan
from luoshi.projects.seed import WORK_FILE, load_units, read_work, span_of
from luoshi.tasks import workflow
from luoshi.tasks.models import Task, TimeLimitClass
from luoshi.units.models import Unit


def load_time_limits(data: dict) -> None:
    for entry in data.get("time_limits", []):
        TimeLimitClass.objects.update_or_create(code=entry["code"], defaults={
            "name": entry["name"], "days": entry["days"], "order": entry.get("order", 0)})


def load_tasks(plan: Plan, issuer=None, path: Path = WORK_FILE) -> list[Task]:
    """The measures of PLAN as tasks issued by ISSUER (a leader), each linked to its words; once only."""
    data = read_work(path)
    load_units(data)
    load_time_limits(data)
    tasks = []
    for entry in data["tasks"]:
        existing = Task.objects.filter(title=entry["title"], plan=plan, simulated=False).first()
        if existing:
            tasks.append(existing)
            continue
        span = span_of(plan, entry["quote"])
        tasks.append(workflow.issue(
            issuer, title=entry["title"], lead_unit=Unit.objects.get(code=entry["lead"]),
            co_units=list(Unit.objects.filter(code__in=entry.get("co", []))),
            time_limit=TimeLimitClass.objects.filter(code=entry.get("time_limit", "")).first(),
            plan=plan if span else None, span=span))
    return tasks
