"""催报与督办提醒 of key projects: a project's completed investment not reported, an obstacle (堵点) waiting for
the department's answer. Registered into `luoshi.tasks.reminders` from the app's ready(), so tasks knows no
project."""

import datetime as dt

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.figures.models import Figure, Series
from luoshi.lib.judgement import words
from luoshi.notices.delivery import FIGURE_REPORTERS, Notice
from luoshi.projects.models import Obstacle, Project
from luoshi.projects.progress import series_name
from luoshi.tasks.reminders import figure_words, period_collected
from luoshi.tasks.timers import warn_days

PROJECT = gettext_noop("项目“%(project)s”")
OBSTACLE = gettext_noop("项目“%(project)s”的%(category)s问题待答复,%(when)s")
OVERDUE = gettext_noop("逾期 %(days)s 天")
DUE = gettext_noop("%(month)s月%(day)s日到期")


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
    return [Notice(p.owner_id, f"figure:{series.pk}:project:{p.pk}:{period.code}", sentence,
                   reverse("projects:detail", args=[p.pk]), roles=FIGURE_REPORTERS, args=args)
            for p in projects if p.pk not in reported
            for sentence, args in [figure_words(series, words.msg(PROJECT, project=p.name), period, today)]]


def obstacles_due(today: dt.date) -> list[Notice]:
    """堵点 routed to a department and due within the warning days, or overdue, for that department."""
    found = []
    soon = today + dt.timedelta(days=warn_days())
    for obstacle in Obstacle.objects.filter(status=Obstacle.Status.ROUTED, due__lte=soon).select_related("project"):
        overdue = today > obstacle.due
        when = (words.msg(OVERDUE, days=str((today - obstacle.due).days)) if overdue
                else words.msg(DUE, month=f"{obstacle.due:%m}", day=f"{obstacle.due:%d}"))
        found.append(Notice(obstacle.department_id, f"obstacle:{obstacle.pk}:{'overdue' if overdue else 'soon'}",
                            OBSTACLE, reverse("projects:obstacle", args=[obstacle.pk]),
                            args={"project": obstacle.project.name, "when": when,
                                  "category": words.msg(str(obstacle.get_category_display()))}))
    return found
