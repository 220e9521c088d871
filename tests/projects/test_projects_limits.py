"""Out-of-range project input is refused on every path — API, page, import, CLI — naming the field, writing nothing."""

import json
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi import cli
from luoshi.projects import obstacles
from luoshi.projects.models import Obstacle, PlannedInvestment, Project
from luoshi.projects.planning import set_monthly_plan
from luoshi.projects.stages import InvalidProject
from tests.projects.conftest import workbook


def put_json(client, path: str, body: dict):
    return client.put(f"/api/v1{path}", json.dumps(body), content_type="application/json")


def plan_of(project: Project) -> tuple:
    project.refresh_from_db()
    return project.year, sorted(PlannedInvestment.objects.filter(project=project).values_list("year", "month", "amount"))


@pytest.mark.parametrize("body, field", [
    ({"year": 70000, "months": {"1": 5}}, "year"),
    ({"year": 2024, "months": {"1": "99999999999999999999"}}, "1"),
    ({"year": 2024, "months": {"13": 5}}, "13"),
    ({"year": 2024, "months": {"2": -1}}, "2"),
])
def test_a_plan_out_of_range_is_refused_by_the_api_before_any_write(client_for, project, jinshui_reporter,
                                                                     body, field):
    before = plan_of(project)
    response = put_json(client_for(jinshui_reporter), f"/projects/{project.pk}/plan", body)
    assert response.status_code == 422 and field in json.dumps(response.json()["detail"])
    assert plan_of(project) == before


@pytest.mark.parametrize("year, amounts, named", [
    (70000, {1: Decimal(5)}, {"year": "计划年度应在 1900–2100 之间"}),
    (2024, {1: Decimal("99999999999999999999"), 2: Decimal("NaN"), 3: Decimal(1)},
     {"months.1": "1月计划投资超出可保存的范围(绝对值须小于 10 的 10 次方),请检查单位和位数",
      "months.2": "2月计划投资不是有效的数字(须为有限的数)"}),
    (2024, {13: Decimal(5), 4: Decimal(-1)}, {"months.13": "月份“13”应为 1–12", "months.4": "4月计划投资不能为负数"}),
])
def test_every_bad_value_of_a_plan_is_named_at_once_and_the_old_plan_stays(project, year, amounts, named):
    before = plan_of(project)
    with pytest.raises(InvalidProject) as refused:
        set_monthly_plan(project, year, amounts, None)
    assert {d["field"]: d["message"] for d in refused.value.detail} == named
    assert plan_of(project) == before


@pytest.mark.parametrize("days", [10 ** 9, -1, 0, 366])
def test_obstacle_routing_days_outside_one_to_365_are_refused(client_for, project, units, analyst, days):
    obstacle = Obstacle.objects.create(project=project, category="land", description="用地指标未落实")
    response = client_for(analyst).post(f"/api/v1/obstacles/{obstacle.pk}/route",
                                        json.dumps({"department": units["郑州市发展和改革委员会"].code, "days": days}),
                                        content_type="application/json")
    assert response.status_code == 422 and "days" in json.dumps(response.json()["detail"])
    with pytest.raises(InvalidProject) as refused:
        obstacles.route(obstacle, units["郑州市发展和改革委员会"], None, days)
    assert refused.value.detail == [{"field": "days", "message": "办理时限(天)应在 1–365 之间"}]
    obstacle.refresh_from_db()
    assert obstacle.status == "raised" and obstacle.due is None and not obstacle.steps.exists()


def test_the_plan_page_refuses_a_year_past_2100(client_for, project, jinshui_reporter):
    before = plan_of(project)
    response = client_for(jinshui_reporter).post(f"/projects/{project.pk}/plan/", {"year": 70000, "m1": 5},
                                                 follow=True)
    [message] = [str(m) for m in response.context["messages"]]
    assert message.startswith("年度:") and "2100" in message and plan_of(project) == before


def test_the_project_form_refuses_a_total_investment_past_its_column(client_for, analyst, units):
    response = client_for(analyst).post("/projects/new/", {
        "code": "P-BIG", "name": "超大项目", "owner": units["金水区"].pk, "total_investment": "99999999999999999999"})
    assert response.status_code == 200 and not Project.objects.filter(code="P-BIG").exists()
    assert "总投资" in response.content.decode()


def test_an_import_row_past_its_columns_names_each_cell_and_writes_nothing(client_for, analyst, units):
    rows = [["项目编号", "项目名称", "属地单位", "总投资(亿元)", "计划年度", "1月"],
            ["P-OK", "正常项目", "金水区", 50, 2023, 1],
            ["P-X", "名" * 201, "金水区", "99999999999999999999", 70000, "1E+30"]]
    response = client_for(analyst).post("/projects/import/", {"file": SimpleUploadedFile("清单.xlsx", workbook(rows))})
    page = response.content.decode()
    assert response.status_code == 400 and Project.objects.count() == 0
    for cell in ("B列(项目名称)", "最多 200 个字", "D列(总投资(亿元))", "超出可保存的范围", "E列(计划年度)",
                 "应在 1900–2100 之间", "F列(1月)"):
        assert cell in page, cell


def test_the_simulation_command_refuses_a_year_out_of_range(db, capsys):
    assert cli.main(["simulate-projects", "--year", "70000"]) == 2
    assert "--year 70000" in capsys.readouterr().err and not Project.objects.exists()


@pytest.mark.parametrize("unit", ["金水区", ""])
def test_a_reporter_is_never_told_the_name_of_another_units_project(jinshui_reporter, erqi_project, unit):
    from luoshi.figures.entries import Entry
    from luoshi.figures.validation import validate
    from tests.projects.conftest import TODAY

    entry = Entry(row=2, series="重点项目完成投资", unit=unit, subject_kind="project", subject=erqi_project.code,
                  period="2023M03", value=5)
    result = validate(jinshui_reporter, [entry], today=TODAY)
    assert result.errors and not result.changes
    assert all(erqi_project.name not in str(error) for error in result.errors), result.errors
