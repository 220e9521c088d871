"""Task pages with the personas: list, detail, steps, evidence upload, issue from the plan text."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.tasks.models import Task


@pytest.mark.parametrize("persona, sees_other", [("jinshui_reporter", False), ("erqi_reporter", False),
                                                 ("analyst", True), ("leader", True)])
def test_each_persona_sees_its_tasks(request, client_for, task, other_task, persona, sees_other):
    client = client_for(request.getfixturevalue(persona))
    listing = client.get("/tasks/").content.decode()
    assert "测试督办事项" in listing and ("中原区的事项" in listing) == sees_other
    assert client.get(f"/tasks/{task.pk}/").status_code == 200
    assert client.get(f"/tasks/{other_task.pk}/").status_code == (200 if sees_other else 404)


def test_reporters_cannot_issue(client_for, jinshui_reporter):
    assert client_for(jinshui_reporter).get("/tasks/new/").status_code == 403


def test_a_measure_selected_in_the_plan_becomes_a_task(client_for, leader, plan, units):
    client = client_for(leader)
    assert 'id="measure-text"' in client.get(f"/plans/{plan.pk}/").content.decode()
    start = plan.text.index("全面推进数字孪生城市建设")
    form = client.get(f"/tasks/new/?plan={plan.pk}&start={start}&end={start + 12}").content.decode()
    assert 'value="全面推进数字孪生城市建设"' in form
    response = client.post("/tasks/new/", {
        "title": "全面推进数字孪生城市建设", "lead_unit": units["金水区"].pk, "co_units": [units["二七区"].pk],
        "deadline": "2099-12-31", "plan": plan.pk, "span_start": start, "span_end": start + 12,
        "milestones": "2099-06-30 完成顶层设计\n2099-12-31 上线运行"})
    task = Task.objects.get()
    assert response.status_code == 302 and task.sentence == "全面推进数字孪生城市建设"
    assert [m.name for m in task.milestones.all()] == ["完成顶层设计", "上线运行"]
    assert task.assigned_by == leader


def test_the_workflow_through_the_pages(client_for, task, jinshui_reporter, leader):
    lead = client_for(jinshui_reporter)
    lead.post(f"/tasks/{task.pk}/step/receive/")
    lead.post(f"/tasks/{task.pk}/step/start/")
    lead.post(f"/tasks/{task.pk}/evidence/", {"file": SimpleUploadedFile("照片.jpg", b"\xff\xd8jpeg"), "note": "现场"})
    lead.post(f"/tasks/{task.pk}/step/request/", {"note": "请审核"})
    assert lead.post(f"/tasks/{task.pk}/step/approve/").status_code == 403
    client_for(leader).post(f"/tasks/{task.pk}/step/approve/", {"note": "同意"})
    task.refresh_from_db()
    assert task.status == "done" and task.evidence.count() == 1
    page = client_for(leader).get(f"/tasks/{task.pk}/").content.decode()
    assert "照片.jpg" in page and "同意办结" in page


def test_an_overdue_task_is_flagged_at_the_top_of_the_assigning_leaders_list(client_for, task, other_task, leader):
    Task.objects.filter(pk=task.pk).update(deadline=dt.date(2023, 1, 1))
    page = client_for(leader).get("/tasks/").content.decode()
    assert page.index("测试督办事项") < page.index("中原区的事项") and "逾期升级" in page


def test_the_pages_speak_english_when_asked(client_for, leader, task):
    client = client_for(leader)
    client.cookies["django_language"] = "en"
    assert "Done within limit, by time-limit class" in client.get("/tasks/").content.decode()
    assert "Lead unit" in client.get(f"/tasks/{task.pk}/").content.decode()
