"""Key projects through the API, scoped: 金水区 sees its own, 二七区 not, the analyst and leader all."""

import datetime as dt

import pytest

from luoshi.projects.models import Obstacle, Project
from luoshi.projects.stages import change_stage

PERSONAS = ("jinshui_reporter", "erqi_reporter", "analyst", "leader")


@pytest.fixture
def api(client_for):
    def call(user, method, path, payload=None):
        client = client_for(user)
        send = getattr(client, method)
        return send(f"/api/v1{path}", payload, content_type="application/json") if payload is not None \
            else send(f"/api/v1{path}")
    return call


@pytest.mark.parametrize("persona, sees", [("jinshui_reporter", ["T-JS-001"]), ("erqi_reporter", ["T-EQ-001"]),
                                           ("analyst", ["T-EQ-001", "T-JS-001"]), ("leader", ["T-EQ-001", "T-JS-001"])])
def test_each_persona_lists_only_what_it_may_see(request, api, project, erqi_project, persona, sees):
    user = request.getfixturevalue(persona)
    assert sorted(p["code"] for p in api(user, "get", "/projects").json()) == sees
    expected = 200 if project.code in sees else 404
    assert api(user, "get", f"/projects/{project.pk}").status_code == expected


def test_a_project_moves_through_its_stages_and_plan_by_api(api, project, jinshui_reporter, erqi_reporter,
                                                            report, analyst):
    for stage, day in (("signed", "2023-01-05"), ("started", "2023-02-01"), ("building", "2023-03-01")):
        response = api(jinshui_reporter, "post", f"/projects/{project.pk}/stage", {"stage": stage, "date": day})
        assert response.status_code == 200, response.json()
    assert response.json()["stage"] == "building" and response.json()["stage_label"] == "在建"
    refused = api(jinshui_reporter, "post", f"/projects/{project.pk}/stage", {"stage": "signed", "date": "2023-04-01"})
    assert refused.status_code == 409 and "不能从" in refused.json()["error"]
    assert api(erqi_reporter, "post", f"/projects/{project.pk}/stage",
               {"stage": "operating", "date": "2023-05-01"}).status_code == 404
    plan = api(jinshui_reporter, "put", f"/projects/{project.pk}/plan", {"year": 2023, "months": {"1": 5, "2": 5}})
    assert plan.status_code == 200 and plan.json()["planned"] == 10
    report(jinshui_reporter, project, "2023M1-2", 12, analyst)
    body = api(analyst, "get", f"/projects/{project.pk}").json()
    assert body["completed"] == 12 and body["completed_period"] == "2023M1-2"


def test_the_rollup_by_api_is_scoped(api, project, erqi_project, fai_target, jinshui_reporter, analyst, report):
    report(jinshui_reporter, project, "2023M03", 25, analyst)
    mine = api(jinshui_reporter, "get", f"/projects-rollup/{fai_target.pk}").json()
    assert [r["unit_name"] for r in mine["rows"]] == ["金水区"] and mine["city"] is None
    everything = api(analyst, "get", f"/projects-rollup/{fai_target.pk}").json()
    assert {r["unit_name"] for r in everything["rows"]} == {"金水区", "二七区"}
    assert everything["city"]["quota"] == 7000


def test_an_obstacle_is_raised_routed_answered_and_closed_by_api(api, project, units, jinshui_reporter,
                                                                erqi_reporter, analyst):
    fgw = units["郑州市发展和改革委员会"]
    raised = api(jinshui_reporter, "post", f"/projects/{project.pk}/obstacles",
                 {"category": "land", "description": "用地指标未落实"})
    assert raised.status_code == 201
    oid = raised.json()["id"]
    assert api(erqi_reporter, "get", "/obstacles").json() == []
    assert api(jinshui_reporter, "post", f"/obstacles/{oid}/route", {"department": fgw.code}).status_code == 403
    routed = api(analyst, "post", f"/obstacles/{oid}/route", {"department": fgw.code, "days": 5})
    assert routed.json()["status"] == "routed" and routed.json()["due"] == str(dt.date.today() + dt.timedelta(5))
    assert api(jinshui_reporter, "post", f"/obstacles/{oid}/answer", {"note": "x"}).status_code == 403
    assert api(analyst, "post", f"/obstacles/{oid}/answer", {"note": "已协调自然资源部门"}).status_code == 200
    assert api(analyst, "post", f"/obstacles/{oid}/confirm", {}).status_code == 403
    closed = api(jinshui_reporter, "post", f"/obstacles/{oid}/confirm", {"note": "已落实"})
    assert closed.json()["status"] == "solved"
    assert [s["action"] for s in closed.json()["steps"]] == ["提出", "转办", "答复", "确认解决"]
    assert Obstacle.objects.get(pk=oid).status == "solved"


def test_signed_out_gets_401(client, project):
    response = client.get("/api/v1/projects")
    assert response.status_code == 401 and response.json()["error"]
    assert Project.objects.count() == 1


def test_projects_are_judged_at_a_chosen_period(api, project, jinshui_reporter, analyst, report):
    report(jinshui_reporter, project, "2023M03", 25, analyst)
    [row] = api(analyst, "get", "/projects?period=2023M03&behind=true").json()
    assert row["status"] == "red" and row["planned_by_now"] == 30 and "按投资计划进度" in row["reason"]
    assert api(analyst, "get", "/projects?period=2023M13").status_code == 422


def test_the_list_filter_is_shared_by_page_and_api(api, client_for, project, erqi_project, analyst, jinshui_reporter):
    change_stage(project, "signed", dt.date(2023, 2, 1), jinshui_reporter)
    assert [p["code"] for p in api(analyst, "get", "/projects?stage=signed").json()] == ["T-JS-001"]
    refused = api(analyst, "get", "/projects?stage=nonsense")
    assert refused.status_code == 422 and refused.json()["detail"][0]["field"] == "stage"
    page = client_for(analyst).get("/projects/?stage=signed").content.decode()
    assert "金水区测试项目" in page and "二七区测试项目" not in page


def test_a_project_list_is_imported_by_api_all_or_nothing(client_for, analyst, units):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(analyst)
    bad = "项目编号,项目名称,属地单位,总投资(亿元)\nA-1,甲,金水区,10\nA-2,乙,火星区,x\n".encode()
    response = client.post("/api/v1/projects-import", {"file": SimpleUploadedFile("清单.csv", bad)})
    assert response.status_code == 422 and Project.objects.count() == 0
    assert {"row": 3, "column": "C列(属地单位)", "value": "火星区",
            "reason": "没有这个单位(填写单位名称、简称或代码)"} in response.json()["detail"]
    good = "项目编号,项目名称,属地单位\nA-1,甲,金水区\n".encode()
    response = client.post("/api/v1/projects-import", {"file": SimpleUploadedFile("清单.csv", good)})
    assert response.json() == {"written": ["A-1"], "dry_run": False}
