"""用户与角色: who may see and change what."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A Luoshi user with one role; a reporter (填报员) is bound to exactly one unit."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("系统管理员")
        ANALYST = "analyst", _("分析员(发改委/督查室)")
        LEADER = "leader", _("领导")
        REPORTER = "reporter", _("填报员")

    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.REPORTER)
    unit = models.ForeignKey("units.Unit", verbose_name=_("所属单位"), null=True, blank=True,
                             on_delete=models.PROTECT, related_name="users")
    display_name = models.CharField(_("姓名"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.display_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role == self.Role.REPORTER and self.unit_id is None:
            raise ValidationError({"unit": _("填报员必须绑定一个单位。")})

    def save(self, *args, **kwargs):
        """System admins (系统管理员) run Django's admin with every permission; nobody else enters it."""
        if self.role == self.Role.ADMIN:
            self.is_superuser = True
        self.is_staff = self.is_superuser
        super().save(*args, **kwargs)

    @property
    def sees_all_units(self) -> bool:
        """Analysts, leaders and admins read every unit's data; reporters only their own."""
        return self.is_superuser or self.role in (self.Role.ADMIN, self.Role.ANALYST, self.Role.LEADER)

    @property
    def edits_plans(self) -> bool:
        """Plans, targets and their decomposition are edited by analysts and admins."""
        return self.is_superuser or self.role in (self.Role.ADMIN, self.Role.ANALYST)
