"""The demo's key projects: the ones the seed plan names, with their owners and the words that name them.

No investment, stage or date is invented: those stay empty until a user enters them.
"""

import json
from pathlib import Path

from luoshi.plans.models import Plan
from luoshi.projects.models import Project
from luoshi.units.models import Unit

WORK_FILE = Path(__file__).resolve().parents[1] / "demo" / "data" / "zhengzhou-2023-work.json"


def read_work(path: Path = WORK_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def span_of(plan: Plan, quote: str) -> tuple[int, int] | None:
    """Where QUOTE stands in the plan text, when it stands there exactly once."""
    if plan is None or plan.text.count(quote) != 1:
        return None
    start = plan.text.index(quote)
    return start, start + len(quote)


def load_units(data: dict) -> None:
    """The departments the work needs beyond the demo's unit list."""
    for entry in data.get("units", []):
        Unit.objects.update_or_create(code=entry["code"], defaults={
            "name": entry["name"], "short_name": entry.get("short_name", ""), "kind": entry["kind"],
            "parent": Unit.objects.get(code=entry["parent"]), "order": entry.get("order", 0)})


def load_projects(plan: Plan, path: Path = WORK_FILE) -> list[Project]:
    """The named projects of PLAN (created or updated by code), linked to their sentence and targets."""
    data = read_work(path)
    load_units(data)
    projects = []
    for entry in data["projects"]:
        span = span_of(plan, entry["quote"])
        project, _created = Project.objects.update_or_create(code=entry["code"], defaults={
            "name": entry["name"], "owner": Unit.objects.get(code=entry["owner"]),
            "department": Unit.objects.filter(code=entry.get("department", "")).first(),
            "industry": entry.get("industry", ""), "front": plan.fronts.filter(order=entry.get("front", 0)).first(),
            "plan": plan if span else None, "span_start": span[0] if span else None,
            "span_end": span[1] if span else None})
        project.targets.set(plan.targets.filter(indicator__in=entry.get("targets", []), kind="level"))
        projects.append(project)
    return projects
