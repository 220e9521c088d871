"""督办事项's notices: who hears of a task's 下达, 签收, 办结申请, 办结 and 退回 (`notices.delivery` tells them).

The units doing the work hear what they must do (their reporters); the person who assigned the task hears
that it was received and that its completion waits for their decision.
"""

from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.tasks.models import Task

SENTENCES = {
    "receive": gettext_noop("您交办的“%(task)s”已由%(lead)s签收"),
    "request": gettext_noop("“%(task)s”(%(lead)s牵头)申请办结,请审核"),
    "approve": gettext_noop("督办事项“%(task)s”已同意办结"),
    "return": gettext_noop("督办事项“%(task)s”被退回:%(reason)s"),
}


def _link(task: Task) -> str:
    return reverse("tasks:detail", args=[task.pk])


def issued(task: Task) -> None:
    """下达: the lead unit is asked to sign for it, each co-unit to help."""
    args = {"task": task.title, "lead": task.lead_unit.display_name}
    lead = Notice(task.lead_unit_id, f"task:{task.pk}:issued", gettext_noop("新交办督办事项“%(task)s”,请签收"),
                  _link(task), DOERS, args=args)
    helping = [Notice(unit.pk, f"task:{task.pk}:issued", gettext_noop("督办事项“%(task)s”请配合办理(%(lead)s牵头)"),
                      _link(task), DOERS, args=args) for unit in task.co_units.all()]
    notify(lead, *helping)


def stepped(task: Task, action: str) -> None:
    """签收 and 办结申请 go to whoever assigned the task; 办结 and 退回 to the lead unit (办结 to co-units too)."""
    if action not in SENTENCES:
        return
    step = task.steps.order_by("-pk").first()
    key, sentence = f"task:{task.pk}:step:{step.pk}", SENTENCES[action]
    args = {"task": task.title, "lead": task.lead_unit.display_name, "reason": step.note}
    if action in ("receive", "request"):
        if task.assigned_by_id:
            notify(Notice(task.lead_unit_id, key, sentence, _link(task), user_id=task.assigned_by_id, args=args))
        return
    units = [task.lead_unit_id, *(u.pk for u in task.co_units.all())] if action == "approve" else [task.lead_unit_id]
    notify(*(Notice(unit_id, key, sentence, _link(task), DOERS, args=args) for unit_id in units))
