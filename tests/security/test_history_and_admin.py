"""变更记录 is read within one's jurisdiction; the admin deletes nothing people entered, and nothing cascades."""

import pytest
from django.contrib import admin
from django.urls import reverse

from luoshi.accounts.models import User
from luoshi.core.admin import ArchiveNotDelete
from luoshi.core.context import change_context
from luoshi.core.models import ObjectChange
from luoshi.plans.models import Assignment, Plan, Target
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def edits(fai_target, assignments, analyst):
    """One change at the city (the target) and one at 金水区 (its quota)."""
    with change_context(user=analyst):
        fai_target.value = 7300
        fai_target.save()
        quota = assignments["金水区"]
        quota.value = 950
        quota.save()
    return fai_target, quota


def shown(response) -> set[tuple[str, int]]:
    return {(c.changed_object_type.model, c.changed_object_id) for c in response.context["page"]}


def test_a_district_analyst_reads_the_district_not_the_city(client_for, units, edits):
    target, quota = edits
    district = make_user("js_analyst", User.Role.ANALYST, units["金水区"])
    rows = shown(client_for(district).get(reverse("core:changes")))
    assert ("assignment", quota.pk) in rows and ("target", target.pk) not in rows


@pytest.mark.parametrize("persona", ["analyst", "leader", "admin_user"])
def test_the_city_and_admins_read_both(request, client_for, persona, edits):
    target, quota = edits
    response = client_for(request.getfixturevalue(persona)).get(reverse("core:changes"))
    assert response.status_code == 200 and {("target", target.pk), ("assignment", quota.pk)} <= shown(response)


def test_reporters_and_strangers_are_refused(client, client_for, jinshui_reporter, edits):
    assert client.get(reverse("core:changes")).status_code == 302
    assert client_for(jinshui_reporter).get(reverse("core:changes")).status_code == 403
    assert client_for(jinshui_reporter).get("/api/v1/changes").status_code == 403


def test_an_objects_history_is_linked_from_its_page_and_filtered(client_for, analyst, edits):
    target, _ = edits
    client = client_for(analyst)
    page = client.get(reverse("plans:target", args=[target.pk])).content.decode()
    link = f'{reverse("core:changes")}?object_type=plans.target&amp;object_id={target.pk}'
    assert link in page and "变更记录" in page
    response = client.get(reverse("core:changes"), {"object_type": "plans.target", "object_id": target.pk,
                                                     "action": "update"})
    assert shown(response) == {("target", target.pk)} and "7300" in response.content.decode()


def test_a_bad_filter_is_named_not_a_server_error(client_for, analyst):
    response = client_for(analyst).get(reverse("core:changes"), {"since": "2025-13-40", "object_type": "x.y"})
    assert response.status_code == 422
    assert "since" in response.content.decode() and "没有这种对象类型" in response.content.decode()


def test_the_api_gives_one_objects_history(client_for, analyst, units, edits):
    target, _ = edits
    client = client_for(analyst)
    body = client.get("/api/v1/changes", {"object_type": "plans.target", "object_id": target.pk}).json()
    assert body["count"] >= 2 and {c["action"] for c in body["changes"]} >= {"create", "update"}
    update = next(c for c in body["changes"] if c["action"] == "update")
    assert (update["before"]["value"], update["after"]["value"], update["user"]) == ("7000", "7300", "analyst")
    district = make_user("js_analyst", User.Role.ANALYST, units["金水区"])
    hidden = client_for(district).get("/api/v1/changes", {"object_type": "plans.target", "object_id": target.pk})
    assert hidden.json()["count"] == 0
    bad = client_for(analyst).get("/api/v1/changes", {"object_id": "abc"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "object_id"


def test_every_luoshi_admin_and_inline_refuses_to_delete():
    for model, model_admin in admin.site._registry.items():
        if not model.__module__.startswith("luoshi."):
            continue
        assert isinstance(model_admin, ArchiveNotDelete), model
        assert not model_admin.has_delete_permission(None)
        for inline in model_admin.inlines:
            assert issubclass(inline, ArchiveNotDelete), inline


def test_an_admin_delete_is_refused_and_nothing_cascades(client_for, admin_user, plan, assignments):
    client = client_for(admin_user)
    counts = (Plan.objects.count(), Target.objects.count(), Assignment.objects.count())
    assert client.get(reverse("admin:plans_plan_delete", args=[plan.pk])).status_code == 403
    assert client.post(reverse("admin:plans_plan_delete", args=[plan.pk]), {"post": "yes"}).status_code == 403
    changelist = reverse("admin:plans_target_changelist")
    page = client.get(changelist).content.decode()
    assert 'value="delete_selected"' not in page and 'value="archive_selected"' in page
    pks = [str(t.pk) for t in plan.targets.all()[:2]]
    client.post(changelist, {"action": "delete_selected", "_selected_action": pks, "post": "yes"})
    assert (Plan.objects.count(), Target.objects.count(), Assignment.objects.count()) == counts
    assert not ObjectChange.objects.filter(action="delete").exists()


def test_the_admin_archives_instead(client_for, admin_user, fai_target):
    client = client_for(admin_user)
    client.post(reverse("admin:plans_target_changelist"), {"action": "archive_selected",
                                                           "_selected_action": [fai_target.pk]})
    fai_target.refresh_from_db()
    assert fai_target.archived
    assert ObjectChange.objects.filter(changed_object_id=fai_target.pk, action="update", user=admin_user,
                                       changed_object_type__model="target").exists()
