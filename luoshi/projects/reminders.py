"""催报与督办提醒 of key projects: a project's completed investment not reported, an obstacle (堵点) waiting for
the department's answer. Registered into `luoshi.tasks.reminders` from the app's ready(), so tasks knows no
project."""

import datetime as dt

from django.urls import reverse

from luoshi.figures.models import Figure, Series
from luoshi.notices.delivery import FIGURE_REPORTERS, Notice
from luoshi.projects.models import Obstacle, Project
from luoshi.projects.progress import series_name
from luoshi.tasks.reminders import figure_words, period_collected
from luoshi.tasks.timers import warn_days


def projects_due(today: dt.date) -> list[Notice]:
    """Each key project with a plan this year whose latest month's completed investment is not reported."""
    series = Series.objects.filter(name=series_name()).first()
    if series is None:
        return []
    period = period_collected(series, today)
    projects = Project.objects.active().filter(planned__year=period.end_year).distinct()
    reported = set(Figure.objects.of("project", projects).filter(
        series=series, period_start=period.start_date, period_end=period.end_date, head_revision__isnull=False)
                   .values_list("subject_id", flat=True))
    return [Notice(p.owner_id, f"figure:{series.pk}:project:{p.pk}:{period.code}",
                   figure_words(series, f"项目“{p.name}”", period, today),
                   reverse("projects:detail", args=[p.pk]), roles=FIGURE_REPORTERS)
            for p in projects if p.pk not in reported]


def obstacles_due(today: dt.date) -> list[Notice]:
    """堵点 routed to a department and due within the warning days, or overdue, for that department."""
    found = []
    soon = today + dt.timedelta(days=warn_days())
    for obstacle in Obstacle.objects.filter(status=Obstacle.Status.ROUTED, due__lte=soon).select_related("project"):
        overdue = today > obstacle.due
        words = f"逾期 {(today - obstacle.due).days} 天" if overdue else f"{obstacle.due:%m月%d日}到期"
        found.append(Notice(obstacle.department_id, f"obstacle:{obstacle.pk}:{'overdue' if overdue else 'soon'}",
                            f"项目“{obstacle.project.name}”的{obstacle.get_category_display()}问题待答复,{words}",
                            reverse("projects:obstacle", args=[obstacle.pk])))
    return found
