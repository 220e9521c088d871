"""Supervision tasks through the API, scoped: lead and co-units see a task, other units do not."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.tasks.models import Task


@pytest.fixture
def api(client_for):
    def call(user, method, path, payload=None):
        client = client_for(user)
        if payload is None:
            return getattr(client, method)(f"/api/v1{path}")
        return getattr(client, method)(f"/api/v1{path}", payload, content_type="application/json")
    return call


@pytest.mark.parametrize("persona, sees", [("jinshui_reporter", {"测试督办事项"}), ("erqi_reporter", {"测试督办事项"}),
                                           ("analyst", {"测试督办事项", "中原区的事项"}),
                                           ("leader", {"测试督办事项", "中原区的事项"})])
def test_each_persona_lists_only_its_tasks(request, api, task, other_task, persona, sees):
    user = request.getfixturevalue(persona)
    assert {t["title"] for t in api(user, "get", "/tasks").json()} == sees
    assert api(user, "get", f"/tasks/{other_task.pk}").status_code == (200 if len(sees) == 2 else 404)


def test_a_task_passes_every_status_by_api_with_evidence_and_escalation(api, client_for, leader, jinshui_reporter,
                                                                       erqi_reporter, units, plan, media):
    start = plan.text.index("全面推进数字孪生城市建设")
    created = api(leader, "post", "/tasks", {
        "title": "全面推进数字孪生城市建设", "lead_unit": units["金水区"].code, "co_units": [units["二七区"].code],
        "deadline": "2099-06-30", "plan_id": plan.pk, "span": [start, start + 12],
        "milestones": [["完成方案", "2023-05-01"]]})
    assert created.status_code == 201, created.json()
    task = created.json()
    assert task["sentence"] == "全面推进数字孪生城市建设" and task["status"] == "issued"
    assert task["milestones"] == [{"name": "完成方案", "due": "2023-05-01", "done": None}]
    assert task["milestones_status"] == "red"  # 2023-05-01 has passed, the milestone is open
    assert api(jinshui_reporter, "post", "/tasks", {"title": "x", "lead_unit": "410105"}).status_code == 403
    path = f"/tasks/{task['id']}/steps"
    assert api(erqi_reporter, "post", path, {"action": "receive"}).status_code == 403
    for action in ("receive", "start"):
        assert api(jinshui_reporter, "post", path, {"action": action}).json()["status"] in ("received", "in_progress")
    assert api(jinshui_reporter, "post", path, {"action": "request"}).status_code == 409  # no evidence yet
    upload = client_for(jinshui_reporter).post(f"/api/v1/tasks/{task['id']}/evidence",
                                               {"file": SimpleUploadedFile("报告.pdf", b"%PDF-1.4 test"), "note": "方案"})
    assert upload.status_code == 201 and upload.json()["evidence"][0]["name"] == "报告.pdf"
    assert api(jinshui_reporter, "post", path, {"action": "request"}).json()["status"] == "requested"
    assert api(leader, "post", path, {"action": "return", "note": "补充验收意见"}).json()["status"] == "returned"
    Task.objects.filter(pk=task["id"]).update(deadline=dt.date(2023, 1, 1))
    mine = api(leader, "get", "/tasks").json()
    assert mine[0]["id"] == task["id"] and mine[0]["escalated"] and mine[0]["light"] == "red"
    assert not api(jinshui_reporter, "get", "/tasks").json()[0]["escalated"]
    api(jinshui_reporter, "post", path, {"action": "start"})
    api(jinshui_reporter, "post", path, {"action": "request"})
    done = api(leader, "post", path, {"action": "approve"}).json()
    assert done["status"] == "done" and [s["to_status"] for s in done["steps"]] == [
        "issued", "received", "in_progress", "in_progress", "requested", "returned", "in_progress", "requested",
        "done"]
    sla = api(leader, "get", "/tasks-sla").json()
    assert sla["units"][0]["done"] == 1 and sla["units"][0]["on_time"] == 0  # done after its deadline


def test_evidence_is_served_only_to_those_who_may_see_the_task(client_for, task, jinshui_reporter, erqi_reporter,
                                                             units, leader):
    from luoshi.accounts.models import User
    from luoshi.tasks import workflow

    workflow.take(task, "receive", jinshui_reporter)
    evidence = workflow.add_evidence(task, SimpleUploadedFile("证明.txt", "佐证".encode()), jinshui_reporter)
    url = f"/tasks/evidence/{evidence.pk}/"
    response = client_for(erqi_reporter).get(url)  # co-unit
    assert response.status_code == 200 and b"".join(response.streaming_content) == "佐证".encode()
    outsider = User.objects.create_user(username="zy", password="pw", role="reporter", unit=units["中原区"])
    assert client_for(outsider).get(url).status_code == 404
    assert client_for(leader).get("/media/" + evidence.file.name).status_code == 404  # never public


def test_evidence_by_api_is_scoped(client_for, task, jinshui_reporter, units):
    from luoshi.accounts.models import User
    from luoshi.tasks import workflow

    workflow.take(task, "receive", jinshui_reporter)
    evidence = workflow.add_evidence(task, SimpleUploadedFile("a.txt", b"proof"), jinshui_reporter)
    ok = client_for(jinshui_reporter).get(f"/api/v1/evidence/{evidence.pk}")
    assert ok.status_code == 200 and b"".join(ok.streaming_content) == b"proof"
    outsider = User.objects.create_user(username="zy", password="pw", role="reporter", unit=units["中原区"])
    missing = client_for(outsider).get(f"/api/v1/evidence/{evidence.pk}")
    assert missing.status_code == 404 and missing.json()["error"]
