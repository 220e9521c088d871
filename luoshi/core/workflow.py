"""办理: what every workflow shares — tasks (督办), obstacles (堵点), project stages, leads.

Who acted (`actor`: the name and unit copied beside the user, so the log reads the same after a user
is renamed or moved), the refusal every workflow raises (`NotAllowed`), the logged step row
(`StepRecord`, abstract: each app keeps its own table) and its dated stage move (`StageRecord`: a key
project's 阶段变更, a lead's 阶段记录). Lower than tasks and projects, which both use it;
of those two, projects is the higher: a key project's page lists the tasks quoting its words and its
simulation issues simulated tasks, while tasks knows no project.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotAllowed(ValueError):
    """The user may not take this step; the message says why, in Chinese."""


def actor(user) -> tuple[str, str]:
    """Who did it, as stored beside the user: the name and the unit's name."""
    if user is None:
        return "system", ""
    return str(user)[:150], (user.unit.name if getattr(user, "unit_id", None) else "")


class StepRecord(models.Model):
    """办理记录: one logged step — the action, a note, who (the user, their name and unit copied) and when."""

    action = models.CharField(_("操作"), max_length=20)
    note = models.TextField(_("说明"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    by_name = models.CharField(_("操作人"), max_length=150)
    by_unit = models.CharField(_("操作单位"), max_length=100, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.action} {self.by_name}"

    @classmethod
    def log(cls, user, **fields):
        """Write one step that USER (None: the system) took, with their name and unit copied."""
        name, unit = actor(user)
        return cls.objects.create(by=user, by_name=name, by_unit=unit, **fields)


class StageRecord(StepRecord):
    """阶段记录: a dated move to a new stage, logged like any step. Each app adds `from_stage` (blank: from
    no stage) and `to_stage` with its own stages as choices. The action is `STAGE`, or `OPENED` for the
    step that registers a thing at its first stage (a lead's 线索)."""

    STAGE, OPENED = "stage", "open"

    date = models.DateField(_("日期"))
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.date} {self.get_to_stage_display()}"
