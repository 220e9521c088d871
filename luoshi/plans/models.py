"""规划与目标: a plan, its fronts (pillars), its targets and their decomposition to units."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.labels import period_label
from luoshi.core.models import ChangeLoggedModel


class QuotesPlan:
    """出处: a model tied to words of a plan by `plan` and `span_start`/`span_end` (targets, projects, tasks)."""

    @property
    def sentence(self) -> str:
        """The words of the plan this object stands for ("" when it is tied to none)."""
        if self.plan_id is None or self.span_start is None:
            return ""
        return self.plan.text[self.span_start:self.span_end]


class PlanQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    plan_field = "issuer"
    published_field = "status"


class Plan(ChangeLoggedModel):
    """规划: a published text (work report, mayor's interview, five-year plan) that sets targets."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("草稿")
        PUBLISHED = "published", _("已发布")

    title = models.CharField(_("标题"), max_length=200)
    issuer = models.ForeignKey("units.Unit", verbose_name=_("发布单位"), on_delete=models.PROTECT,
                               related_name="plans")
    year = models.PositiveSmallIntegerField(_("年度"))
    region = models.CharField(_("地区"), max_length=50, help_text=_("规划所属地区,如“郑州”"))
    text = models.TextField(_("原文"), help_text=_("规划全文;目标的出处以字符位置指向这里"))
    source_title = models.CharField(_("出处标题"), max_length=300, blank=True)
    source_publisher = models.CharField(_("出处发布者"), max_length=100, blank=True)
    source_date = models.DateField(_("出处日期"), null=True, blank=True)
    source_url = models.CharField(_("出处地址"), max_length=500, blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    simulated = models.BooleanField(_("模拟数据"), default=False,
                                    help_text=_("基准测试等生成的模拟规划;处处标明,不与真实规划混用"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["-year", "title"]
        verbose_name = _("规划")
        verbose_name_plural = _("规划")

    def __str__(self) -> str:
        return self.title


class FrontQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    plan_field = "plan__issuer"
    published_field = "plan__status"


class Front(ChangeLoggedModel):
    """方面 (pillar): one of a plan's ordered headings, e.g. 经济发展."""

    plan = models.ForeignKey(Plan, verbose_name=_("规划"), on_delete=models.CASCADE, related_name="fronts")
    order = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("名称"), max_length=50)
    heading = models.CharField(_("标题原文"), max_length=200, blank=True)
    span_start = models.PositiveIntegerField(_("起始位置"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("结束位置"), null=True, blank=True)

    objects = FrontQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order"]
        constraints = [models.UniqueConstraint(fields=["plan", "order"], name="front_order_unique")]
        verbose_name = _("方面")
        verbose_name_plural = _("方面")

    def __str__(self) -> str:
        return self.name


class TargetQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    plan_field = "plan__issuer"
    published_field = "plan__status"

    def active(self):
        return self.filter(archived=False)


class Target(QuotesPlan, ChangeLoggedModel):
    """目标: one quantitative target read from one clause of the plan, with its provenance."""

    class Kind(models.TextChoices):
        LEVEL = "level", _("总量")
        COUNT = "count", _("数量")
        GROWTH = "growth", _("增速")
        SHARE = "share", _("比率")
        REDUCTION = "reduction", _("降低/控制")
        MILESTONE = "milestone", _("里程碑")

    class Accumulation(models.TextChoices):
        FLOW = "flow", _("累计(流量)")
        STOCK = "stock", _("时点(存量)")
        NONE = "", _("不适用")

    class Bound(models.TextChoices):
        MIN = "min", _("不低于")
        MAX = "max", _("不高于")
        APPROX = "approx", _("左右")
        EXACT = "exact", _("确定值")

    class Commitment(models.TextChoices):
        ENSURE = "确保", _("确保")
        STRIVE = "力争", _("力争")
        KEEP = "保", _("保")
        REACH = "争", _("争")
        NONE = "", _("无")

    plan = models.ForeignKey(Plan, verbose_name=_("规划"), on_delete=models.CASCADE, related_name="targets")
    front = models.ForeignKey(Front, verbose_name=_("方面"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="targets")
    order = models.PositiveIntegerField(_("序号"), default=0)
    indicator = models.CharField(_("指标"), max_length=100)
    kind = models.CharField(_("类型"), max_length=12, choices=Kind.choices)
    accumulation = models.CharField(_("累计方式"), max_length=8, choices=Accumulation.choices, blank=True)
    value = models.DecimalField(_("目标值"), max_digits=20, decimal_places=4)
    unit_of_measure = models.CharField(_("计量单位"), max_length=20)
    period = models.CharField(_("期间"), max_length=16, help_text=_("如 2023、2023Q1、2023-2027"))
    bound = models.CharField(_("界限"), max_length=8, choices=Bound.choices, default=Bound.EXACT)
    bound_word = models.CharField(_("界限原词"), max_length=10, blank=True,
                                  help_text=_("原文中的限定词,如 以上、突破、以内、左右"))
    commitment = models.CharField(_("承诺程度"), max_length=4, choices=Commitment.choices, blank=True)
    region = models.CharField(_("地区"), max_length=50)
    owner = models.ForeignKey("units.Unit", verbose_name=_("责任单位"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="owned_targets")
    region_unit = models.ForeignKey("units.Unit", verbose_name=_("地区单位"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="region_targets",
                                    help_text=_("目标所属地区对应的单位;其数据即目标的实际数"))
    series = models.ForeignKey("figures.Series", verbose_name=_("统计指标"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="targets",
                               help_text=_("用来衡量本目标的统计指标"))
    reported_by_owner = models.BooleanField(_("由责任单位报送进展"), default=False,
                                            help_text=_("无统计指标的目标(如里程碑),由责任单位报送进展"))
    baseline = models.DecimalField(_("基数"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_period = models.CharField(_("基数期间"), max_length=16, blank=True)
    span_start = models.PositiveIntegerField(_("出处起始位置"))
    span_end = models.PositiveIntegerField(_("出处结束位置"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = TargetQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("目标")
        verbose_name_plural = _("目标")
        constraints = [
            models.CheckConstraint(condition=models.Q(span_end__gt=models.F("span_start")),
                                   name="target_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {period_label(self.period)}"

    @property
    def name(self) -> str:
        """指标名称 as the catalogue states it: its series' official name where the plan used one of the
        series' aliases (社会消费品零售额 → 社会消费品零售总额), else the plan's own words."""
        series = self.series if self.series_id else None
        return series.name if series is not None and self.indicator in series.aliases else self.indicator

    @property
    def is_rate(self) -> bool:
        """Growth, share and reduction targets are rates: each unit gets its own, none are summed."""
        return self.kind in (self.Kind.GROWTH, self.Kind.SHARE, self.Kind.REDUCTION)


class TargetMilestone(ChangeLoggedModel):
    """里程碑节点: a dated step of a milestone target (from the plan or entered), done when completed."""

    target = models.ForeignKey(Target, verbose_name=_("目标"), on_delete=models.CASCADE, related_name="milestones")
    order = models.PositiveSmallIntegerField(_("序号"), default=0)
    name = models.CharField(_("节点"), max_length=200)
    due = models.DateField(_("计划完成日期"))
    done = models.DateField(_("实际完成日期"), null=True, blank=True)
    archived = models.BooleanField(_("已归档"), default=False)

    class Meta:
        ordering = ["target", "order", "due", "pk"]
        verbose_name = _("里程碑节点")
        verbose_name_plural = _("里程碑节点")

    def __str__(self) -> str:
        return f"{self.target.indicator} · {self.name}"


class AssignmentQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = "unit"
    plan_field = "target__plan__issuer"


class Assignment(ChangeLoggedModel):
    """任务分解: a target's share for one unit — a quota for level/count, the unit's own rate otherwise."""

    target = models.ForeignKey(Target, verbose_name=_("目标"), on_delete=models.CASCADE,
                               related_name="assignments")
    unit = models.ForeignKey("units.Unit", verbose_name=_("单位"), on_delete=models.PROTECT,
                             related_name="assignments")
    value = models.DecimalField(_("分解值"), max_digits=20, decimal_places=4, null=True, blank=True)
    note = models.CharField(_("备注"), max_length=200, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["target", "unit__order", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["target", "unit"], name="assignment_unique")]
        verbose_name = _("任务分解")
        verbose_name_plural = _("任务分解")

    def __str__(self) -> str:
        return f"{self.target.indicator} · {self.unit}"
