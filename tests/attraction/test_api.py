"""招商引资 through the API: leads filtered like the pipeline, the next stage, task forces, events and the
roll-up beside the target; scoped like the pages, errors in the one error shape."""

import datetime as dt

import pytest

from luoshi.attraction.models import Lead

D = dt.date


@pytest.fixture
def leads(make_lead, other_force, event):
    signed = make_lead("接口签约项目", "金水区", talks=D(2023, 2, 1), signed=D(2023, 3, 1), signed_amount=12)
    signed.event = event
    signed.save()
    return {"signed": signed, "clue": make_lead("接口线索项目", "二七区", force=other_force, with_node=False)}


def test_leads_are_listed_filtered_and_scoped(client_for, analyst, erqi_reporter, leads, task_force):
    rows = client_for(analyst).get("/api/v1/leads").json()
    assert sorted(r["name"] for r in rows) == ["接口签约项目", "接口线索项目"]
    signed = next(r for r in rows if r["name"] == "接口签约项目")
    assert (signed["stage"], signed["signed_investment"], signed["chain"], signed["node"]) == (
        "signed", 12.0, "测试汽车链", "测试电池")
    assert [s["to_stage"] for s in signed["steps"]] == ["clue", "talks", "signed"]
    only = client_for(analyst).get(f"/api/v1/leads?task_force={task_force.pk}").json()
    assert [r["name"] for r in only] == ["接口签约项目"]
    bad = client_for(analyst).get("/api/v1/leads?stage=nope&unit=410202")
    assert bad.status_code == 422 and {d["field"] for d in bad.json()["detail"]} == {"stage", "unit"}
    assert [r["name"] for r in client_for(erqi_reporter).get("/api/v1/leads").json()] == ["接口线索项目"]
    assert client_for(erqi_reporter).get(f"/api/v1/leads/{leads['signed'].pk}").status_code == 404


def test_the_next_stage_through_the_api(client_for, bureau_reporter, leader, leads):
    lead = leads["signed"]
    url = f"/api/v1/leads/{lead.pk}/stage"
    refused = client_for(leader).post(url, {"stage": "landed", "date": "2023-04-01"}, content_type="application/json")
    assert refused.status_code == 403 and refused.json()["error"]
    client = client_for(bureau_reporter)
    skipped = client.post(url, {"stage": "started", "date": "2023-04-01"}, content_type="application/json")
    assert skipped.status_code == 409 and "落地(注册)" in skipped.json()["error"]
    landed = client.post(url, {"stage": "landed", "date": "2023-04-01"}, content_type="application/json")
    assert landed.status_code == 200 and landed.json()["stage"] == "landed"
    started = client.post(url, {"stage": "started", "date": "2023-05-01", "create_project": True},
                          content_type="application/json")
    assert started.status_code == 200 and started.json()["project"] == Lead.objects.get(pk=lead.pk).project.code
    unknown = client.post(url, {"stage": "producing", "date": "2023-06-01", "project": "NOPE"},
                          content_type="application/json")
    assert unknown.status_code == 409


def test_task_forces_events_and_summary(client_for, analyst, jinshui_reporter, leads, plan, task_force, event):
    client = client_for(analyst)
    forces = client.get("/api/v1/task-forces").json()
    assert {f["name"] for f in forces} == {"测试一专班", "测试二专班"}
    first = next(f for f in forces if f["name"] == "测试一专班")
    assert (first["members"], first["regions"], first["chains"]) == (["410105"], ["410103", "410105"], ["测试汽车链"])
    events = client.get("/api/v1/events").json()
    assert [(e["name"], e["kind_label"], e["leads"]) for e in events] == [("测试长三角推介会", "长三角", [leads["signed"].pk])]
    result = client.get("/api/v1/attraction-summary?period=2023&by=task-force").json()
    assert (result["total"]["signed"], result["total"]["signed_amount"], result["target_value"]) == (1, 12.0, 7000.0)
    assert [line["label"] for line in result["lines"]] == ["测试一专班", "测试二专班"]
    assert [b["total"] for b in result["three_batches"]] == [1, 0, 0]
    own = client_for(jinshui_reporter).get("/api/v1/attraction-summary?period=2023").json()
    assert own["target_id"] is None and own["total"]["leads"] == 1
    bad = client.get("/api/v1/attraction-summary?by=weekday")
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "by"
