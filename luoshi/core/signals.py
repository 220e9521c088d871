"""Write the change log for every ChangeLoggedModel (NetBox's core/signals.py, simplified).

Saves and deletes are logged per object; many-to-many changes (add, remove, clear, from either side) are
an UPDATE of the object that holds the field, its ids before and after in the JSON; within one request
they join that request's entry for the object, as in NetBox. Bulk writes of child rows go through
`luoshi.core.bulk`.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from luoshi.core.context import SYSTEM_ACTOR, current
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


@receiver(m2m_changed)
def log_m2m(sender, instance, action, reverse, model, pk_set, **kwargs):
    """pre_*: remember the holders' snapshots; post_*: log those whose snapshot changed."""
    phase, _, _kind = action.partition("_")
    if phase == "pre":
        instance._m2m_before = {o.pk: (o, o.snapshot()) for o in _holders(sender, instance, reverse, model, pk_set)}
        return
    for holder, before in instance.__dict__.pop("_m2m_before", {}).values():
        after = holder.snapshot()
        if after != before:
            record_update(holder, before, after)


def _holders(through, instance, reverse: bool, model, pk_set) -> list:
    """The change-logged objects whose many-to-many field (through THROUGH) is about to change."""
    if not reverse:
        return [instance] if _logged(instance) else []
    if not issubclass(model, ChangeLoggedModel):
        return []
    if pk_set is not None:
        return list(model._base_manager.filter(pk__in=pk_set))
    field = next(f for f in model._meta.many_to_many if f.remote_field.through is through)
    return list(model._base_manager.filter(**{field.name: instance}))


def record_update(instance, before: dict, after: dict) -> ObjectChange:
    """Log an UPDATE of INSTANCE (a many-to-many or bulk change), folded into this request's entry for it
    when there is one (its "before" completed with the keys it lacked)."""
    ctx = current()
    earlier = ObjectChange.objects.filter(
        changed_object_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        changed_object_id=instance.pk, request_id=ctx.request_id,
    ).exclude(action=ObjectChange.Action.DELETE).first()
    if earlier is None:
        return record(instance, ObjectChange.Action.UPDATE, before, after)
    if earlier.prechange_data is not None:
        earlier.prechange_data = {**before, **earlier.prechange_data}
    earlier.postchange_data = after
    earlier.save(update_fields=["prechange_data", "postchange_data"])
    return earlier


def owning_unit(instance):
    """The unit INSTANCE belongs to now (itself for a unit), after its model's scoping declaration.

    The declaration is the queryset's `unit_field` (first single-valued one) or else `plan_field`
    (the issuing unit of its plan); a model declaring neither takes the unit of its first change-logged
    parent (a target's milestone: the target's); a model with none of these has no unit.
    """
    unit_model = ObjectChange._meta.get_field("unit").related_model
    if isinstance(instance, unit_model):
        return instance
    for lookup in unit_lookups(type(instance)):
        unit = _follow(instance, lookup)
        if isinstance(unit, unit_model):
            return unit
    parent = _logged_parent(instance)
    return owning_unit(parent) if parent is not None else None


def unit_lookups(model) -> tuple[str, ...]:
    declared = type(model._default_manager.get_queryset())
    units = getattr(declared, "unit_field", ()) or ()
    units = (units,) if isinstance(units, str) else tuple(units)
    plan = getattr(declared, "plan_field", None)
    return units + ((plan,) if plan else ())


def has_unit(model) -> bool:
    """Whether rows of MODEL belong to a unit (else they are a shared catalogue: series, time limits…)."""
    unit_model = ObjectChange._meta.get_field("unit").related_model
    if issubclass(model, unit_model) or unit_lookups(model):
        return True
    return any(has_unit(f.related_model) for f in _parent_fields(model))


def _parent_fields(model):
    return [f for f in model._meta.concrete_fields if f.many_to_one and f.name != "created_by"
            and issubclass(f.related_model, ChangeLoggedModel) and f.related_model is not model]


def _logged_parent(instance):
    for f in _parent_fields(type(instance)):
        parent = _follow(instance, f.name)
        if parent is not None:
            return parent
    return None


def _follow(instance, lookup: str):
    """The object at LOOKUP ("plan__issuer") from INSTANCE; None past a missing or many-valued step."""
    value = instance
    for step in lookup.split("__"):
        try:
            value = getattr(value, step, None)
        except ObjectDoesNotExist:
            return None
        if value is None or hasattr(value, "all"):
            return None
    return value


def record(instance, action: str, before: dict | None, after: dict | None) -> ObjectChange:
    change = _change(instance, action, before, after)
    change.save()
    return change


def record_updates(instances: list, befores: list[dict]) -> list[ObjectChange]:
    """The UPDATE of each of INSTANCES (changed together, by one queryset update) from its BEFORES snapshot to
    its snapshot now: the same entries as saving them one by one would log."""
    return record_all([(instance, ObjectChange.Action.UPDATE, before, instance.snapshot())
                       for instance, before in zip(instances, befores, strict=True)])


def record_all(changes: list[tuple]) -> list[ObjectChange]:
    """`record` for each (instance, action, before, after) of CHANGES, written in one insert."""
    return ObjectChange.objects.bulk_create([_change(*change) for change in changes])


def _change(instance, action: str, before: dict | None, after: dict | None) -> ObjectChange:
    ctx = current()
    user = ctx.user
    return ObjectChange(
        user=user if user is not None and user.pk else None,
        user_name=getattr(user, "username", "") or SYSTEM_ACTOR,
        request_id=ctx.request_id,
        action=action,
        changed_object_type=ContentType.objects.get_for_model(instance, for_concrete_model=True),
        changed_object_id=instance.pk,
        object_repr=str(instance)[:200],
        unit=owning_unit(instance),
        prechange_data=before,
        postchange_data=after,
    )
