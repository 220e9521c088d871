"""站内通知: one notice for one person, and whether that person also wants them by email."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.core.labels import sentence
from luoshi.core.models import ChangeLoggedModel
from luoshi.lib.judgement.words import msg


class NotificationQuerySet(models.QuerySet):
    def of(self, user):
        """A person sees only their own notices."""
        return self.filter(recipient=user) if user.is_authenticated else self.none()

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """站内提醒: one notice for one person about one event or item, at most once a day (key + day unique)."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    unit = models.ForeignKey("units.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(_("事项键"), max_length=120, help_text=_("如 task:12:overdue、figure:3:2023M03"))
    day = models.DateField(_("日期"))
    title = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    words = models.JSONField(_("措辞"), null=True, blank=True,
                             help_text=_("标题的原句与参数,按读者的语言显示;标题是其中文"))
    emailed = models.BooleanField(_("已发邮件"), default=False)
    created = models.DateTimeField(_("时间"), auto_now_add=True)
    read_at = models.DateTimeField(_("已读时间"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created", "-pk"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key", "day"], name="notification_once_a_day")]
        verbose_name = _("站内提醒")
        verbose_name_plural = _("站内提醒")

    def __str__(self) -> str:
        return self.title

    @property
    def shown(self) -> str:
        """The title in the reader's language: its sentence translated, then filled (else as stored)."""
        if not self.words:
            return self.title
        try:
            return sentence(msg(self.words["title"], **self.words["args"]), self.title)
        except (KeyError, TypeError, ValueError):
            return self.title


class Preference(ChangeLoggedModel):
    """通知设置: whether a person also receives their notices by email (the inbox always has them)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, verbose_name=_("用户"), on_delete=models.CASCADE,
                                related_name="notice_preference")
    email = models.BooleanField(_("邮件通知"), default=True)

    class Meta:
        verbose_name = _("通知设置")
        verbose_name_plural = _("通知设置")

    def __str__(self) -> str:
        return f"{self.user}"
