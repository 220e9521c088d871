"""里程碑节点: the dated steps of a milestone target, added, edited and completed by analysts.

One function for the target page's form and the API (`POST/PATCH /api/v1/targets/{id}/milestones`).
Every change is a `ChangeLoggedModel` save (in the change log); a step is archived, never deleted.
The engine judges the steps (`lib/judgement/milestones.py`) through `figures.status`.
"""

import datetime as dt

from django.db import transaction

from luoshi.core import limits
from luoshi.core.errors import FieldErrors
from luoshi.plans.models import Target, TargetMilestone

FIELDS = ("name", "due", "done", "order", "archived")
LABELS = {"name": "节点", "due": "计划完成日期", "done": "实际完成日期", "order": "序号", "archived": "已归档"}


class StepRejected(FieldErrors):
    """The step was not saved: `detail` lists each field's problem."""


def _date(value, field: str, problems: list[dict]) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value).strip())
    except ValueError:
        problems.append({"field": field, "message": f"{LABELS[field]}“{value}”不是日期,应为 YYYY-MM-DD"})
        return None
    reason = limits.problem(TargetMilestone, field, day)
    if reason:
        problems.append({"field": field, "message": f"{LABELS[field]}{reason}"})
        return None
    return day


def _order(value, problems: list[dict]) -> int:
    try:
        order = int(value)
    except (TypeError, ValueError):
        order = -1
    if not 0 <= order <= 32767:
        problems.append({"field": "order", "message": f"序号“{value}”应为 0–32767 的整数"})
    return max(order, 0)


def _cleaned(data: dict, step: TargetMilestone | None) -> dict:
    """The fields DATA gives (over STEP's own), checked; raises StepRejected naming every bad field."""
    problems: list[dict] = []
    given = {k: v for k, v in data.items() if k in FIELDS}
    name = str(given.get("name", step.name if step else "")).strip()
    if not name:
        problems.append({"field": "name", "message": "节点名称不能为空"})
    problems += limits.check(TargetMilestone, {"name": name})
    due = _date(given["due"], "due", problems) if "due" in given else (step.due if step else None)
    if due is None and not any(p["field"] == "due" for p in problems):
        problems.append({"field": "due", "message": "请填写计划完成日期"})
    done = _date(given["done"], "done", problems) if "done" in given else (step.done if step else None)
    order = _order(given["order"], problems) if given.get("order") not in (None, "") else (step.order if step else 0)
    archived = bool(given["archived"]) if "archived" in given else (step.archived if step else False)
    if problems:
        raise StepRejected(problems)
    return {"name": name, "due": due, "done": done, "order": order, "archived": archived}


@transaction.atomic
def save_step(target: Target, data: dict, step: TargetMilestone | None = None) -> TargetMilestone:
    """Add a step to TARGET (STEP None) or change STEP with the fields DATA gives (name, due, done, order,
    archived); dates as YYYY-MM-DD. Only milestone targets have steps."""
    if target.kind != Target.Kind.MILESTONE:
        raise StepRejected([{"field": "target", "message": f"“{target.indicator}”不是里程碑类目标,没有节点"}])
    if step is not None and step.target_id != target.pk:
        raise StepRejected([{"field": "id", "message": f"节点 {step.pk} 不属于目标“{target.indicator}”"}])
    fields = _cleaned(data, step)
    step = step or TargetMilestone(target=target)
    for name, value in fields.items():
        setattr(step, name, value)
    step.save()
    return step


def steps_of(target: Target) -> list[TargetMilestone]:
    """The target's steps in order, archived ones last."""
    return sorted(target.milestones.all(), key=lambda s: (s.archived, s.order, s.due, s.pk))
