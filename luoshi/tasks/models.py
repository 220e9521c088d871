"""督办事项: supervision tasks with deadlines, time limits, evidence and a logged workflow.

A task serves a measure of the plan (a span of its text) or a target, is led by one unit with
co-units, and moves 下达 → 签收 → 办理中 → 办结申请 → 办结 (or 退回 back to the lead unit).
Every step is a `TaskStep` row: who, when, from which status to which.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.core.workflow import StepRecord
from luoshi.lib.status import FINISHED, PROGRESS
from luoshi.plans.models import QuotesPlan


class TimeLimitClass(ChangeLoggedModel):
    """办理时限类别: a service promise such as 一周办结 = 7 days from receipt (签收)."""

    code = models.CharField(_("代码"), max_length=20, unique=True)
    name = models.CharField(_("名称"), max_length=50)
    days = models.PositiveSmallIntegerField(_("时限(天)"))
    order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        ordering = ["order", "days"]
        verbose_name = _("办理时限类别")
        verbose_name_plural = _("办理时限类别")

    def __str__(self) -> str:
        return self.name


class TaskQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = ("lead_unit", "co_units")

    def open(self):
        return self.exclude(status=Task.Status.DONE)


class Task(QuotesPlan, ChangeLoggedModel):
    """督办事项: one supervised task, with its lead unit (牵头单位) and co-units (配合单位)."""

    class Status(models.TextChoices):
        ISSUED = "issued", _("下达")
        RECEIVED = "received", _("签收")
        IN_PROGRESS = "in_progress", _("办理中")
        REQUESTED = "requested", _("办结申请")
        DONE = "done", _("办结")
        RETURNED = "returned", _("退回")

    title = models.CharField(_("事项名称"), max_length=200)
    description = models.TextField(_("工作要求"), blank=True)
    plan = models.ForeignKey("plans.Plan", verbose_name=_("出处规划"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="tasks")
    span_start = models.PositiveIntegerField(_("出处起始位置"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("出处结束位置"), null=True, blank=True)
    target = models.ForeignKey("plans.Target", verbose_name=_("服务的目标"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="tasks")
    lead_unit = models.ForeignKey("units.Unit", verbose_name=_("牵头单位"), on_delete=models.PROTECT,
                                  related_name="led_tasks")
    co_units = models.ManyToManyField("units.Unit", verbose_name=_("配合单位"), blank=True,
                                      related_name="co_tasks")
    deadline = models.DateField(_("完成时限"), null=True, blank=True)
    time_limit = models.ForeignKey(TimeLimitClass, verbose_name=_("办理时限类别"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="tasks")
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.ISSUED)
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("交办领导"), null=True,
                                    blank=True, on_delete=models.SET_NULL, related_name="assigned_tasks")
    received_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    done_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    simulated = models.BooleanField(_("模拟数据"), default=False)

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("督办事项")
        verbose_name_plural = _("督办事项")

    def __str__(self) -> str:
        return f"{self.title}(模拟)" if self.simulated else self.title

    @property
    def status_colour(self) -> str:
        return STATUS_COLOURS[self.status]



#: A task's workflow state is a progress mark, never a judgement (its timer light says overdue or due soon).
STATUS_COLOURS = {"issued": PROGRESS, "received": PROGRESS, "in_progress": PROGRESS, "requested": PROGRESS,
                  "done": FINISHED, "returned": PROGRESS}


class Milestone(models.Model):
    """节点: a dated step of a task; `done` is the day it was reached."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="milestones")
    name = models.CharField(_("节点"), max_length=200)
    due = models.DateField(_("计划日期"))
    done = models.DateField(_("完成日期"), null=True, blank=True)

    class Meta:
        ordering = ["task", "due", "pk"]
        verbose_name = _("节点")
        verbose_name_plural = _("节点")

    def __str__(self) -> str:
        return self.name


class Evidence(models.Model):
    """佐证材料: a file proving the work; stored under MEDIA_ROOT, served only through a permission check."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(_("文件"), upload_to="tasks/evidence/%Y/%m/")
    name = models.CharField(_("文件名"), max_length=200)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    uploaded_by_name = models.CharField(_("上传人"), max_length=150)
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["task", "uploaded_at", "pk"]
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")

    def __str__(self) -> str:
        return self.name


class TaskStep(StepRecord):
    """办理记录: one step of a task's workflow — action, status before and after, who, when, note."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(_("原状态"), max_length=12, choices=Task.Status.choices, blank=True)
    to_status = models.CharField(_("新状态"), max_length=12, choices=Task.Status.choices)

    class Meta:
        ordering = ["task", "at", "pk"]
        verbose_name = _("办理记录")
        verbose_name_plural = _("办理记录")

