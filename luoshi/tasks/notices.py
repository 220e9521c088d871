"""督办事项's notices: who hears of a task's 下达, 签收, 办结申请, 办结 and 退回 (`notices.delivery` tells them).

The units doing the work hear what they must do (their reporters); the person who assigned the task hears
that it was received and that its completion waits for their decision.
"""

from django.urls import reverse

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.tasks.models import Task, TaskStep


def _link(task: Task) -> str:
    return reverse("tasks:detail", args=[task.pk])


def issued(task: Task) -> None:
    """下达: the lead unit is asked to sign for it, each co-unit to help."""
    lead = Notice(task.lead_unit_id, f"task:{task.pk}:issued", f"新交办督办事项“{task.title}”,请签收", _link(task),
                  DOERS)
    helping = [Notice(unit.pk, f"task:{task.pk}:issued", f"督办事项“{task.title}”请配合办理"
                      f"({task.lead_unit.display_name}牵头)", _link(task), DOERS) for unit in task.co_units.all()]
    notify(lead, *helping)


def _words(task: Task, step: TaskStep) -> dict[str, str]:
    lead = task.lead_unit.display_name
    return {"receive": f"您交办的“{task.title}”已由{lead}签收",
            "request": f"“{task.title}”({lead}牵头)申请办结,请审核",
            "approve": f"督办事项“{task.title}”已同意办结",
            "return": f"督办事项“{task.title}”被退回:{step.note}"}


def stepped(task: Task, action: str) -> None:
    """签收 and 办结申请 go to whoever assigned the task; 办结 and 退回 to the lead unit (办结 to co-units too)."""
    step = task.steps.order_by("-pk").first()
    words = _words(task, step).get(action)
    if words is None:
        return
    key = f"task:{task.pk}:step:{step.pk}"
    if action in ("receive", "request"):
        if task.assigned_by_id:
            notify(Notice(task.lead_unit_id, key, words, _link(task), user_id=task.assigned_by_id))
        return
    units = [task.lead_unit_id, *(u.pk for u in task.co_units.all())] if action == "approve" else [task.lead_unit_id]
    notify(*(Notice(unit_id, key, words, _link(task), DOERS) for unit_id in units))
