"""Base models and the change log (变更记录), after NetBox's ObjectChange."""

import json
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    """Created/modified and by whom; every model people enter data into builds on it."""

    created = models.DateTimeField(_("创建时间"), auto_now_add=True)
    modified = models.DateTimeField(_("修改时间"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("创建人"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        abstract = True


class ChangeLoggedModel(TimeStampedModel):
    """A model whose every create, update and delete is written to the change log."""

    change_logged = True

    class Meta:
        abstract = True

    def snapshot(self) -> dict:
        """The field values as JSON (many-to-many fields as their sorted ids), decimals written the same
        whether saved or just assigned."""
        data = {}
        for f in self._meta.concrete_fields:
            if f.attname in ("created", "modified"):
                continue
            value = getattr(self, f.attname)
            if isinstance(f, models.DecimalField) and value is not None:
                value = format(Decimal(str(value)).normalize(), "f")
            data[f.attname] = value
        if self.pk is not None:
            for f in self._meta.many_to_many:
                data[f.name] = sorted(getattr(self, f.name).values_list("pk", flat=True))
        return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


class ObjectChange(models.Model):
    """变更记录: one row per create/update/delete: who, when, which request, before and after."""

    class Action(models.TextChoices):
        CREATE = "create", _("新建")
        UPDATE = "update", _("修改")
        DELETE = "delete", _("删除")

    time = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("用户"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="changes",
    )
    user_name = models.CharField(_("用户名"), max_length=150, editable=False)
    request_id = models.UUIDField(_("请求编号"), editable=False, db_index=True)
    action = models.CharField(_("操作"), max_length=10, choices=Action.choices)
    changed_object_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    changed_object_id = models.PositiveBigIntegerField()
    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("所属单位"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text=_("变更时对象所属的单位(用于按辖区查看)"),
    )
    object_repr = models.CharField(_("对象"), max_length=200, editable=False)
    prechange_data = models.JSONField(_("修改前"), null=True, blank=True, editable=False)
    postchange_data = models.JSONField(_("修改后"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-time", "-pk"]
        indexes = [models.Index(fields=["changed_object_type", "changed_object_id"])]
        verbose_name = _("变更记录")
        verbose_name_plural = _("变更记录")

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.object_repr}"

    @property
    def diff(self) -> dict:
        """Fields whose value changed: {field: (before, after)}."""
        before, after = self.prechange_data or {}, self.postchange_data or {}
        return {k: (before.get(k), after.get(k)) for k in sorted(before.keys() | after.keys())
                if before.get(k) != after.get(k)}

    @property
    def shown_diff(self) -> list[tuple[str, object, object]]:
        """`diff` as the page says it: each field by its verbose name, a choice by its label, 是/否 for a
        yes/no field (a field the model no longer has keeps its stored name and value)."""
        model = self.changed_object_type.model_class()
        fields = {} if model is None else {
            **{f.attname: f for f in model._meta.concrete_fields}, **{f.name: f for f in model._meta.many_to_many}}
        shown = []
        for name, values in self.diff.items():
            field = fields.get(name)
            label = str(field.verbose_name) if field is not None else name
            shown.append((label, *(_shown_value(field, v) for v in values)))
        return shown


def _shown_value(field, value):
    """VALUE of FIELD as a reader says it (None and no related ids stay None: the page writes —)."""
    if isinstance(value, list):
        return "、".join(map(str, value)) or None
    if field is None or value is None:
        return value
    if isinstance(field, models.BooleanField):
        return _("是") if value else _("否")
    if field.choices:
        return dict(field.flatchoices).get(value, value)
    return value
