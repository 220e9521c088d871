import pytest
from django.urls import reverse

from luoshi.core.context import change_context
from luoshi.core.models import ObjectChange
from luoshi.plans.models import Target

pytestmark = pytest.mark.django_db


def changes_of(obj):
    return ObjectChange.objects.filter(changed_object_id=obj.pk, object_repr=str(obj)).order_by("time", "pk")


def test_create_update_delete_are_logged_with_who_and_before_after(analyst, fai_target):
    with change_context(user=analyst) as ctx:
        fai_target.value = 7100
        fai_target.save()
    change = ObjectChange.objects.get(request_id=ctx.request_id)
    assert change.user == analyst and change.user_name == "analyst" and change.request_id == ctx.request_id
    assert change.diff == {"value": ("7000", "7100")}
    target_pk = fai_target.pk
    with change_context(user=analyst):
        fai_target.delete()
    deleted = ObjectChange.objects.get(action="delete", changed_object_id=target_pk,
                                       changed_object_type__model="target")
    assert deleted.prechange_data["indicator"] == "固定资产投资" and deleted.postchange_data is None


def test_saving_without_a_change_writes_no_entry(fai_target):
    before = ObjectChange.objects.count()
    fai_target.save()
    assert ObjectChange.objects.count() == before


def test_loading_the_plan_logs_its_creation(plan):
    created = ObjectChange.objects.filter(action="create", changed_object_type__model="target")
    assert created.count() == 12 and {c.user_name for c in created} == {"system"}
    assert set(created.values_list("changed_object_id", flat=True)) == set(plan.targets.values_list("pk", flat=True))


def test_an_edit_through_the_admin_carries_the_request_user_and_id(client_for, admin_user, fai_target):
    client = client_for(admin_user)
    url = reverse("admin:units_unit_change", args=[fai_target.owner_id])
    owner = fai_target.owner
    response = client.post(url, {"name": owner.name, "short_name": "发改委", "code": owner.code, "kind": owner.kind,
                                 "parent": owner.parent_id, "order": owner.order, "is_public": "on"})
    assert response.status_code == 302
    change = ObjectChange.objects.get(action="update", changed_object_type__model="unit", changed_object_id=owner.pk)
    assert change.user == admin_user and change.request_id is not None
    assert change.diff["short_name"] == ("市发展改革委", "发改委")


def test_targets_are_archived_not_lost(fai_target):
    Target.objects.filter(pk=fai_target.pk).update(archived=True)
    assert not Target.objects.active().filter(pk=fai_target.pk).exists()
    assert Target.objects.filter(pk=fai_target.pk).exists()
