"""企业库: one register of enterprises shared by industry chains, key projects and investment leads.

An enterprise is entered once and referred to everywhere (a chain node's firms, a project's investor, a
lead's company), never copied as text. Firms located in the city sit in a unit; firms outside it (the
靶向招商 targets a chain wants to approach) have none. Enterprises are archived, never deleted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import RestrictedQuerySetMixin
from luoshi.core.models import ChangeLoggedModel
from luoshi.enterprises.credit_code import validate_credit_code


class EnterpriseQuerySet(RestrictedQuerySetMixin, models.QuerySet):
    """In scope: firms registered by a unit within reach, or sitting in one."""

    unit_field = ("register_unit", "unit")

    def active(self):
        return self.filter(archived=False)


class Enterprise(ChangeLoggedModel):
    """企业: a firm in the register; its scale, where it sits (a unit in the city) or that it is outside."""

    class Scale(models.TextChoices):
        ANCHOR = "anchor", _("链主")
        ABOVE = "above", _("规上")
        SPECIALISED = "specialised", _("专精特新")
        OTHER = "other", _("其他")

    name = models.CharField(_("企业名称"), max_length=200)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True,
                                   validators=[validate_credit_code], help_text=_("已知时填写;校验 GB 32100-2015 校验位"))
    scale = models.CharField(_("企业规模"), max_length=12, choices=Scale.choices, default=Scale.OTHER)
    register_unit = models.ForeignKey("units.Unit", verbose_name=_("登记单位"), on_delete=models.PROTECT,
                                      related_name="registered_enterprises",
                                      help_text=_("把该企业录入企业库的城市或单位;决定谁能查看和修改"))
    unit = models.ForeignKey("units.Unit", verbose_name=_("所在单位"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="enterprises",
                             help_text=_("企业所在的县区或功能区;市外企业不填"))
    outside = models.BooleanField(_("市外企业"), default=False, help_text=_("位于本市以外(靶向招商对象)"))
    location = models.CharField(_("所在地"), max_length=100, blank=True, help_text=_("市外企业所在城市,如 上海"))
    archived = models.BooleanField(_("已归档"), default=False)

    objects = EnterpriseQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["credit_code"], condition=~models.Q(credit_code=""),
                                    name="enterprise_credit_code_unique"),
            models.CheckConstraint(condition=models.Q(outside=False) | models.Q(unit__isnull=True),
                                   name="enterprise_outside_has_no_unit"),
        ]
        verbose_name = _("企业")
        verbose_name_plural = _("企业")

    def __str__(self) -> str:
        return self.name
