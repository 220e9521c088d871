"""The demo's projects and tasks: the seed's named ones with owners and sources, nothing invented;
the simulated scenario is separate, labelled 模拟, and removable."""

import pytest

from luoshi.demo import loader
from luoshi.figures.models import Figure
from luoshi.projects import simulation
from luoshi.projects.models import Project, StageChange
from luoshi.tasks.models import Task


@pytest.fixture
def demo_work(plan):
    loader.create_accounts()
    loader.load_projects(plan)
    loader.load_tasks(plan)
    return plan


def test_the_named_projects_have_owners_and_their_words_and_nothing_invented(demo_work):
    projects = {p.name: p for p in Project.objects.all()}
    assert set(projects) == {"郑州机场三期工程", "郑州南站枢纽产业园", "圃田铁路物流基地", "薛店铁路物流基地", "中欧班列集结中心"}
    airport = projects["郑州机场三期工程"]
    assert airport.owner.name == "郑州航空港经济综合实验区" and airport.sentence == "机场三期"
    assert airport.front.name and airport.targets.get().indicator == "固定资产投资"
    for p in projects.values():
        assert p.sentence and p.stage == "" and p.stage_date is None and p.total_investment is None
        assert not p.planned.exists() and not p.simulated
    assert not Figure.objects.exclude(subject_kind="").exists() and not StageChange.objects.exists()


def test_the_named_measures_are_issued_tasks_linked_by_span(demo_work):
    tasks = {t.title: t for t in Task.objects.all()}
    assert len(tasks) == 13 and all(t.status == "issued" and t.deadline is None for t in tasks.values())
    assert all(t.sentence and t.assigned_by.username == "leader" for t in tasks.values())
    assert tasks["高水平建设RCEP示范区"].lead_unit.name == "郑州市商务局"
    week = tasks["人才服务事项“一周办结”"]
    assert week.time_limit.days == 7 and "一周办结" in week.sentence
    assert {u.name for u in tasks["打造北方地区城市防洪排涝和应急救援标杆城市"].co_units.all()} == {
        "郑州市应急管理局", "郑州市城市管理局"}
    loader.load_tasks(demo_work)
    loader.load_projects(demo_work)
    assert Task.objects.count() == 13 and Project.objects.count() == 5


def test_the_simulated_scenario_is_labelled_and_removable(demo_work):
    real = set(Project.objects.values_list("pk", flat=True))
    made = simulation.simulate(2023, months=6)
    assert made and all(p.simulated and str(p).endswith("(模拟)") for p in made)
    figures = Figure.objects.of("project", made)
    assert figures.count() == len(made) * 5
    assert all(f.approved_revision.source.startswith("模拟数据") for f in figures.select_related("approved_revision"))
    assert Task.objects.filter(simulated=True).exists()
    assert {t.status for t in Task.objects.filter(simulated=True)} >= {"issued", "requested", "done", "returned"}
    simulation.remove()
    assert set(Project.objects.values_list("pk", flat=True)) == real
    assert not Task.objects.filter(simulated=True).exists() and not Figure.objects.exclude(subject_kind="").exists()


def test_a_named_project_shows_the_task_on_the_same_words(demo_work, client_for, admin_user):
    airport = Project.objects.get(name="郑州机场三期工程")
    page = client_for(admin_user).get(f"/projects/{airport.pk}/").content.decode()
    assert 'id="project-tasks"' in page and "加快机场三期建设" in page
