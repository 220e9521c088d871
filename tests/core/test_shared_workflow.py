"""The pieces tasks and projects share sit below both: one step row, one actor, one refusal."""

import ast
from pathlib import Path

from luoshi.core.workflow import NotAllowed, StepRecord, actor
from luoshi.projects.models import ObstacleStep
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


def test_both_workflows_refuse_with_the_one_not_allowed():
    assert issubclass(TaskNotAllowed, NotAllowed) and issubclass(ProjectNotAllowed, NotAllowed)
    assert actor(None) == ("system", "")


def test_tasks_sits_below_projects_apart_from_the_reminders():
    below = []
    for path in TASKS.rglob("*.py"):
        if path.name == "reminders.py" or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("luoshi.projects"):
                below.append(f"{path.name}: {node.module}")
    assert below == []
