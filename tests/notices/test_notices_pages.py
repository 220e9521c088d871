"""The inbox page, the unread badge in the navigation and the API: each person sees only their own notices."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from luoshi.notices.delivery import DOERS, Notice, notify
from luoshi.notices.models import Notification

DAY = dt.date(2023, 5, 8)


@pytest.fixture
def notes(units, jinshui_reporter, erqi_reporter):
    """Two notices for the 金水区 reporter, one for the 二七区 reporter."""
    notify(Notice(units["金水区"].pk, "p:1", "金水一", "/plans/", DOERS), Notice(units["金水区"].pk, "p:2", "金水二", "", DOERS),
           Notice(units["二七区"].pk, "p:3", "二七一", "/plans/", DOERS), day=DAY)
    return {n.title: n for n in Notification.objects.all()}


def badge(client) -> str:
    nav = client.get(reverse("plans:list")).content.decode().split('id="inbox-link"')[1].split("</a>")[0]
    return nav.split('class="badge"')[1].split(">")[1].split("<")[0] if 'class="badge"' in nav else ""


def test_the_navigation_counts_the_unread(client_for, notes, jinshui_reporter, erqi_reporter):
    client = client_for(jinshui_reporter)
    assert badge(client) == "2"
    client.post(reverse("notices:read", args=[notes["金水一"].pk]))
    assert badge(client) == "1"
    client.post(reverse("notices:read_all"))
    assert badge(client) == ""
    assert badge(client_for(erqi_reporter)) == "1"


def test_the_inbox_filters_unread_and_marks_one_read(client_for, notes, jinshui_reporter):
    client = client_for(jinshui_reporter)
    client.post(reverse("notices:read", args=[notes["金水一"].pk]))
    everything = client.get(reverse("notices:inbox")).content.decode()
    unread = client.get(reverse("notices:inbox") + "?show=unread").content.decode()
    assert "金水一" in everything and "金水二" in everything and "二七一" not in everything
    assert "金水一" not in unread and "金水二" in unread
    client.post(reverse("notices:read_all"))
    assert "没有未读提醒" in client.get(reverse("notices:inbox") + "?show=unread").content.decode()


def test_another_persons_notice_cannot_be_marked(client_for, notes, erqi_reporter):
    response = client_for(erqi_reporter).post(reverse("notices:read", args=[notes["金水一"].pk]))
    assert response.status_code == 404
    assert Notification.objects.get(pk=notes["金水一"].pk).read_at is None


def test_the_email_choice_is_kept_and_logged(client_for, jinshui_reporter):
    from luoshi.core.models import ObjectChange

    client = client_for(jinshui_reporter)
    client.post(reverse("notices:email"), {"email": "off"})
    assert "开启邮件通知" in client.get(reverse("notices:inbox")).content.decode()
    assert jinshui_reporter.notice_preference.email is False
    client.post(reverse("notices:email"), {"email": "on"})
    jinshui_reporter.notice_preference.refresh_from_db()
    assert jinshui_reporter.notice_preference.email is True
    logged = ObjectChange.objects.filter(changed_object_type__model="preference",
                                         changed_object_id=jinshui_reporter.notice_preference.pk)
    assert list(logged.order_by("pk").values_list("action", flat=True)) == ["create", "update"]


def test_the_old_inbox_address_still_leads_to_it(client_for, jinshui_reporter):
    response = client_for(jinshui_reporter).get("/tasks/inbox/")
    assert response.status_code == 301 and response.url == reverse("notices:inbox")


def test_the_api_lists_and_marks_ones_own(token_client, notes, jinshui_reporter, erqi_reporter):
    client = token_client(jinshui_reporter)
    listed = client.get("/api/v1/notifications").json()
    assert sorted(n["title"] for n in listed) == ["金水一", "金水二"]
    one = client.post(f"/api/v1/notifications/{notes['金水一'].pk}/read")
    assert one.status_code == 200 and one.json()["read"] is True
    assert [n["title"] for n in client.get("/api/v1/notifications?unread=true").json()] == ["金水二"]
    assert client.post(f"/api/v1/notifications/{notes['二七一'].pk}/read").status_code == 404
    assert client.post("/api/v1/notifications/read").json() == {"marked": 1}
    assert client.get("/api/v1/notifications?unread=true").json() == []
    other = token_client(erqi_reporter).get("/api/v1/notifications").json()
    assert [n["title"] for n in other] == ["二七一"] and other[0]["read"] is False


def test_the_api_needs_a_signed_in_person(client, notes):
    response = client.get("/api/v1/notifications")
    assert response.status_code == 401 and "error" in response.json()


def test_an_event_notice_reads_in_the_readers_language(client_for, analyst, units, jinshui_reporter):
    from luoshi.tasks import workflow

    workflow.issue(analyst, title="背街小巷整治", lead_unit=units["金水区"])
    client = client_for(jinshui_reporter)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("notices:inbox")).content.decode()
    with translation.override("en"):
        english = gettext("新交办督办事项“%(task)s”,请签收") % {"task": "背街小巷整治"}
    assert english.startswith("New") and english in page and "请签收" not in page
    assert Notification.objects.get().title == "新交办督办事项“背街小巷整治”,请签收"  # stored (and emailed) in Chinese
