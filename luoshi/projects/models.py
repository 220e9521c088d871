"""重点项目: the projects on the city's key-project list, whose investment carries the targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel


class ProjectQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    unit_field = "owner"


class Project(ChangeLoggedModel):
    """重点项目: a project on the key-project list; its completed investment is reported like any figure."""

    code = models.CharField(_("项目编号"), max_length=40, unique=True)
    name = models.CharField(_("项目名称"), max_length=200)
    owner = models.ForeignKey("units.Unit", verbose_name=_("属地单位"), on_delete=models.PROTECT,
                              related_name="projects", help_text=_("项目所在县区或功能区;由其填报项目数据"))
    department = models.ForeignKey("units.Unit", verbose_name=_("责任部门"), null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="led_projects")
    archived = models.BooleanField(_("已归档"), default=False)

    objects = ProjectQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("重点项目")
        verbose_name_plural = _("重点项目")

    def __str__(self) -> str:
        return self.name
