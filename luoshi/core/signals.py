"""Write the change log for every ChangeLoggedModel (NetBox's core/signals.py, simplified)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from luoshi.core.context import current
from luoshi.core.models import ChangeLoggedModel, ObjectChange


def _logged(instance) -> bool:
    return isinstance(instance, ChangeLoggedModel)


@receiver(pre_save)
def remember_prechange(sender, instance, raw=False, **kwargs):
    if raw or not _logged(instance) or instance.pk is None:
        return
    previous = sender._base_manager.filter(pk=instance.pk).first()
    instance._prechange = previous.snapshot() if previous else None


@receiver(post_save)
def log_save(sender, instance, created, raw=False, **kwargs):
    if raw or not _logged(instance):
        return
    before = None if created else getattr(instance, "_prechange", None)
    after = instance.snapshot()
    if not created and before == after:
        return
    record(instance, ObjectChange.Action.CREATE if created else ObjectChange.Action.UPDATE, before, after)


@receiver(post_delete)
def log_delete(sender, instance, **kwargs):
    if _logged(instance):
        record(instance, ObjectChange.Action.DELETE, instance.snapshot(), None)


def record(instance, action: str, before: dict | None, after: dict | None) -> ObjectChange:
    ctx = current()
    user = ctx.user
    return ObjectChange.objects.create(
        user=user if user is not None and user.pk else None,
        user_name=getattr(user, "username", "") or "system",
        request_id=ctx.request_id,
        action=action,
        changed_object_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        changed_object_id=instance.pk,
        object_repr=str(instance)[:200],
        prechange_data=before,
        postchange_data=after,
    )
