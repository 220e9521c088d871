"""建设阶段: a project moves 储备 → 签约 → 开工 → 在建 → 投产/竣工, each move dated and recorded."""

import datetime as dt

from django.db import transaction

from luoshi.core import limits, workflow
from luoshi.core.workflow import actor
from luoshi.projects.models import Batch, BatchMembership, Project, StageChange

Stage = Project.Stage
ORDER = {Stage.RESERVE: 0, Stage.SIGNED: 1, Stage.STARTED: 2, Stage.BUILDING: 3,
         Stage.OPERATING: 4, Stage.COMPLETED: 4}
BATCH_OF_STAGE = {Stage.SIGNED: Batch.Kind.SIGN, Stage.STARTED: Batch.Kind.START,
                  Stage.OPERATING: Batch.Kind.OPERATE}


class ProjectError(ValueError):
    """A change to a project that cannot happen; the message says why, in Chinese."""


class NotAllowed(ProjectError, workflow.NotAllowed):
    """The user may not make this change."""


class InvalidProject(ProjectError, limits.OutOfRange):
    """Values a project's columns cannot hold; `detail` names each field; nothing was written."""


def may_edit(user, project: Project) -> bool:
    """The project's owner unit (属地单位) and the analysts keep a project up to date."""
    if user is None:
        return True
    return user.edits_plans or (user.role == user.Role.REPORTER and user.unit_id == project.owner_id)


def may_import(user) -> bool:
    """导入项目清单: analysts for their jurisdiction, reporters for their own unit; leaders only read."""
    return user.edits_plans or user.role == user.Role.REPORTER


def require_edit(user, project: Project) -> None:
    if not may_edit(user, project):
        raise NotAllowed("只有项目属地单位或分析员可以修改该项目")


def next_stages(project: Project) -> list[str]:
    """The stages a project may move to from where it is now."""
    here = ORDER.get(project.stage, -1) if project.stage else -1
    return [s for s in Stage if ORDER[s] > here]


@transaction.atomic
def change_stage(project: Project, stage: str, date: dt.date, user, note: str = "") -> StageChange:
    """阶段变更: move PROJECT to STAGE on DATE; forward only, never before the last change's date."""
    require_edit(user, project)
    limits.require(StageChange, {"date": date, "note": note}, error=InvalidProject)
    project = Project.objects.select_for_update().get(pk=project.pk)
    if stage not in next_stages(project):
        raise ProjectError(f"不能从“{project.get_stage_display() or '未录入'}”变更为“{Stage(stage).label}”")
    if date > dt.date.today():
        raise ProjectError(f"变更日期 {date:%Y-%m-%d} 还没有到:阶段变更记的是已经发生的事")
    if project.stage_date and date < project.stage_date:
        raise ProjectError(f"变更日期不能早于上次变更日期 {project.stage_date:%Y-%m-%d}")
    change = StageChange.log(user, action=StageChange.STAGE, project=project, from_stage=project.stage,
                             to_stage=stage, date=date, note=note)
    project.stage, project.stage_date = stage, date
    project.save(update_fields=["stage", "stage_date", "modified"])
    return change


def stage_history(project: Project) -> list[StageChange]:
    return list(project.stage_changes.select_related("by"))


def join_batch(batch: Batch, project: Project, user) -> BatchMembership:
    """三个一批: put PROJECT on BATCH's list (analysts keep the batches)."""
    if user is not None and not user.edits_plans:
        raise NotAllowed("只有分析员可以编排“三个一批”")
    membership, _created = BatchMembership.objects.get_or_create(
        batch=batch, project=project, defaults={"added_by_name": actor(user)[0]})
    return membership
