"""堵点's notices: the department hears an obstacle was routed to it, the project's owner that it was answered."""

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.projects.models import Obstacle


def _notice(obstacle: Obstacle, unit_id: int, sentence: str) -> Notice:
    step = obstacle.steps.order_by("-pk").first()
    args = {"project": obstacle.project.name, "category": str(obstacle.get_category_display()),
            "due": f"{obstacle.due:%Y-%m-%d}" if obstacle.due else "", "department": obstacle.department.display_name}
    return Notice(unit_id, f"obstacle:{obstacle.pk}:step:{step.pk}", sentence,
                  reverse("projects:obstacle", args=[obstacle.pk]), DOERS, args=args)


def routed(obstacle: Obstacle) -> None:
    """转办: the responsible department is asked to answer by the due day."""
    notify(_notice(obstacle, obstacle.department_id,
                   gettext_noop("项目“%(project)s”的%(category)s问题转您办理,请于 %(due)s 前答复")))


def answered(obstacle: Obstacle) -> None:
    """答复: the project's owner reads the answer and confirms the obstacle solved (or sends it back)."""
    notify(_notice(obstacle, obstacle.project.owner_id,
                   gettext_noop("项目“%(project)s”的%(category)s问题已由%(department)s答复,请确认")))
