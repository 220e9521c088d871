"""Redirect targets from the request (`next`, the Referer) never leave the site."""

import pytest
from django.test import RequestFactory
from django.urls import reverse

from luoshi.core.redirects import safe_next
from luoshi.projects.models import Project
from luoshi.tasks import workflow

EVIL = "https://phish.example.net/luoshi/login/"


@pytest.mark.parametrize(("data", "meta", "expected"), [
    ({"next": "/tasks/7/"}, {}, "/tasks/7/"),
    ({"next": EVIL}, {}, "/plans/"),
    ({"next": "//phish.example.net/"}, {}, "/plans/"),
    ({"next": "javascript:alert(1)"}, {}, "/plans/"),
    ({}, {"HTTP_REFERER": "http://testserver/projects/3/"}, "http://testserver/projects/3/"),
    ({}, {"HTTP_REFERER": EVIL}, "/plans/"),
    ({"next": EVIL}, {"HTTP_REFERER": "http://testserver/tasks/"}, "http://testserver/tasks/"),
])
def test_safe_next_keeps_only_this_sites_pages(data, meta, expected):
    request = RequestFactory().post("/x/", data, **meta)
    assert safe_next(request, "plans:list") == expected


def test_an_http_target_is_refused_on_an_https_request():
    request = RequestFactory().post("/x/", {"next": "http://testserver/plans/"}, secure=True)
    assert safe_next(request, "/tasks/") == "/tasks/"


@pytest.mark.django_db
def test_a_failed_project_action_does_not_follow_a_foreign_next(client_for, jinshui_reporter, units):
    project = Project.objects.create(code="T-SEC-1", name="安全测试项目", owner=units["金水区"])
    client = client_for(jinshui_reporter)
    response = client.post(reverse("projects:stage", args=[project.pk]), {"next": EVIL}, HTTP_REFERER=EVIL)
    assert response.status_code == 302 and response.url == reverse("projects:list")
    back = client.post(reverse("projects:stage", args=[project.pk]), {"next": f"/projects/{project.pk}/"})
    assert back.url == f"/projects/{project.pk}/"


@pytest.mark.django_db
def test_a_refused_task_step_does_not_follow_a_foreign_referer(client_for, leader, units, jinshui_reporter,
                                                               settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    task = workflow.issue(leader, title="安全测试事项", lead_unit=units["金水区"])
    response = client_for(jinshui_reporter).post(reverse("tasks:step", args=[task.pk, "no-such-step"]),
                                                 HTTP_REFERER=EVIL)
    assert response.status_code == 302 and response.url == reverse("tasks:list")
