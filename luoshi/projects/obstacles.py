"""堵点/问题: raised by the project's owner, routed to a department with a time limit, answered by that
department, and open until the owner confirms it solved. Every step is an `ObstacleStep` row."""

import datetime as dt

from django.db import transaction

from luoshi.accounts.scoping import in_reach
from luoshi.core import limits
from luoshi.projects import notices
from luoshi.projects.models import Obstacle, ObstacleStep, Project
from luoshi.projects.stages import InvalidProject, NotAllowed, ProjectError, may_edit

Status = Obstacle.Status
DEFAULT_DAYS = 10
ROUTE_DAYS = (1, 365)  # a time limit of one day to one year


def _is_owner(user, obstacle: Obstacle) -> bool:
    return user is not None and user.role == user.Role.REPORTER and user.unit_id == obstacle.project.owner_id


def _step(obstacle: Obstacle, action: str, user, note: str = "") -> ObstacleStep:
    return ObstacleStep.log(user, obstacle=obstacle, action=action, note=note)


@transaction.atomic
def _move(obstacle: Obstacle, expected: tuple[str, ...], status: str, action: str, user, note: str = "",
          **fields) -> Obstacle:
    if obstacle.status not in expected:
        raise ProjectError(f"该问题当前为“{obstacle.get_status_display()}”,不能{action}")
    obstacle.status = status
    for name, value in fields.items():
        setattr(obstacle, name, value)
    obstacle.save()
    _step(obstacle, action, user, note)
    return obstacle


@transaction.atomic
def raise_obstacle(project: Project, category: str, description: str, user) -> Obstacle:
    """提出: the project's owner (or an analyst for them) names what blocks the project."""
    if not may_edit(user, project):
        raise NotAllowed("只有项目属地单位可以提出该项目的问题")
    if not description.strip():
        raise ProjectError("请写明问题")
    obstacle = Obstacle.objects.create(project=project, category=category, description=description.strip(),
                                       created_by=user)
    _step(obstacle, "提出", user, description.strip())
    return obstacle


def route(obstacle: Obstacle, department, user, days: int = DEFAULT_DAYS, today: dt.date | None = None,
          note: str = "") -> Obstacle:
    """转办: an analyst sends it to the responsible department with a time limit of DAYS."""
    if user is not None and not user.edits_plans:
        raise NotAllowed("只有分析员(督查室)可以转办问题")
    if user is not None and not in_reach(user, department):
        raise NotAllowed(f"{department.name}不在您的辖区内,不能转办")
    reason = limits.integer_problem(days, *ROUTE_DAYS)
    if reason:
        raise InvalidProject([{"field": "days", "message": f"办理时限(天){reason}"}])
    due = (today or dt.date.today()) + dt.timedelta(days=days)
    obstacle = _move(obstacle, (Status.RAISED, Status.ROUTED), Status.ROUTED, "转办", user,
                     note or f"转{department.name}办理,时限 {days} 天(至 {due:%Y-%m-%d})", department=department,
                     due=due)
    notices.routed(obstacle)
    return obstacle


def answer(obstacle: Obstacle, text: str, user) -> Obstacle:
    """答复: the department says what it did."""
    own = user is not None and user.unit_id == obstacle.department_id
    if user is not None and not (own or user.edits_plans):
        raise NotAllowed("只有责任部门可以答复该问题")
    if not text.strip():
        raise ProjectError("请写明答复内容")
    obstacle = _move(obstacle, (Status.ROUTED,), Status.ANSWERED, "答复", user, text.strip(), answer=text.strip())
    notices.answered(obstacle)
    return obstacle


def confirm(obstacle: Obstacle, user, note: str = "") -> Obstacle:
    """确认解决: only the project's owner closes it."""
    if user is not None and not _is_owner(user, obstacle):
        raise NotAllowed("只有项目属地单位可以确认问题已解决")
    return _move(obstacle, (Status.ANSWERED,), Status.SOLVED, "确认解决", user, note)


def reopen(obstacle: Obstacle, user, note: str) -> Obstacle:
    """未解决: the owner sends the answer back to the department; the time limit stands."""
    if user is not None and not _is_owner(user, obstacle):
        raise NotAllowed("只有项目属地单位可以退回答复")
    if not note.strip():
        raise ProjectError("请写明仍未解决的原因")
    return _move(obstacle, (Status.ANSWERED,), Status.ROUTED, "未解决退回", user, note.strip())


def overdue(obstacle: Obstacle, today: dt.date) -> bool:
    return obstacle.status == Status.ROUTED and obstacle.due is not None and today > obstacle.due
