"""重点项目: the projects on the city's key-project list, whose investment carries the targets.

A project's completed investment (完成投资, YTD) is reported as ordinary figures of the series
"重点项目完成投资" (revisions, approval, Excel and API come with them); everything else a project
carries lives here: its plan for the year by month, its dated stage changes, the "三个一批" batches it
belongs to, its contacts and the obstacles (堵点) raised on it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.core.workflow import StageRecord, StepRecord
from luoshi.lib.status import DORMANT, FINISHED, PROGRESS
from luoshi.plans.models import QuotesPlan


class ProjectQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = "owner"

    def active(self):
        return self.filter(archived=False)


class Project(QuotesPlan, ChangeLoggedModel):
    """重点项目: a project on the key-project list; its completed investment is reported like any figure."""

    class Stage(models.TextChoices):
        RESERVE = "reserve", _("储备")
        SIGNED = "signed", _("签约")
        STARTED = "started", _("开工")
        BUILDING = "building", _("在建")
        OPERATING = "operating", _("投产")
        COMPLETED = "completed", _("竣工")

    code = models.CharField(_("项目编号"), max_length=40, unique=True)
    name = models.CharField(_("项目名称"), max_length=200)
    owner = models.ForeignKey("units.Unit", verbose_name=_("属地单位"), on_delete=models.PROTECT,
                              related_name="projects", help_text=_("项目所在县区或功能区;由其填报项目数据"))
    department = models.ForeignKey("units.Unit", verbose_name=_("责任部门"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="led_projects")
    industry = models.CharField(_("所属行业"), max_length=50, blank=True)
    investor = models.ForeignKey("enterprises.Enterprise", verbose_name=_("投资方"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="invested_projects",
                                 help_text=_("企业库中的投资企业(招商项目开工转为重点项目时即其签约企业)"))
    front = models.ForeignKey("plans.Front", verbose_name=_("方面"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="projects")
    location = models.CharField(_("建设地点"), max_length=200, blank=True)
    total_investment = models.DecimalField(_("总投资(亿元)"), max_digits=14, decimal_places=4,
                                           null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("计划年度"), null=True, blank=True,
                                            help_text=_("按月投资计划所属年度"))
    stage = models.CharField(_("建设阶段"), max_length=12, choices=Stage.choices, blank=True,
                             help_text=_("由阶段变更记录决定;未录入时为空"))
    stage_date = models.DateField(_("进入本阶段日期"), null=True, blank=True)
    targets = models.ManyToManyField("plans.Target", verbose_name=_("服务的目标"), blank=True,
                                     related_name="projects")
    plan = models.ForeignKey("plans.Plan", verbose_name=_("出处规划"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="projects")
    span_start = models.PositiveIntegerField(_("出处起始位置"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("出处结束位置"), null=True, blank=True)
    simulated = models.BooleanField(_("模拟数据"), default=False,
                                    help_text=_("演示用模拟情景生成;处处标明“模拟”"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("重点项目")
        verbose_name_plural = _("重点项目")

    def __str__(self) -> str:
        return f"{self.name}(模拟)" if self.simulated else self.name

    @property
    def stage_colour(self) -> str:
        return STAGE_COLOURS[self.stage]



#: A stage is a workflow state: a progress mark, never a judgement (the investment verdict judges).
STAGE_COLOURS = {"": DORMANT, "reserve": DORMANT, "signed": PROGRESS, "started": PROGRESS, "building": PROGRESS,
                 "operating": FINISHED, "completed": FINISHED}


class PlannedInvestment(models.Model):
    """年度投资计划(分月): what the project plans to invest in one month of its plan year (亿元)."""

    project = models.ForeignKey(Project, verbose_name=_("重点项目"), on_delete=models.CASCADE,
                                related_name="planned")
    year = models.PositiveSmallIntegerField(_("年度"))
    month = models.PositiveSmallIntegerField(_("月份"))
    amount = models.DecimalField(_("计划投资(亿元)"), max_digits=14, decimal_places=4)

    class Meta:
        ordering = ["project", "year", "month"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year", "month"], name="planned_month_unique"),
            models.CheckConstraint(condition=models.Q(month__gte=1, month__lte=12), name="planned_month_valid"),
        ]
        verbose_name = _("分月投资计划")
        verbose_name_plural = _("分月投资计划")

    def __str__(self) -> str:
        return f"{self.year}年{self.month}月 {self.amount}"


class StageChange(StageRecord):
    """阶段变更: a dated move of a project to a new stage; append-only history (who, when, why)."""

    project = models.ForeignKey(Project, verbose_name=_("重点项目"), on_delete=models.CASCADE,
                                related_name="stage_changes")
    from_stage = models.CharField(_("原阶段"), max_length=12, choices=Project.Stage.choices, blank=True)
    to_stage = models.CharField(_("新阶段"), max_length=12, choices=Project.Stage.choices)
    date = models.DateField(_("变更日期"))  # the table's own label, kept

    class Meta:
        ordering = ["project", "date", "pk"]
        verbose_name = _("阶段变更")
        verbose_name_plural = _("阶段变更")


class Batch(ChangeLoggedModel):
    """三个一批: one dated event of signing (签约一批), starting (开工一批) or commissioning (投产一批) projects."""

    class Kind(models.TextChoices):
        SIGN = "sign", _("签约一批")
        START = "start", _("开工一批")
        OPERATE = "operate", _("投产一批")

    kind = models.CharField(_("类别"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("活动名称"), max_length=200)
    date = models.DateField(_("活动日期"), null=True, blank=True)
    projects = models.ManyToManyField(Project, verbose_name=_("项目"), through="BatchMembership",
                                      related_name="batches", blank=True)

    class Meta:
        ordering = ["-date", "name"]
        verbose_name = _("三个一批活动")
        verbose_name_plural = _("三个一批活动")

    def __str__(self) -> str:
        return self.name


class BatchMembership(models.Model):
    """A project's place in one "三个一批" event."""

    batch = models.ForeignKey(Batch, on_delete=models.CASCADE, related_name="memberships")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="memberships")
    added_by_name = models.CharField(_("操作人姓名"), max_length=150, blank=True)
    added_at = models.DateTimeField(_("加入时间"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["batch", "project"], name="batch_member_unique")]

    def __str__(self) -> str:
        return f"{self.batch} · {self.project}"


