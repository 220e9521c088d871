"""研判's notices: the leaders of a plan's issuing unit hear that one of its targets (or a unit's share of
one) turned red — once per flip."""

from django.dispatch import receiver
from django.urls import reverse

from luoshi.notices.delivery import LEADERS, Notice, notify
from luoshi.verdicts.signals import verdict_flipped

RED = "red"


@receiver(verdict_flipped)
def turned_red(sender, flip, target, assignment, old, new, **kwargs):
    """A kept verdict that became red, inside the transaction that judged it (the email waits for its commit)."""
    if new != RED or old == RED:
        return
    whose = f"({assignment.unit.display_name}分解)" if assignment is not None else ""
    words = f"目标“{target}”{whose}研判转为红色" + (f":{flip.reason}" if flip.reason else "")
    notify(Notice(target.plan.issuer_id, f"verdict-flip:{flip.pk}", words,
                  reverse("plans:target", args=[target.pk]), LEADERS))
