"""用户与角色: who may see and change what."""

import copy
import hashlib
import secrets
from datetime import timedelta

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from luoshi.accounts.scoping import VIEW, Reach, reach
from luoshi.accounts.tokens import LiveTokens


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

    @cached_property
    def jurisdiction(self) -> Reach:
        """辖区: the units this user sees (their unit and what lies below it; everything for admins)."""
        return reach(self, VIEW)

    @property
    def edits_plans(self) -> bool:
        """Plans, targets and their decomposition are edited by analysts and admins."""
        return self.is_superuser or self.role in (self.Role.ADMIN, self.Role.ANALYST)


class ApiToken(models.Model):
    """API 令牌: lets a program act as its user through the JSON API. Only a hash is stored."""

    user = models.ForeignKey(User, verbose_name=_("用户"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("名称"), max_length=100)
    prefix = models.CharField(_("前缀"), max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    last_used = models.DateTimeField(_("最近使用"), null=True, blank=True)
    revoked = models.BooleanField(_("已吊销"), default=False)

    class Scope(models.TextChoices):
        READ = "read", _("只读")
        WRITE = "write", _("读写")

    scope = models.CharField(_("权限范围"), max_length=5, choices=Scope.choices, default=Scope.WRITE,
                             help_text=_("只读令牌只能发出 GET 请求"))

    #: A token's last use is written at most this often, so that reading through the API stays a read.
    LAST_USED_EVERY = timedelta(minutes=1)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.user} · {self.name} ({self.prefix}…)"

    @staticmethod
    def digest(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()

    @classmethod
    def issue(cls, user: "User", name: str, scope: str = Scope.WRITE) -> tuple["ApiToken", str]:
        """A new token for USER; the plain key is returned once and never stored."""
        key = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=key[:8], key_hash=cls.digest(key), scope=scope)
        return token, key

    @classmethod
    def active(cls, key: str) -> "ApiToken | None":
        """The live token of KEY (not revoked, its user active), its last use noted; else None. Found once a
        minute at most per process (`LIVE`); each caller gets its own copy of the token and its user."""
        digest = cls.digest(key)
        token = LIVE.get(digest)
        if token is None:
            token = cls._found(digest)
            if token is None:
                return None
            LIVE.put(digest, token)
        mine = copy.copy(token)
        mine.user = copy.copy(token.user)
        return mine

    @classmethod
    def _found(cls, digest: str) -> "ApiToken | None":
        token = cls.objects.select_related("user__unit").filter(key_hash=digest, revoked=False).first()
        if token is None or not token.user.is_active:
            return None
        now = timezone.now()
        if token.last_used is None or now - token.last_used >= cls.LAST_USED_EVERY:
            cls.objects.filter(pk=token.pk).update(last_used=now)
            token.last_used = now
        return token

    @property
    def read_only(self) -> bool:
        return self.scope == self.Scope.READ


#: The live tokens of this process, each kept for the minute in which its last use is not written again.
LIVE = LiveTokens(ttl=ApiToken.LAST_USED_EVERY.total_seconds())
for _model in (ApiToken, User, "units.Unit"):  # a revoked token, a deactivated user: refused at once
    post_save.connect(LIVE.clear, sender=_model, weak=False, dispatch_uid=f"live-tokens-save-{_model}")
    post_delete.connect(LIVE.clear, sender=_model, weak=False, dispatch_uid=f"live-tokens-delete-{_model}")
