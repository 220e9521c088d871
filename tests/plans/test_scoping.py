"""A reporter sees and changes only their own unit: pages, admin and API."""

import pytest
from django.urls import reverse

from luoshi.plans.models import Assignment


def test_reporter_sees_only_own_units_assignment_on_the_target_page(client_for, jinshui_reporter, assignments):
    page = client_for(jinshui_reporter).get(reverse("plans:target", args=[assignments["金水区"].target_id]))
    text = page.content.decode()
    assert "金水区 测试分解" in text and "二七区 测试分解" not in text


def test_analyst_and_leader_see_every_units_assignment(client_for, analyst, leader, assignments):
    for user in (analyst, leader):
        text = client_for(user).get(reverse("plans:target", args=[assignments["金水区"].target_id])).content.decode()
        assert "金水区 测试分解" in text and "二七区 测试分解" in text


def test_reporter_cannot_enter_admin_to_read_or_change_another_units_assignment(client_for, jinshui_reporter,
                                                                                 assignments):
    client = client_for(jinshui_reporter)
    erqi = assignments["二七区"]
    change_url = reverse("admin:plans_assignment_change", args=[erqi.pk])
    assert client.get(change_url).status_code == 302
    response = client.post(change_url, {"target": erqi.target_id, "unit": erqi.unit_id, "value": "1"})
    assert response.status_code == 302 and reverse("admin:login") in response.url
    erqi.refresh_from_db()
    assert erqi.value == 400


def test_restrict_scopes_querysets_for_each_persona(jinshui_reporter, erqi_reporter, analyst, leader, assignments):
    def units_seen(user, action="view"):
        return sorted(a.unit.name for a in Assignment.objects.restrict(user, action))

    assert units_seen(jinshui_reporter) == ["金水区"]
    assert units_seen(erqi_reporter) == ["二七区"]
    assert units_seen(analyst) == units_seen(leader) == ["二七区", "金水区"]
    assert units_seen(jinshui_reporter, "change") == ["金水区"]
    assert units_seen(leader, "change") == []
    assert units_seen(analyst, "change") == ["二七区", "金水区"]


@pytest.mark.django_db
def test_anonymous_and_inactive_users_see_nothing(jinshui_reporter, assignments):
    from django.contrib.auth.models import AnonymousUser

    assert not Assignment.objects.restrict(AnonymousUser()).exists()
    jinshui_reporter.is_active = False
    assert not Assignment.objects.restrict(jinshui_reporter).exists()


def test_api_gives_a_reporter_only_own_units_assignments(client_for, jinshui_reporter, assignments):
    rows = client_for(jinshui_reporter).get("/api/v1/assignments").json()
    assert [r["unit_name"] for r in rows] == ["金水区"]


def test_api_gives_the_analyst_every_assignment(client_for, analyst, assignments):
    rows = client_for(analyst).get(f"/api/v1/assignments?target={assignments['金水区'].target_id}").json()
    assert sorted(r["unit_name"] for r in rows) == ["二七区", "金水区"]
