"""招商引资: the task forces (专班) that work investment leads, the leads (招商项目) and the events
(招商活动) that produce them.

A lead moves 线索 → 洽谈 → 签约 → 落地(注册) → 开工 → 投产, each move dated and kept as a `LeadStep`
row; at 开工 it becomes (or links to) a key project, so that "三个一批" counts one pipeline. Its funds paid
in (到位资金) are ordinary figures of which the lead is the subject (see `luoshi.attraction.funds`); its obstacles are its key project's.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.core.workflow import StageRecord
from luoshi.lib.status import DORMANT, FINISHED, PROGRESS


class ActiveQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    def active(self):
        return self.filter(archived=False)


class TaskForceQuerySet(ActiveQuerySet):
    unit_field = ("lead_department", "members", "regions")


class TaskForce(ChangeLoggedModel):
    """专班: a standing team that works investment leads for some regions or industry chains."""

    name = models.CharField(_("专班名称"), max_length=100)
    leader = models.CharField(_("牵头领导"), max_length=100, blank=True, help_text=_("如 市政府分管副市长"))
    lead_department = models.ForeignKey("units.Unit", verbose_name=_("牵头部门"), on_delete=models.PROTECT,
                                        related_name="led_task_forces")
    members = models.ManyToManyField("units.Unit", verbose_name=_("成员单位"), blank=True,
                                     related_name="task_forces")
    regions = models.ManyToManyField("units.Unit", verbose_name=_("负责县区"), blank=True,
                                     related_name="covering_task_forces")
    chains = models.ManyToManyField("chains.Chain", verbose_name=_("负责产业链"), blank=True,
                                    related_name="task_forces")
    scope = models.CharField(_("分工说明"), max_length=300, blank=True,
                             help_text=_("负责的区域或产业;演示中的假设须写明“演示假设”"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = TaskForceQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("招商专班")
        verbose_name_plural = _("招商专班")

    def __str__(self) -> str:
        return self.name


class EventQuerySet(ActiveQuerySet):
    unit_field = ("organizer", "task_force__lead_department")


class Event(ChangeLoggedModel):
    """招商活动: a trade mission or fair (港澳台、日韩、东南亚、欧洲, 国内三大区域…) and the leads it produced."""

    class Kind(models.TextChoices):
        HK_MACAO_TAIWAN = "hmt", _("港澳台")
        JAPAN_KOREA = "jk", _("日韩")
        SOUTHEAST_ASIA = "sea", _("东南亚")
        EUROPE = "europe", _("欧洲")
        BEIJING_TIANJIN_HEBEI = "jjj", _("京津冀")
        YANGTZE_DELTA = "yrd", _("长三角")
        GREATER_BAY = "gba", _("粤港澳大湾区")
        OTHER = "other", _("其他")

    name = models.CharField(_("活动名称"), max_length=200)
    kind = models.CharField(_("活动类别"), max_length=10, choices=Kind.choices)
    date = models.DateField(_("活动日期"))
    place = models.CharField(_("活动地点"), max_length=100, blank=True)
    organizer = models.ForeignKey("units.Unit", verbose_name=_("主办单位"), on_delete=models.PROTECT,
                                  related_name="attraction_events")
    task_force = models.ForeignKey(TaskForce, verbose_name=_("专班"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="events")
    simulated = models.BooleanField(_("模拟数据"), default=False)
    archived = models.BooleanField(_("已归档"), default=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "name"]
        verbose_name = _("招商活动")
        verbose_name_plural = _("招商活动")

    def __str__(self) -> str:
        return f"{self.name}(模拟)" if self.simulated else self.name


class LeadQuerySet(ActiveQuerySet):
    unit_field = ("unit", "task_force__lead_department", "task_force__members")


class Lead(ChangeLoggedModel):
    """招商项目: a company's investment worked by a 专班 from first clue to production."""

    class Stage(models.TextChoices):
        CLUE = "clue", _("线索")
        TALKS = "talks", _("洽谈")
        SIGNED = "signed", _("签约")
        LANDED = "landed", _("落地(注册)")
        STARTED = "started", _("开工")
        PRODUCING = "producing", _("投产")

    code = models.CharField(_("项目编号"), max_length=20, unique=True, null=True, blank=True, editable=False,  # noqa: DJ001
                            help_text=_("登记时给定(ZS-00001);开工时生成的重点项目沿用此编号"))
    name = models.CharField(_("项目名称"), max_length=200)
    company = models.ForeignKey("enterprises.Enterprise", verbose_name=_("投资企业"), on_delete=models.PROTECT,
                                related_name="leads")
    node = models.ForeignKey("chains.ChainNode", verbose_name=_("补链环节"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="leads")
    task_force = models.ForeignKey(TaskForce, verbose_name=_("专班"), on_delete=models.PROTECT, related_name="leads")
    unit = models.ForeignKey("units.Unit", verbose_name=_("落地单位"), on_delete=models.PROTECT,
                             related_name="leads", help_text=_("项目拟落地(或已落地)的县区、开发区"))
    event = models.ForeignKey(Event, verbose_name=_("来源活动"), null=True, blank=True, on_delete=models.PROTECT,
                              related_name="leads")
    planned_investment = models.DecimalField(_("计划投资(亿元)"), max_digits=14, decimal_places=4, null=True,
                                             blank=True)
    signed_investment = models.DecimalField(_("签约投资(亿元)"), max_digits=14, decimal_places=4, null=True,
                                            blank=True)
    stage = models.CharField(_("阶段"), max_length=10, choices=Stage.choices, default=Stage.CLUE)
    stage_date = models.DateField(_("进入本阶段日期"), null=True, blank=True)
    project = models.OneToOneField("projects.Project", verbose_name=_("重点项目"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="lead",
                                   help_text=_("开工时转为(或关联)重点项目,“三个一批”只计一次"))
    simulated = models.BooleanField(_("模拟数据"), default=False, help_text=_("演示用模拟情景生成;处处标明“模拟”"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = LeadQuerySet.as_manager()

    class Meta:
        ordering = ["-modified", "pk"]
        verbose_name = _("招商项目")
        verbose_name_plural = _("招商项目")

    def __str__(self) -> str:
        return f"{self.name}(模拟)" if self.simulated else self.name

    @property
    def stage_colour(self) -> str:
        return STAGE_COLOURS[self.stage]


#: A stage is a workflow state: a progress mark (grey not yet under way, blue moving, green producing).
STAGE_COLOURS = {"clue": DORMANT, "talks": PROGRESS, "signed": PROGRESS, "landed": PROGRESS, "started": PROGRESS,
                 "producing": FINISHED}


class LeadStep(StageRecord):
    """阶段记录: a dated move of a lead to its next stage; append-only history (who, when, why)."""

    lead = models.ForeignKey(Lead, verbose_name=_("招商项目"), on_delete=models.CASCADE, related_name="steps")
    from_stage = models.CharField(_("原阶段"), max_length=10, choices=Lead.Stage.choices, blank=True)
    to_stage = models.CharField(_("新阶段"), max_length=10, choices=Lead.Stage.choices)

    class Meta:
        ordering = ["lead", "date", "pk"]
        verbose_name = _("招商项目阶段记录")
        verbose_name_plural = _("招商项目阶段记录")

