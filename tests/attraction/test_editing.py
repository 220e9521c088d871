"""专班 and 招商活动 kept without the admin: one domain function each (create, edit, archive, the leads an
event produced) behind the page, the API and the CLI; analysts of the jurisdiction only; every change logged."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied

from luoshi.attraction import editing
from luoshi.attraction.models import Event, Lead, TaskForce
from luoshi.core.errors import FieldErrors
from luoshi.core.models import ObjectChange
from tests.conftest import make_user

D = dt.date


def changes_of(obj) -> list[str]:
    kind = ContentType.objects.get_for_model(type(obj))
    return list(ObjectChange.objects.filter(changed_object_type=kind, changed_object_id=obj.pk)
                .order_by("pk").values_list("action", flat=True))


def test_an_analyst_creates_edits_and_archives_a_task_force_every_step_logged(analyst, units, bureau, chain):
    force = editing.create_task_force(analyst, name=" 新专班 ", leader="副市长", lead_department=bureau,
                                      members=[units["金水区"]], regions=[units["二七区"]], chains=[chain],
                                      scope="演示假设:测试")
    assert force.name == "新专班" and list(force.members.all()) == [units["金水区"]]
    editing.update_task_force(analyst, force, leader="常务副市长", regions=[units["金水区"], units["二七区"]])
    force.refresh_from_db()
    assert force.leader == "常务副市长" and force.regions.count() == 2 and force.chains.count() == 1
    editing.archive_task_force(analyst, force)
    assert TaskForce.objects.get(pk=force.pk).archived and TaskForce.objects.filter(pk=force.pk).exists()
    assert changes_of(force)[0] == "create" and set(changes_of(force)[1:]) == {"update"}
    editing.archive_task_force(analyst, force, archived=False)
    assert not TaskForce.objects.get(pk=force.pk).archived


def test_one_validation_names_every_bad_field(analyst, units, bureau, task_force):
    with pytest.raises(FieldErrors) as caught:
        editing.create_task_force(analyst, name="测试一专班", lead_department=bureau, members=[units["开封市"]])
    assert {d["field"] for d in caught.value.detail} == {"name", "members"}
    with pytest.raises(FieldErrors) as caught:
        editing.create_task_force(analyst, name="", lead_department=units["开封市"])
    assert {d["field"] for d in caught.value.detail} == {"name", "lead_department"}
    with pytest.raises(FieldErrors):
        editing.update_task_force(analyst, task_force, archived=True)  # archiving has its own function
    assert TaskForce.objects.filter(name="").count() == 0


def test_only_analysts_of_the_jurisdiction_change_task_forces(bureau_reporter, leader, units, bureau, task_force):
    kf = make_user("kf", "analyst", units["开封市"])
    member = make_user("jinshui_analyst", "analyst", units["金水区"])  # a member unit, not the 牵头部门
    for user in (bureau_reporter, leader, kf, member):
        assert not editing.may_edit(user, task_force)
        with pytest.raises(PermissionDenied):
            editing.update_task_force(user, task_force, leader="改")
    with pytest.raises(PermissionDenied):
        editing.create_task_force(bureau_reporter, name="自建专班", lead_department=bureau)


def test_an_event_and_the_leads_it_produced(analyst, bureau, task_force, make_lead, other_force):
    first, second = make_lead("活动项目一"), make_lead("活动项目二", "二七区", force=other_force, with_node=False)
    event = editing.create_event(analyst, name="测试日韩推介会", kind="jk", date=D(2023, 4, 1), place="东京",
                                 organizer=bureau, task_force=task_force, leads=[first, second])
    assert set(event.leads.all()) == {first, second}
    editing.update_event(analyst, event, place="大阪", leads=[second.pk])
    assert Lead.objects.get(pk=first.pk).event is None and Lead.objects.get(pk=second.pk).event == event
    assert "update" in changes_of(Lead.objects.get(pk=first.pk))
    with pytest.raises(FieldErrors) as caught:
        editing.set_event_leads(analyst, event, [999999])
    assert caught.value.detail[0]["field"] == "leads"
    with pytest.raises(FieldErrors) as caught:
        editing.create_event(analyst, name="", kind="nope", date=D(1800, 1, 1), organizer=bureau)
    assert {d["field"] for d in caught.value.detail} >= {"name", "kind", "date"}
    editing.archive_event(analyst, event)
    assert Event.objects.get(pk=event.pk).archived


def test_the_task_force_pages(client_for, analyst, bureau_reporter, units, bureau, task_force):
    client = client_for(analyst)
    listing = client.get("/attraction/task-forces/").content.decode()
    assert "新建专班" in listing and '<select name="period"' in listing
    form = client.get("/attraction/task-forces/new/").content.decode()
    assert "牵头部门" in form and "成员单位" in form
    bad = client.post("/attraction/task-forces/new/", {"name": "测试一专班", "lead_department": bureau.pk})
    assert bad.status_code == 422 and "已有同名" in bad.content.decode()
    made = client.post("/attraction/task-forces/new/", {"name": "页面专班", "lead_department": bureau.pk,
                                                        "members": [units["金水区"].pk], "leader": "张某"})
    force = TaskForce.objects.get(name="页面专班")
    assert made.status_code == 302 and list(force.members.all()) == [units["金水区"]]
    client.post(f"/attraction/task-forces/{force.pk}/edit/", {"name": "页面专班", "lead_department": bureau.pk,
                                                              "leader": "李某"})
    force.refresh_from_db()
    assert force.leader == "李某" and force.members.count() == 0
    assert "编辑专班" in client.get(f"/attraction/task-forces/{force.pk}/").content.decode()
    client.post(f"/attraction/task-forces/{force.pk}/archive/")
    assert TaskForce.objects.get(pk=force.pk).archived
    assert "页面专班" in client.get("/attraction/task-forces/").content.decode()  # under 已归档, to restore
    client.post(f"/attraction/task-forces/{force.pk}/archive/", {"restore": "1"})
    assert not TaskForce.objects.get(pk=force.pk).archived
    reporter = client_for(bureau_reporter)
    assert "编辑专班" not in reporter.get(f"/attraction/task-forces/{task_force.pk}/").content.decode()
    assert reporter.get("/attraction/task-forces/new/").status_code == 403
    assert reporter.post(f"/attraction/task-forces/{task_force.pk}/archive/").status_code == 403


def test_the_event_pages_link_leads(client_for, analyst, erqi_reporter, bureau, task_force, make_lead):
    lead = make_lead("页面活动项目")
    client = client_for(analyst)
    form = client.get("/attraction/events/new/").content.decode()
    assert 'type="date"' in form and "页面活动项目" in form
    made = client.post("/attraction/events/new/", {"name": "页面推介会", "kind": "europe", "date": "2023-05-06",
                                                   "organizer": bureau.pk, "task_force": task_force.pk,
                                                   "leads": [lead.pk]})
    event = Event.objects.get(name="页面推介会")
    assert made.status_code == 302 and Lead.objects.get(pk=lead.pk).event == event
    assert "页面活动项目" in client.get(f"/attraction/events/{event.pk}/").content.decode()
    client.post(f"/attraction/events/{event.pk}/edit/", {"name": "页面推介会", "kind": "europe", "date": "2023-05-07",
                                                         "organizer": bureau.pk})
    assert Lead.objects.get(pk=lead.pk).event is None
    client.post(f"/attraction/events/{event.pk}/archive/")
    assert Event.objects.get(pk=event.pk).archived
    assert client_for(erqi_reporter).get(f"/attraction/events/{event.pk}/edit/").status_code == 404


def test_task_forces_and_events_through_the_api(client_for, analyst, bureau_reporter, units, chain, make_lead):
    client = client_for(analyst)
    body = {"name": "接口专班", "lead_department": "410100", "members": ["410105"], "regions": ["410103"],
            "chain_ids": [chain.pk], "scope": "测试"}
    made = client.post("/api/v1/task-forces", body, content_type="application/json")
    assert made.status_code == 201, made.json()
    force = made.json()
    assert (force["members"], force["regions"], force["chains"]) == (["410105"], ["410103"], ["测试汽车链"])
    again = client.post("/api/v1/task-forces", {**body, "members": ["999999"]}, content_type="application/json")
    assert again.status_code == 422 and again.json()["detail"][0]["field"] == "members"
    dup = client.post("/api/v1/task-forces", body, content_type="application/json")
    assert dup.status_code == 422 and dup.json()["detail"][0]["field"] == "name"
    put = client.put(f"/api/v1/task-forces/{force['id']}", {**body, "leader": "接口领导", "members": []},
                     content_type="application/json")
    assert put.status_code == 200 and (put.json()["leader"], put.json()["members"]) == ("接口领导", [])
    archived = client.post(f"/api/v1/task-forces/{force['id']}/archive", {}, content_type="application/json")
    assert archived.json()["archived"] is True
    assert force["id"] not in {f["id"] for f in client.get("/api/v1/task-forces").json()}
    assert force["id"] in {f["id"] for f in client.get("/api/v1/task-forces?archived=true").json()}
    refused = client_for(bureau_reporter).post("/api/v1/task-forces", {**body, "name": "报送员专班"},
                                               content_type="application/json")
    assert refused.status_code == 403

    client = client_for(analyst)
    lead = make_lead("接口活动项目")
    event = client.post("/api/v1/events", {"name": "接口推介会", "kind": "sea", "date": "2023-06-01",
                                           "lead_ids": [lead.pk]}, content_type="application/json")
    assert event.status_code == 201 and event.json()["leads"] == [lead.pk] and event.json()["organizer"] == "410100"
    bad = client.put(f"/api/v1/events/{event.json()['id']}", {"name": "接口推介会", "kind": "sea",
                                                             "date": "2023-06-01", "lead_ids": [lead.pk, 424242]},
                     content_type="application/json")
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "leads"
    assert Lead.objects.get(pk=lead.pk).event_id == event.json()["id"]  # nothing half-written
    gone = client.post(f"/api/v1/events/{event.json()['id']}/archive", {}, content_type="application/json")
    assert gone.status_code == 200 and gone.json()["archived"] is True


def test_task_forces_and_events_from_the_command_line(analyst, bureau_reporter, chain, make_lead, capsys):
    from luoshi.cli import main

    assert main(["attraction", "task-forces", "add", "--name", "命令行专班", "--lead-department", "410100",
                 "--members", "410105,410103", "--chains", "测试汽车链", "--as", "analyst"]) == 0
    force = TaskForce.objects.get(name="命令行专班")
    assert force.members.count() == 2 and force.chains.get() == chain and changes_of(force)[0] == "create"
    assert main(["attraction", "task-forces", "edit", str(force.pk), "--members", "410105", "--leader", "王某"]) == 0
    force.refresh_from_db()
    assert force.leader == "王某" and [u.code for u in force.members.all()] == ["410105"]
    assert main(["attraction", "task-forces", "add", "--name", "命令行专班", "--lead-department", "410100"]) == 1
    assert "name:" in capsys.readouterr().err
    assert main(["attraction", "task-forces", "add", "--name", "报送员专班", "--as", "bureau"]) == 2
    assert main(["attraction", "task-forces", "archive", str(force.pk)]) == 0 and TaskForce.objects.get(
        pk=force.pk).archived
    capsys.readouterr()
    assert main(["attraction", "task-forces", "list", "--archived"]) == 0 and "命令行专班(已归档)" in capsys.readouterr().out
    lead = make_lead("命令行活动项目")
    assert main(["attraction", "events", "add", "--name", "命令行推介会", "--kind", "gba", "--date", "2023-07-01",
                 "--organizer", "410100", "--leads", lead.code]) == 0
    event = Event.objects.get(name="命令行推介会")
    assert list(event.leads.all()) == [lead]
    assert main(["attraction", "events", "edit", str(event.pk), "--leads", "ZS-99999"]) == 1
    assert Lead.objects.get(pk=lead.pk).event == event
    capsys.readouterr()
    assert main(["attraction", "events", "list"]) == 0 and lead.code in capsys.readouterr().out
    assert main(["attraction", "events", "archive", str(event.pk)]) == 0 and Event.objects.get(pk=event.pk).archived
