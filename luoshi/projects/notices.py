"""堵点's notices: the department hears an obstacle was routed to it, the project's owner that it was answered."""

from django.urls import reverse

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.projects.models import Obstacle


def _notice(obstacle: Obstacle, unit_id: int, words: str) -> Notice:
    step = obstacle.steps.order_by("-pk").first()
    return Notice(unit_id, f"obstacle:{obstacle.pk}:step:{step.pk}", words,
                  reverse("projects:obstacle", args=[obstacle.pk]), DOERS)


def routed(obstacle: Obstacle) -> None:
    """转办: the responsible department is asked to answer by the due day."""
    notify(_notice(obstacle, obstacle.department_id, f"项目“{obstacle.project.name}”的"
                   f"{obstacle.get_category_display()}问题转您办理,请于{obstacle.due:%m月%d日}前答复"))


def answered(obstacle: Obstacle) -> None:
    """答复: the project's owner reads the answer and confirms the obstacle solved (or sends it back)."""
    notify(_notice(obstacle, obstacle.project.owner_id, f"项目“{obstacle.project.name}”的"
                   f"{obstacle.get_category_display()}问题已由{obstacle.department.display_name}答复,请确认"))
