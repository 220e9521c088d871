"""提议目标: what the extractor proposed for a plan, and what the analyst decided about it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.lib.status import FINISHED, PROGRESS, Colour
from luoshi.plans.models import Target
from luoshi.plans.wording import describe


class ProposalQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    plan_field = "plan__issuer"
    published_field = "plan__status"

    def undecided(self):
        """Proposals the analyst still has to look at: pending ones and those whose clause moved away."""
        return self.filter(status__in=(Proposal.Status.PENDING, Proposal.Status.STALE))


class Proposal(ChangeLoggedModel):
    """提议目标: one target the extractor (or the analyst, by selecting text) proposed for a plan."""

    class Status(models.TextChoices):
        PENDING = "pending", _("待审核")
        ACCEPTED = "accepted", _("已采纳")
        EDITED = "edited", _("修改后采纳")
        ADDED = "added", _("手工添加")
        REJECTED = "rejected", _("已驳回")
        STALE = "stale", _("出处已变")

    #: Statuses whose proposal stands as a target of the plan.
    TAKEN = (Status.ACCEPTED, Status.EDITED, Status.ADDED)
    #: Display colour of each status (the page also says the status in words).
    COLOURS = {"pending": PROGRESS, "accepted": FINISHED, "edited": FINISHED, "added": FINISHED,
               "rejected": Colour.GREY, "stale": Colour.RED}

    plan = models.ForeignKey("plans.Plan", verbose_name=_("规划"), on_delete=models.CASCADE,
                             related_name="proposals")
    status = models.CharField(_("审核状态"), max_length=10, choices=Status.choices, default=Status.PENDING)
    target = models.ForeignKey("plans.Target", verbose_name=_("目标"), null=True, blank=True,
                               on_delete=models.SET_NULL, related_name="proposals")
    indicator = models.CharField(_("指标"), max_length=100)
    value = models.DecimalField(_("目标值"), max_digits=20, decimal_places=4)
    unit_of_measure = models.CharField(_("计量单位"), max_length=20)
    kind = models.CharField(_("类型"), max_length=12, choices=Target.Kind.choices)
    accumulation = models.CharField(_("累计方式"), max_length=8, choices=Target.Accumulation.choices,
                                    blank=True)
    period = models.CharField(_("期间"), max_length=16, help_text=_("如 2023、2023Q1、2023-2027"))
    bound = models.CharField(_("界限"), max_length=8, choices=Target.Bound.choices, default=Target.Bound.EXACT)
    bound_word = models.CharField(_("界限原词"), max_length=10, blank=True)
    commitment = models.CharField(_("承诺程度"), max_length=4, choices=Target.Commitment.choices, blank=True)
    region = models.CharField(_("地区"), max_length=50, blank=True)
    front_name = models.CharField(_("方面"), max_length=50, blank=True)
    owner = models.ForeignKey("units.Unit", verbose_name=_("责任单位"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="+")
    region_unit = models.ForeignKey("units.Unit", verbose_name=_("地区单位"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="+")
    series = models.ForeignKey("figures.Series", verbose_name=_("统计指标"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="+")
    new_series = models.BooleanField(_("新建统计指标"), default=False,
                                     help_text=_("发布时按本目标的指标名称、计量单位新建统计指标"))
    reported_by_owner = models.BooleanField(_("由责任单位报送进展"), default=False)
    unsure = models.JSONField(_("存疑字段"), default=list, blank=True,
                              help_text=_("抽取器没有把握的字段,审核页标出请分析员核对"))
    baseline = models.DecimalField(_("基数"), max_digits=20, decimal_places=4, null=True, blank=True)
    baseline_period = models.CharField(_("基数期间"), max_length=16, blank=True)
    span_start = models.PositiveIntegerField(_("出处起始位置"))
    span_end = models.PositiveIntegerField(_("出处结束位置"))
    sentence = models.TextField(_("出处原文"), help_text=_("提议或上次核对时出处位置上的原文,用于原文修改后重新定位"))
    extracted = models.JSONField(_("抽取结果"), default=dict, blank=True,
                                 help_text=_("抽取器的原始提议;手工添加的为空"))

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "span_start", "pk"]
        verbose_name = _("提议目标")
        verbose_name_plural = _("提议目标")

    def __str__(self) -> str:
        return f"{self.indicator} {self.period}"

    @property
    def colour(self) -> str:
        return self.COLOURS[self.status]

    @property
    def wording(self) -> str:
        """The proposal as a Chinese reader says it: "确保 7000 亿元"."""
        return describe(kind=self.kind, value=self.value, unit=self.unit_of_measure, bound=self.bound,
                        bound_word=self.bound_word, commitment=self.commitment)

    @property
    def is_taken(self) -> bool:
        return self.status in self.TAKEN
