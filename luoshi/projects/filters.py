"""项目筛选: the one filter of the project list, read from a query string by the page and the API alike."""

from dataclasses import dataclass

from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.projects.models import Project
from luoshi.projects.progress import ProjectProgress, judge_projects


class FilterError(ValueError):
    """A query parameter that cannot be read; `detail` names it, its value and why."""

    def __init__(self, field: str, value: str, reason: str):
        super().__init__(f"{field}: {reason}")
        self.detail = [{"field": field, "value": value, "reason": reason}]


@dataclass(frozen=True)
class ProjectFilter:
    """stage 建设阶段, behind 只看滞后, period 研判期间 (None: each project's latest month due)."""

    stage: str = ""
    behind: bool = False
    period: Period | None = None


def _truthy(value) -> bool:
    return str(value or "").lower() in ("1", "true", "on", "yes")


def read_filter(params) -> ProjectFilter:
    stage = params.get("stage") or ""
    if stage and stage not in Project.Stage.values:
        raise FilterError("stage", stage, f"应为 {'、'.join(Project.Stage.values)} 之一")
    code = (params.get("period") or "").strip()
    try:
        period = parse(code) if code else None
    except PeriodError as exc:
        raise FilterError("period", code, str(exc)) from None
    return ProjectFilter(stage=stage, behind=_truthy(params.get("behind")), period=period)


def filtered(projects, chosen: ProjectFilter) -> list[ProjectProgress]:
    """PROJECTS (already scoped to the user) narrowed and judged as CHOSEN says."""
    if chosen.stage:
        projects = projects.filter(stage=chosen.stage)
    rows = judge_projects(projects, at=chosen.period)
    return [r for r in rows if r.behind] if chosen.behind else rows