class Contact(models.Model):
    """联系人: who to call about a project."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("姓名"), max_length=50)
    role = models.CharField(_("职务"), max_length=100, blank=True)
    phone = models.CharField(_("电话"), max_length=50, blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("联系人")
        verbose_name_plural = _("联系人")

    def __str__(self) -> str:
        return self.name


class ObstacleQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = ("project__owner", "department")


class Obstacle(ChangeLoggedModel):
    """堵点/问题: raised by a project's owner, routed to a department with a time limit, closed by the owner."""

    class Category(models.TextChoices):
        LAND = "land", _("用地")
        PERMITS = "permits", _("审批手续")
        UTILITIES = "utilities", _("水电气配套")
        FINANCING = "financing", _("资金融资")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        RAISED = "raised", _("待转办")
        ROUTED = "routed", _("办理中")
        ANSWERED = "answered", _("已答复")
        SOLVED = "solved", _("已解决")

    project = models.ForeignKey(Project, verbose_name=_("重点项目"), on_delete=models.PROTECT,
                                related_name="obstacles")
    category = models.CharField(_("类别"), max_length=12, choices=Category.choices)
    description = models.TextField(_("问题描述"))
    status = models.CharField(_("状态"), max_length=10, choices=Status.choices, default=Status.RAISED)
    department = models.ForeignKey("units.Unit", verbose_name=_("责任部门"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="obstacles")
    due = models.DateField(_("办理时限"), null=True, blank=True)
    answer = models.TextField(_("答复"), blank=True)

    objects = ObstacleQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("堵点问题")
        verbose_name_plural = _("堵点问题")

    def __str__(self) -> str:
        return f"{self.project.name}:{self.get_category_display()}"

    @property
    def status_colour(self) -> str:
        return OBSTACLE_COLOURS[self.status]


#: An obstacle's workflow state is a progress mark; overdue (逾期) is the judgement shown beside it.
OBSTACLE_COLOURS = {"raised": PROGRESS, "routed": PROGRESS, "answered": PROGRESS, "solved": FINISHED}


class ObstacleStep(StepRecord):
    """堵点办理记录: one step of an obstacle (raised, routed, answered, reopened, solved): who and when."""

    obstacle = models.ForeignKey(Obstacle, on_delete=models.CASCADE, related_name="steps")
    by_name = models.CharField(_("操作人姓名"), max_length=150)  # the table's own label, kept

    class Meta:
        ordering = ["obstacle", "at", "pk"]
        verbose_name = _("堵点办理记录")
        verbose_name_plural = _("堵点办理记录")
