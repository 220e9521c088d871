"""A project moves through its stages with monthly figures and rolls up into its unit's investment target."""

import datetime as dt

import pytest

from luoshi.figures.entries import Entry
from luoshi.figures.submission import submit
from luoshi.lib.periods import Period
from luoshi.projects.models import Project, StageChange
from luoshi.projects.progress import BY_PLAN, judge_projects, plan_profile
from luoshi.projects.rollup import rollup
from luoshi.projects.stages import NotAllowed, ProjectError, change_stage

MARCH = Period.month(2023, 3)
TODAY = dt.date(2023, 4, 20)


def test_stages_move_forward_with_dates_and_who(project, jinshui_reporter):
    for stage, day in (("signed", dt.date(2023, 2, 1)), ("started", dt.date(2023, 3, 1)),
                       ("building", dt.date(2023, 3, 20))):
        change_stage(project, stage, day, jinshui_reporter)
    project.refresh_from_db()
    assert (project.stage, project.stage_date) == ("building", dt.date(2023, 3, 20))
    history = list(StageChange.objects.filter(project=project).values_list("from_stage", "to_stage", "by_name"))
    assert history == [("", "signed", "jinshui"), ("signed", "started", "jinshui"), ("started", "building", "jinshui")]
    with pytest.raises(ProjectError, match="不能从"):
        change_stage(project, "signed", dt.date(2023, 4, 1), jinshui_reporter)
    with pytest.raises(ProjectError, match="不能早于"):
        change_stage(project, "operating", dt.date(2023, 3, 1), jinshui_reporter)
    with pytest.raises(ProjectError, match="还没有到"):
        change_stage(project, "operating", dt.date.today() + dt.timedelta(days=1), jinshui_reporter)


def test_another_unit_cannot_change_the_stage(project, erqi_reporter):
    with pytest.raises(NotAllowed):
        change_stage(project, "signed", dt.date(2023, 2, 1), erqi_reporter)


def test_the_plan_profile_stands_for_last_year():
    plan = {1: 10, 2: 10, 3: 40}
    profile = {o.period.code: o.value for o in plan_profile(plan, 2023)}
    assert profile["2022M1-2"] == 20 and profile["2022M03"] == 60 and profile["2022"] == 60


def test_progress_against_the_plan_flags_a_project_behind(project, jinshui_reporter, analyst, report):
    report(jinshui_reporter, project, "2023M03", 25, analyst)
    row = judge_projects(Project.objects.filter(pk=project.pk), at=MARCH, today=TODAY)[0]
    assert row.planned == 120 and row.planned_by_now == 30 and row.completed == 25
    assert row.verdict.expected == pytest.approx(0.25)
    assert row.elapsed == pytest.approx(0.25)
    assert row.verdict.status.value == "red" and row.behind
    assert BY_PLAN in row.verdict.reason and "去年" not in row.verdict.reason
    assert row.verdict.forecast_basis == BY_PLAN


def test_a_project_on_plan_is_green_and_unapproved_figures_do_not_count(project, jinshui_reporter, analyst, report):
    report(jinshui_reporter, project, "2023M03", 31, analyst)
    report(jinshui_reporter, project, "2023M1-2", 20)  # submitted, not approved
    row = judge_projects(Project.objects.filter(pk=project.pk), at=MARCH, today=TODAY)[0]
    assert row.verdict.status.value == "green" and row.completed == 31


def test_no_plan_is_grey_never_invented(erqi_project):
    row = judge_projects(Project.objects.filter(pk=erqi_project.pk), at=MARCH, today=TODAY)[0]
    assert row.verdict.status.value == "grey" and row.planned is None and row.completed is None


def test_projects_roll_up_into_the_unit_and_city_target_beside_the_bureau_figure(
        project, erqi_project, fai_target, jinshui_reporter, erqi_reporter, analyst, report):
    report(jinshui_reporter, project, "2023M03", 25, analyst)
    report(erqi_reporter, erqi_project, "2023M03", 7, analyst)
    submit(None, [Entry(row=1, series="固定资产投资", unit="410105", period="2023M03", value=300)], today=TODAY)
    result = rollup(fai_target, Project.objects.all(), at=MARCH, today=TODAY)
    rows = {r.unit.name: r for r in result.rows}
    jinshui, erqi = rows["金水区"], rows["二七区"]
    assert (jinshui.completed, jinshui.quota, jinshui.statistics, jinshui.difference) == (25, 900, 300, 275)
    assert jinshui.share_of_quota == pytest.approx(25 / 900)
    assert (erqi.completed, erqi.statistics, erqi.difference) == (7, None, None)
    assert result.city.completed == 32 and result.city.quota == fai_target.value and result.city.projects == 2
