"""项目进度: a project's completed investment against its own plan for the year and against 时序进度.

The judgement engine does the judging, with the same status rules as targets: the year's planned
investment is the target, and the plan's month-by-month profile stands where a target uses last
year's seasonal profile (passed as `last_year`), so the expected share at any month is the share the
plan put there. The verdict's words then say 按投资计划进度 instead of 按去年同期进度.
"""

import datetime as dt
from dataclasses import dataclass, replace

from django.conf import settings
from django.utils.translation import gettext_noop

from luoshi.figures.models import Figure, Series
from luoshi.figures.status import default_at, series_at, tolerances
from luoshi.lib.judgement import Observation, Status, TargetSpec, Verdict, judge
from luoshi.lib.judgement.readings import SEASONAL
from luoshi.lib.judgement.words import render, replaced
from luoshi.lib.periods import Period, elapsed_fraction, parse, periods_in
from luoshi.projects.models import Project
from luoshi.projects.planning import cumulative, monthly_plan, planned_total

BY_PLAN = gettext_noop("按投资计划进度推算")
NO_PLAN = "未录入年度投资计划"


@dataclass(frozen=True)
class ProjectProgress:
    """One project's standing in a year: plan, completed (YTD), the verdict and 时序进度."""

    project: Project
    year: int
    at: Period
    planned: float | None
    planned_by_now: float | None
    completed: float | None
    completed_period: Period | None
    elapsed: float
    verdict: Verdict

    @property
    def behind(self) -> bool:
        """滞后: flagged yellow or red by the same rules as targets."""
        return self.verdict.status in (Status.YELLOW, Status.RED)


def series_name() -> str:
    """The series projects report their completed investment in (LUOSHI_PROJECT_SERIES)."""
    return getattr(settings, "LUOSHI_PROJECT_SERIES", "重点项目完成投资")


def investment_series() -> Series | None:
    return Series.objects.filter(name=series_name()).first()


def completed_figures(projects, year: int) -> dict[int, list[Observation]]:
    """Approved YTD completed-investment figures of PROJECTS in YEAR, in one query: {project id: […]}."""
    found: dict[int, list[Observation]] = {}
    rows = Figure.objects.of("project", projects).filter(
        series__name=series_name(), approved_revision__isnull=False,
        period_end__year=year).values_list("subject_id", "period", "value")
    for project_id, code, value in rows:
        if value is not None:
            found.setdefault(project_id, []).append(Observation(parse(code), float(value)))
    return found


def plan_profile(plan: dict, year: int) -> list[Observation]:
    """The plan's cumulative profile, dated one year back, in the shape of last year's figures."""
    last = year - 1
    points = [Observation(p, float(cumulative(plan, Period.month(year, p.end_month))))
              for p in periods_in(last, "monthly")]
    return points + [Observation(Period.year(last), float(planned_total(plan)))]


def _spec(year: int, total) -> TargetSpec:
    return TargetSpec(kind="level", value=float(total), period=Period.year(year), unit="亿元",
                      accumulation="flow", bound="min")


def _by_plan(verdict: Verdict) -> Verdict:
    """The engine's seasonal words become the plan's: the profile it used is the investment plan."""
    words = replaced(verdict.words, SEASONAL, BY_PLAN)
    return replace(verdict, reason=render(words), words=words,
                   forecast_basis=verdict.forecast_basis.replace(SEASONAL, BY_PLAN))


def judge_project(project: Project, observations: list[Observation], at: Period, today: dt.date,
                  due_day: int | None) -> ProjectProgress:
    year = at.end_year
    plan = monthly_plan(project, year)
    total = planned_total(plan)
    latest = max(observations, key=lambda o: o.period.sort_key, default=None)
    if not plan or total <= 0:
        verdict = Verdict(Status.GREY, NO_PLAN)
    else:
        own = series_at(at, "monthly")
        verdict = _by_plan(judge(_spec(year, total), own or at, observations, plan_profile(plan, year),
                                 tolerances(), today=today, due_day=due_day if own else None))
    return ProjectProgress(
        project=project, year=year, at=at, planned=float(total) if plan else None,
        planned_by_now=float(cumulative(plan, at)) if plan and not at.is_multi_year else None,
        completed=latest.value if latest else None, completed_period=latest.period if latest else None,
        elapsed=elapsed_fraction(Period.year(year), at), verdict=verdict)


def judge_projects(projects, year: int | None = None, at: Period | None = None,
                   today: dt.date | None = None) -> list[ProjectProgress]:
    """Every project's progress in YEAR (default: its own plan year, else the current one) at AT (default:
    the latest month due, or the year's end once it is over)."""
    today = today or dt.date.today()
    projects = list(projects.prefetch_related("planned").select_related("owner", "department")
                    if hasattr(projects, "prefetch_related") else projects)
    series = investment_series()
    due_day = series.due_day if series else None
    years = {p.pk: year or (at.end_year if at else p.year or today.year) for p in projects}
    observed = {y: completed_figures([p.pk for p in projects if years[p.pk] == y], y) for y in set(years.values())}
    rows = []
    for p in projects:
        when = at or default_at(years[p.pk], today)
        mine = [o for o in observed[years[p.pk]].get(p.pk, []) if o.period.end_date <= when.end_date]
        rows.append(judge_project(p, mine, when, today, due_day))
    return rows
