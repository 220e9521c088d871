"""Project pages with the personas: lists, detail, forms, obstacles, roll-up, import, dashboard panel."""


import pytest

from luoshi.projects.models import Obstacle, Project
from tests.projects.conftest import workbook

PAGES = ("/projects/", "/projects/obstacles/", "/projects/rollup/", "/projects/batches/")


@pytest.mark.parametrize("persona", ["jinshui_reporter", "erqi_reporter", "analyst", "leader"])
def test_every_page_answers_each_persona_with_its_own_projects(request, client_for, project, erqi_project, persona):
    user = request.getfixturevalue(persona)
    client = client_for(user)
    for path in PAGES:
        assert client.get(path).status_code == 200, path
    listing = client.get("/projects/").content.decode()
    sees_jinshui = persona != "erqi_reporter"
    assert ("金水区测试项目" in listing) == sees_jinshui
    assert ("二七区测试项目" in listing) == (persona != "jinshui_reporter")
    assert client.get(f"/projects/{project.pk}/").status_code == (200 if sees_jinshui else 404)


def test_the_owner_changes_stage_and_plan_through_the_page(client_for, project, jinshui_reporter, erqi_reporter):
    client = client_for(jinshui_reporter)
    page = client.get(f"/projects/{project.pk}/").content.decode()
    assert 'id="stage-form"' in page and 'id="plan-form"' in page
    client.post(f"/projects/{project.pk}/stage/", {"stage": "signed", "date": "2023-02-01", "note": "签约"})
    months = {f"m{m}": "8" for m in range(1, 13)}
    client.post(f"/projects/{project.pk}/plan/", {"year": "2023", **months})
    project.refresh_from_db()
    assert project.stage == "signed" and project.planned.filter(year=2023).count() == 12
    assert client_for(erqi_reporter).post(f"/projects/{project.pk}/stage/",
                                          {"stage": "started", "date": "2023-03-01"}).status_code == 404


def test_the_obstacle_round_through_the_pages(client_for, project, units, jinshui_reporter, analyst):
    owner = client_for(jinshui_reporter)
    response = owner.post(f"/projects/{project.pk}/obstacles/", {"category": "financing", "description": "贷款未到位"})
    obstacle = Obstacle.objects.get()
    assert response.status_code == 302 and obstacle.status == "raised"
    assert owner.post(f"/projects/obstacles/{obstacle.pk}/route/",
                      {"department": units["郑州市发展和改革委员会"].pk, "days": 5}).status_code == 403
    desk = client_for(analyst)
    desk.post(f"/projects/obstacles/{obstacle.pk}/route/", {"department": units["郑州市发展和改革委员会"].pk, "days": 5})
    desk.post(f"/projects/obstacles/{obstacle.pk}/answer/", {"note": "已对接银行"})
    owner = client_for(jinshui_reporter)
    assert 'id="confirm-form"' in owner.get(f"/projects/obstacles/{obstacle.pk}/").content.decode()
    owner.post(f"/projects/obstacles/{obstacle.pk}/confirm/", {"note": ""})
    obstacle.refresh_from_db()
    assert obstacle.status == "solved" and obstacle.steps.count() == 4


HEADER = ["项目编号", "项目名称", "属地单位", "责任部门", "总投资(亿元)", "计划年度", "1月", "2月", "3月"]


def test_import_is_all_or_nothing_with_row_column_value_reason(client_for, analyst, units):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = workbook([HEADER, ["P-1", "甲项目", "金水区", "", 50, 2023, 1, 2, 3],
                    ["P-2", "乙项目", "无此区", "", "五十", 2023, 1, "x", 3], ["P-1", "重复", "二七区"]])
    response = client_for(analyst).post("/projects/import/", {"file": SimpleUploadedFile("清单.xlsx", bad)})
    page = response.content.decode()
    assert response.status_code == 400 and Project.objects.count() == 0
    for cell in ("C列(属地单位)", "无此区", "E列(总投资(亿元))", "五十", "不是数字", "H列(2月)", "与第 2 行重复"):
        assert cell in page, cell
    good = workbook([HEADER, ["P-1", "甲项目", "金水区", "郑州市发展和改革委员会", 50, 2023, 1, 2, 3],
                     ["P-2", "乙项目", "410103", "", None, None, None, None, None]])
    response = client_for(analyst).post("/projects/import/", {"file": SimpleUploadedFile("清单.xlsx", good)})
    assert response.status_code == 200 and Project.objects.count() == 2
    p1 = Project.objects.get(code="P-1")
    assert p1.owner.name == "金水区" and p1.total_investment == 50 and p1.planned.count() == 3


def test_a_reporter_imports_only_its_own_units_projects(client_for, jinshui_reporter, units):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = workbook([HEADER[:3], ["P-9", "别人的项目", "二七区"]])
    response = client_for(jinshui_reporter).post("/projects/import/", {"file": SimpleUploadedFile("a.xlsx", data)})
    assert response.status_code == 400 and "只能导入本单位的项目" in response.content.decode()


def test_the_dashboard_loads_the_projects_and_tasks_panels_after_the_board(client_for, project, analyst, plan):
    client = client_for(analyst)
    page = client.get("/dashboard/?period=2023").content.decode()
    assert 'hx-get="/dashboard/panels/?period=2023"' in page and 'href="/projects/"' in page  # links without JS
    panels = client.get("/dashboard/panels/?period=2023").content.decode()
    assert 'id="projects-panel"' in panels and 'id="tasks-panel"' in panels


def test_an_analyst_creates_a_project_and_its_owner_edits_it(client_for, analyst, jinshui_reporter, erqi_reporter,
                                                             units, fai_target):
    assert client_for(jinshui_reporter).get("/projects/new/").status_code == 403
    response = client_for(analyst).post("/projects/new/", {
        "code": "N-1", "name": "新项目", "owner": units["金水区"].pk, "total_investment": "12.5",
        "targets": [fai_target.pk]})
    project = Project.objects.get(code="N-1")
    assert response.status_code == 302 and project.targets.get() == fai_target
    owner = client_for(jinshui_reporter)
    owner.post(f"/projects/{project.pk}/edit/", {"code": "HACK", "name": "新项目(更名)", "owner": units["二七区"].pk,
                                                 "location": "金水路"})
    project.refresh_from_db()
    assert (project.code, project.name, project.owner.name, project.location) == ("N-1", "新项目(更名)", "金水区", "金水路")
    owner.post(f"/projects/{project.pk}/contacts/", {"name": "张三", "role": "项目经理", "phone": "0371-0000"})
    assert project.contacts.get().name == "张三"
    assert client_for(erqi_reporter).get(f"/projects/{project.pk}/edit/").status_code == 404


def test_the_import_template_reads_back_as_an_empty_list(client_for, analyst):
    from luoshi.projects.importing import read_projects

    response = client_for(analyst).get("/projects/import/template.xlsx")
    assert response.status_code == 200 and response["Content-Type"].endswith("spreadsheetml.sheet")
    assert read_projects("模板.xlsx", response.content) == []


def test_the_pages_speak_english_when_asked(client_for, analyst, project):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    assert "Investment progress" in client.get(f"/projects/{project.pk}/").content.decode()
    assert "Key-project investment roll-up" in client.get("/projects/rollup/").content.decode()
