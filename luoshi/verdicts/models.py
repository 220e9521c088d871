"""Kept verdicts (研判结果) and their flips: derived data, always the engine's output, never typed in."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.lib.judgement import Status


class StoredVerdict(models.Model):
    """One target's (or assignment's) verdict at one judged period, as `figures.status` computed it.

    `row` is `verdict_row`, `chart` the card's last-year mark and sparkline, `owed` the figure owed behind it
    (period, due day, days late on `judged_on`). `judged_on` is the day it was computed for (lateness
    and expected-by-now change with the calendar); None marks it stale (its target, plan, series or
    unit changed), to be judged again on the next read. `version` grows whenever what is kept changes.
    """

    key = models.CharField(max_length=64, unique=True)  # "target:assignment-or-0:period"
    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="kept_verdicts")
    assignment = models.ForeignKey("plans.Assignment", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="kept_verdicts")
    at = models.CharField(_("研判期间"), max_length=16)
    status = models.CharField(_("状态"), max_length=8, choices=[(s.value, s.label_zh) for s in Status])
    row = models.JSONField()
    chart = models.JSONField(default=dict)
    owed = models.JSONField(null=True, blank=True)
    judged_on = models.DateField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("研判结果")
        indexes = [models.Index(fields=["target", "at"]),
                   # a plan's own verdicts (of targets, not assignments): boards, status, stamps
                   models.Index(fields=["target", "at"], condition=models.Q(assignment__isnull=True),
                                name="kept_verdicts_of_targets")]

    def __str__(self) -> str:
        return f"{self.key} {self.status}"


class Flip(models.Model):
    """状态变化: a kept verdict whose status changed (Healthchecks' Flip): "newly red since …" is a query."""

    target = models.ForeignKey("plans.Target", on_delete=models.CASCADE, related_name="verdict_flips")
    assignment = models.ForeignKey("plans.Assignment", on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="verdict_flips")
    at = models.CharField(_("研判期间"), max_length=16)
    old_status = models.CharField(_("原状态"), max_length=8)
    new_status = models.CharField(_("新状态"), max_length=8)
    reason = models.CharField(_("研判说明"), max_length=500, blank=True)
    created = models.DateTimeField(_("发生时间"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("状态变化")
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.target_id}/{self.assignment_id or 0} {self.at}: {self.old_status} → {self.new_status}"
