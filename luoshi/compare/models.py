"""对比组: a peer list a user saved to compare a unit with (e.g. 郑州 with the other national central cities)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.models import ChangeLoggedModel


class PeerGroup(ChangeLoggedModel):
    """对比组: the units (by code) one person compares side by side; theirs alone, archived never deleted."""

    name = models.CharField(_("名称"), max_length=100)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("所有人"), on_delete=models.PROTECT,
                              related_name="peer_groups")
    unit_codes = models.JSONField(_("单位代码"), default=list, help_text=_("参与对比的单位代码,按顺序"))
    archived = models.BooleanField(_("已归档"), default=False)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("对比组")
        verbose_name_plural = _("对比组")

    def __str__(self) -> str:
        return self.name
