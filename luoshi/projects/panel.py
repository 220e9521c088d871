"""看板的重点项目面板: projects by stage, those behind plan, and the obstacles still open."""

import datetime as dt
from collections import Counter

from luoshi.projects.models import Obstacle, Project
from luoshi.projects.progress import judge_projects


def panel_context(user, today: dt.date | None = None, at=None) -> dict:
    """What the dashboard's projects panel shows to USER (scoped like every page), judged at AT."""
    today = today or dt.date.today()
    projects = Project.objects.restrict(user).active()
    rows = judge_projects(projects, at=at, today=today)
    stages = Counter(r.project.stage for r in rows)
    open_obstacles = Obstacle.objects.restrict(user).exclude(status=Obstacle.Status.SOLVED)
    return {
        "total": len(rows),
        "stages": [(label, stages.get(code, 0)) for code, label in Project.Stage.choices],
        "unstaged": stages.get("", 0),
        "behind": sorted((r for r in rows if r.behind), key=lambda r: r.verdict.status.rank)[:6],
        "obstacles_open": open_obstacles.count(),
        "obstacles_overdue": open_obstacles.filter(status=Obstacle.Status.ROUTED, due__lt=today).count(),
    }
