"""单位: the administrative and departmental units that own targets and report figures."""

from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import ChangeLoggedModel


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(archived=False)

    def within(self, unit: "Unit"):
        """辖区: UNIT and every unit below it (one indexed prefix match on the path)."""
        return self.filter(path__startswith=unit.path)


class Unit(ChangeLoggedModel):
    """单位: a node of the government hierarchy (province → city → district …) or a department."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("省")
        CITY = "city", _("市")
        DISTRICT = "district", _("市辖区")
        COUNTY_CITY = "county_city", _("县级市")
        COUNTY = "county", _("县")
        ZONE = "zone", _("功能区")
        DEPARTMENT = "department", _("部门")

    name = models.CharField(_("名称"), max_length=100)
    short_name = models.CharField(_("简称"), max_length=50, blank=True)
    code = models.CharField(_("代码"), max_length=32, unique=True,
                            help_text=_("行政区划代码,或部门、功能区的内部代码"))
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", verbose_name=_("上级单位"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    order = models.PositiveIntegerField(_("排序"), default=0)
    is_public = models.BooleanField(_("对外公开"), default=True,
                                    help_text=_("公开单位的分解任务可出现在公众承诺页"))
    archived = models.BooleanField(_("已归档"), default=False)
    path = models.CharField(_("层级路径"), max_length=400, editable=False, db_index=True, default="",
                            help_text=_("自根单位起的代码路径,如 /410000/410100/;用于辖区范围"))

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        # Codes differ in more than case: a jurisdiction is a prefix match on the path of codes, which SQLite's
        # LIKE makes regardless of case: units coded 410100.ab and 410100.AB would each reach the other's subtree.
        constraints = [models.UniqueConstraint(Lower("code"), name="unit_code_unique_ignoring_case",
                                               violation_error_message=_("已有单位使用此代码(不区分大小写)"))]
        verbose_name = _("单位")
        verbose_name_plural = _("单位")

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return shown_name(self.name, self.short_name, self.kind)

    def save(self, *args, **kwargs):
        """Keep the path of this unit and of every unit below it in step with the parent and code."""
        old_path, self.path = self.path, self.path_under(self.parent)
        super().save(*args, **kwargs)
        if old_path and old_path != self.path:
            for below in Unit.objects.filter(path__startswith=old_path).exclude(pk=self.pk):
                Unit.objects.filter(pk=below.pk).update(path=self.path + below.path[len(old_path):])

    def path_under(self, parent: "Unit | None") -> str:
        return f"{parent.path if parent else '/'}{self.code}/"

    def contains(self, other: "Unit | None") -> bool:
        """Whether OTHER is this unit or lies below it."""
        return other is not None and other.path.startswith(self.path)


COUNTY_LEVEL = (Unit.Kind.DISTRICT, Unit.Kind.COUNTY_CITY, Unit.Kind.COUNTY)


def shown_name(name: str, short_name: str, kind: str) -> str:
    """The name tables and messages show of a unit: the short name (郑州, 高新区, 市发展改革委), except for
    county-level divisions, whose short name drops the 区/县/市 that tells them apart (金水区, 中牟县)."""
    if kind in COUNTY_LEVEL:
        return name
    return short_name or name
