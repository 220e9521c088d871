"""研判's notices: the leaders of a plan's issuing unit hear that one of its targets (or a unit's share of
one) turned red — once per flip."""

from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_noop

from luoshi.notices.delivery import LEADERS, Notice, notify
from luoshi.verdicts.signals import verdict_flipped

RED = "red"
TARGET = gettext_noop("目标“%(target)s”研判转为红色:%(reason)s")
SHARE = gettext_noop("目标“%(target)s”(%(unit)s分解)研判转为红色:%(reason)s")


@receiver(verdict_flipped)
def turned_red(sender, flip, target, assignment, old, new, words=None, **kwargs):
    """A kept verdict that became red, inside the transaction that judged it (the email waits for its commit);
    its reason kept as words, so each leader reads it in their language."""
    if new != RED or old == RED:
        return
    args = {"target": str(target), "reason": words or flip.reason or "—",
            "unit": assignment.unit.display_name if assignment is not None else ""}
    notify(Notice(target.plan.issuer_id, f"verdict-flip:{flip.pk}", TARGET if assignment is None else SHARE,
                  reverse("plans:target", args=[target.pk]), LEADERS, args=args))
