"""数据填报: statistical series, the figures reported for them, and every revision of every figure.

A figure belongs to a series (统计指标, e.g. 社会消费品零售总额 in 亿元, monthly year-to-date) for one
unit and one period. A target reads the figures of its series for its region's unit; an assignment
reads those of its own unit. Nothing reported is ever overwritten: each change is a new revision,
and the figure's current value is its latest approved revision.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.labels import period_label
from luoshi.core.models import ChangeLoggedModel
from luoshi.figures import subjects
from luoshi.lib.periods import Period, parse

# value has 20 digits, 4 after the point (< 10^16), but SQLite keeps 15 significant digits and reads a
# number rounded up to 10^16 as one the column cannot hold: the limit is 10^15 (1000 万亿), far above any
# figure a plan reports.
VALUE_LIMIT = 10 ** 15
GROWTH_LIMIT = 10 ** 6  # growth: 9 digits, 3 after the point


def holdable(prefix: str) -> list[models.CheckConstraint]:
    """The database itself refuses a value or growth its columns cannot hold (SQLite would keep it, and
    every page reading it would fail), and NaN."""
    return [models.CheckConstraint(condition=models.Q(**{f"{name}__isnull": True}) | models.Q(
                **{f"{name}__gt": -limit, f"{name}__lt": limit}), name=f"{prefix}_{name}_holdable")
            for name, limit in (("value", VALUE_LIMIT), ("growth", GROWTH_LIMIT))]


class Series(ChangeLoggedModel):
    """统计指标: a published statistical series, reported per unit and period."""

    class Frequency(models.TextChoices):
        MONTHLY = "monthly", _("月度(1–2月合并)")
        QUARTERLY = "quarterly", _("季度")
        ANNUAL = "annual", _("年度")
        MULTI_YEAR = "multi_year", _("多年累计")

    class Accumulation(models.TextChoices):
        FLOW = "flow", _("累计(流量)")
        STOCK = "stock", _("时点(存量)")

    class Publisher(models.TextChoices):
        """Who publishes the figure, and so who owes it: 统计局, the owner unit, or nobody."""

        STATISTICS = "statistics", _("统计部门发布")
        OWNER = "owner", _("责任单位报送")
        NONE = "none", _("不公布")

    name = models.CharField(_("指标名称"), max_length=100, unique=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True,
                               help_text=_("导入数据时也认作本指标的名称"))
    unit_of_measure = models.CharField(_("计量单位"), max_length=20)
    frequency = models.CharField(_("报送频率"), max_length=12, choices=Frequency.choices,
                                 default=Frequency.MONTHLY)
    accumulation = models.CharField(_("累计方式"), max_length=8, choices=Accumulation.choices,
                                    default=Accumulation.FLOW)
    due_day = models.PositiveSmallIntegerField(_("报送截止日"), default=10,
                                               help_text=_("期末次月第几日前报送"))
    publisher = models.CharField(_("发布方"), max_length=12, choices=Publisher.choices,
                                 default=Publisher.STATISTICS,
                                 help_text=_("统计部门发布或责任单位报送的数据才有人应报;不公布的数据只显示“未公布”"))
    allow_negative = models.BooleanField(_("允许负值"), default=False,
                                         help_text=_("数值可为负(增速总是可以为负)"))
    note = models.CharField(_("说明"), max_length=300, blank=True)
    simulated = models.BooleanField(_("模拟数据"), default=False)
    archived = models.BooleanField(_("已归档"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("统计指标")
        verbose_name_plural = _("统计指标")

    def __str__(self) -> str:
        return f"{self.name}(模拟)" if self.simulated else self.name

    def names(self) -> set[str]:
        return {self.name, *self.aliases}


class FigureQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = "unit"

    def own(self):
        """The units' own figures, not their subjects' (see `figures.subjects`)."""
        return self.filter(subject_kind="")

    def of(self, kind: str, items):
        """The figures of ITEMS (a queryset, instances or ids), subjects of KIND (see `figures.subjects`)."""
        ids = items.values("pk") if isinstance(items, models.QuerySet) else [getattr(i, "pk", i) for i in items]
        return self.filter(subject_kind=kind, subject_id__in=ids)


class Figure(models.Model):
    """数据: the slot of one series, unit and period; points at its latest and its approved revision."""

    series = models.ForeignKey(Series, verbose_name=_("指标"), on_delete=models.PROTECT, related_name="figures")
    unit = models.ForeignKey("units.Unit", verbose_name=_("单位"), on_delete=models.PROTECT, related_name="figures")
    subject_kind = models.CharField(_("数据主体类别"), max_length=20, blank=True, default="",
                                    help_text=_("空:单位自身的数据;否则为该单位报送的主体(如重点项目)的数据"))
    subject_id = models.PositiveBigIntegerField(_("数据主体"), default=0,
                                                help_text=_("主体的编号(见 figures.subjects);单位数据为 0"))
    period = models.CharField(_("期间"), max_length=16)
    period_start = models.DateField(_("期初"))
    period_end = models.DateField(_("期末"), db_index=True)
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4, null=True, blank=True,
                                help_text=_("最新审核通过的数值"))
    growth = models.DecimalField(_("增速(%)"), max_digits=9, decimal_places=3, null=True, blank=True)
    approved_revision = models.ForeignKey("FigureRevision", verbose_name=_("当前采用版本"), null=True, blank=True,
                                          on_delete=models.PROTECT, related_name="+")
    head_revision = models.ForeignKey("FigureRevision", verbose_name=_("最新版本"), null=True, blank=True,
                                      on_delete=models.PROTECT, related_name="+")
    not_published = models.BooleanField(_("未公布"), default=False,
                                        help_text=_("分析员确认该期数据未公布:不算逾期,不催报"))
    not_published_note = models.CharField(_("未公布说明"), max_length=300, blank=True)

    objects = FigureQuerySet.as_manager()

    class Meta:
        ordering = ["series", "unit", "period_end"]
        constraints = [
            models.UniqueConstraint(fields=["series", "unit", "subject_kind", "subject_id", "period_start",
                                            "period_end"], name="figure_slot_unique"),
            *holdable("figure"),
        ]
        indexes = [models.Index(fields=["series", "unit", "period_end"], name="figure_series_unit_end")]
        verbose_name = _("数据")
        verbose_name_plural = _("数据")

    def __str__(self) -> str:
        subject = self.subject if self.subject_kind else self.unit
        return f"{self.series.name} · {subject} · {period_label(self.period)}"

    @property
    def subject(self):
        """The subject the figure belongs to (see `figures.subjects`); None for a unit's own figure."""
        if not self.subject_kind:
            return None
        if not hasattr(self, "_subject"):
            subjects.attach([self])
        return self._subject

    @property
    def period_obj(self) -> Period:
        return parse(self.period)


class RevisionQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = "figure__unit"

    def pending(self):
        return self.filter(status=FigureRevision.Status.SUBMITTED)


class FigureRevision(models.Model):
    """修订: one reported value of a figure — who, when, what, why. Append-only; never deleted."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("待审核")
        APPROVED = "approved", _("已采用")
        RETURNED = "returned", _("已退回")

    figure = models.ForeignKey(Figure, verbose_name=_("数据"), on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(_("版本号"))
    value = models.DecimalField(_("数值"), max_digits=20, decimal_places=4, null=True, blank=True)
    growth = models.DecimalField(_("增速(%)"), max_digits=9, decimal_places=3, null=True, blank=True)
    source = models.CharField(_("来源"), max_length=500, blank=True, help_text=_("发布机构、文件或网址"))
    note = models.CharField(_("说明"), max_length=500, blank=True)
    reason = models.CharField(_("修改原因"), max_length=500, blank=True)
    channel = models.CharField(_("填报方式"), max_length=12, default="web")
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    based_on = models.ForeignKey("self", verbose_name=_("基于版本"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("填报人"), null=True, blank=True,
                                     on_delete=models.SET_NULL, related_name="+")
    submitted_by_name = models.CharField(_("填报人姓名"), max_length=150)
    submitted_at = models.DateTimeField(_("填报时间"))
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("审核人"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    reviewed_by_name = models.CharField(_("审核人姓名"), max_length=150, blank=True)
    reviewed_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    review_note = models.CharField(_("审核意见"), max_length=500, blank=True)
    # NULL, not "", so that revisions without a key stay outside the unique (submitter, key) constraint.
    client_key = models.CharField(_("客户端幂等键"), max_length=100, null=True, blank=True)  # noqa: DJ001

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["figure", "number"]
        constraints = [
            models.UniqueConstraint(fields=["figure", "number"], name="revision_number_unique"),
            models.UniqueConstraint(fields=["submitted_by", "client_key"], name="revision_client_key_unique"),
            *holdable("revision"),
        ]
        verbose_name = _("数据修订")
        verbose_name_plural = _("数据修订")

    def __str__(self) -> str:
        return f"{self.figure} #{self.number}"


class Upload(models.Model):
    """Excel 上传: a validated file waiting for its preview to be confirmed, then its outcome."""

    class Status(models.TextChoices):
        PREVIEW = "preview", _("待确认")
        APPLIED = "applied", _("已写入")
        DISCARDED = "discarded", _("已放弃")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(_("文件名"), max_length=200)
    content = models.BinaryField(_("文件内容"))
    created = models.DateTimeField(_("上传时间"), auto_now_add=True)
    status = models.CharField(_("状态"), max_length=12, choices=Status.choices, default=Status.PREVIEW)
    rows_written = models.PositiveIntegerField(_("写入条数"), default=0)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("上传记录")
        verbose_name_plural = _("上传记录")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"
