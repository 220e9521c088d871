"""The pieces tasks and projects share sit below both: one step row, one actor, one refusal."""

import ast
from pathlib import Path

from luoshi.attraction.models import LeadStep
from luoshi.core.workflow import NotAllowed, StageRecord, StepRecord, actor
from luoshi.projects.models import ObstacleStep, StageChange
from luoshi.projects.stages import NotAllowed as ProjectNotAllowed
from luoshi.tasks.models import TaskStep
from luoshi.tasks.workflow import NotAllowed as TaskNotAllowed

TASKS = Path(__file__).resolve().parents[2] / "luoshi" / "tasks"
LOGGED = {"action", "note", "by", "by_name", "by_unit", "at"}


def test_task_and_obstacle_steps_are_one_shape_in_their_own_tables():
    for model in (TaskStep, ObstacleStep):
        assert issubclass(model, StepRecord)
        assert {f.name for f in model._meta.fields} >= LOGGED
    assert (TaskStep._meta.db_table, ObstacleStep._meta.db_table) == ("tasks_taskstep", "projects_obstaclestep")


def test_lead_steps_and_stage_changes_are_stage_records_in_their_own_tables():
    for model in (LeadStep, StageChange):
        assert issubclass(model, StageRecord)
        assert {f.name for f in model._meta.fields} >= LOGGED | {"from_stage", "to_stage", "date"}
    assert (LeadStep._meta.db_table, StageChange._meta.db_table) == ("attraction_leadstep", "projects_stagechange")


def test_both_workflows_refuse_with_the_one_not_allowed():
    assert issubclass(TaskNotAllowed, NotAllowed) and issubclass(ProjectNotAllowed, NotAllowed)
    assert actor(None) == ("system", "")


def test_tasks_imports_no_project():
    imported = set()
    for path in TASKS.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("luoshi."):
                imported.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                imported |= {a.name.split(".")[1] for a in node.names if a.name.startswith("luoshi.")}
    assert "projects" not in imported, imported


def test_the_projects_reminders_come_through_the_tasks_registry():
    from luoshi.projects.reminders import obstacles_due, projects_due
    from luoshi.tasks import reminders

    order = sorted(reminders._SOURCES, key=reminders._SOURCES.get)
    assert order == [reminders.figures_due, projects_due, reminders.tasks_due, obstacles_due]
