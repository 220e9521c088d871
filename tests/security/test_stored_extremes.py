"""No stored value takes a page down: the extremes the validation allows, stored directly, and every page.

Every model with numbers, dates or free text (units, plans, fronts, targets and their milestones,
assignments, projects with their plan, stages, contacts, batches and obstacles, tasks with their
milestones, time limits, evidence and steps) gets the largest number its column and `core.limits`
allow, the first and last year allowed, names at their full length, and a task with milestones but no
deadline. Then an analyst, a leader and a reporter open every page and every API list: none answers 5xx.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.core import limits
from luoshi.figures.models import Series
from luoshi.plans.models import Assignment, Front, Plan, Target, TargetMilestone
from luoshi.projects.models import (
    Batch,
    BatchMembership,
    Contact,
    Obstacle,
    PlannedInvestment,
    Project,
    StageChange,
)
from luoshi.tasks.models import Evidence, Milestone, Task, TaskStep, TimeLimitClass
from luoshi.units.models import Unit
from tests.accounts.test_jurisdiction import ROUTE_OBJECTS, api_operations, city_world, fill, routes

FIRST, LAST = dt.date(limits.years()[0], 1, 1), dt.date(limits.years()[1], 12, 31)
#: Pages outside any city's data that need no object, or that are not pages (sign-in, admin, language).
NOT_PAGES = ("accounts/", "i18n/", "admin/", "api/")


def largest(model, name: str) -> Decimal:
    """The largest value `core.limits` lets MODEL's decimal field NAME hold."""
    field = limits.field_of(model, name)
    step = Decimal(1).scaleb(-field.decimal_places)
    value = limits.decimal_limit(field) - step
    while limits.problem(model, name, value):  # SQLite's float may round the last digits up
        value -= 1
    return value


def longest(model, name: str, word: str = "长") -> str:
    return word * limits.field_of(model, name).max_length


def top(model, name: str) -> int:
    return limits.INTEGER_RANGES[type(limits.field_of(model, name))][1]


def store(model, pk, **values):
    """Write VALUES straight to the row (no validation on the way), after checking `core.limits` allows them."""
    assert limits.check(model, values) == [], values
    model.objects.filter(pk=pk).update(**values)


def extremes(world: dict, district: Unit) -> None:
    store(Unit, district.pk, name=longest(Unit, "name", "金"), short_name=longest(Unit, "short_name", "金"),
          order=top(Unit, "order"))
    plan, target = world["plan"], world["target"]
    store(Plan, plan.pk, title=longest(Plan, "title"), year=LAST.year, source_title=longest(Plan, "source_title"),
          source_publisher=longest(Plan, "source_publisher"), source_date=FIRST,
          source_url="https://example.invalid/" + "a" * 476)
    store(Front, world["front"].pk, name=longest(Front, "name"), heading=longest(Front, "heading"),
          order=top(Front, "order"))
    store(Target, target.pk, indicator=longest(Target, "indicator"), value=largest(Target, "value"),
          baseline=largest(Target, "baseline"), unit_of_measure=longest(Target, "unit_of_measure", "元"),
          order=top(Target, "order"))
    steps = Target.objects.create(plan=plan, indicator="里程碑极值", kind="milestone", value=2, unit_of_measure="项",
                                  period="2023", region=plan.region, region_unit=plan.issuer, span_start=0, span_end=2)
    for order, (due, done) in enumerate(((LAST, FIRST), (FIRST, None))):
        TargetMilestone.objects.create(target=steps, order=top(TargetMilestone, "order") - order, due=due, done=done,
                                       name=longest(TargetMilestone, "name", "节"))
    store(Assignment, world["assignment"].pk, value=largest(Assignment, "value"), note=longest(Assignment, "note"))
    project_extremes(world["project"], district)
    task_extremes(world, district)


def project_extremes(project: Project, district: Unit) -> None:
    store(Project, project.pk, code=longest(Project, "code", "P"), name=longest(Project, "name", "项"),
          industry=longest(Project, "industry"), location=longest(Project, "location"),
          total_investment=largest(Project, "total_investment"), year=LAST.year, stage="building", stage_date=FIRST)
    PlannedInvestment.objects.bulk_create(
        PlannedInvestment(project=project, year=LAST.year, month=m, amount=largest(PlannedInvestment, "amount"))
        for m in range(1, 13))
    StageChange.objects.create(project=project, to_stage="building", date=FIRST, note=longest(StageChange, "note"),
                               by_name=longest(StageChange, "by_name"))
    Contact.objects.create(project=project, name=longest(Contact, "name"), role=longest(Contact, "role"),
                           phone="9" * limits.field_of(Contact, "phone").max_length)
    batch = Batch.objects.create(kind="start", name=longest(Batch, "name"), date=LAST)
    BatchMembership.objects.create(batch=batch, project=project, added_by_name=longest(BatchMembership, "added_by_name"))
    Obstacle.objects.create(project=project, category="other", description="堵" * 20000, status="routed",
                            department=district, due=LAST, answer="答" * 20000)
    Obstacle.objects.create(project=project, category="land", description="逾期", status="routed",
                            department=district, due=FIRST)


def task_extremes(world: dict, district: Unit) -> None:
    """The task of the world without a deadline but with milestones (the breach), and more at the edges."""
    longest_class = TimeLimitClass.objects.create(
        code=longest(TimeLimitClass, "code", "c"), name=longest(TimeLimitClass, "name"),
        days=top(TimeLimitClass, "days"), order=top(TimeLimitClass, "order"))
    task = world["task"]
    store(Task, task.pk, title=longest(Task, "title", "督"), deadline=None, time_limit=None)
    Milestone.objects.create(task=task, name=longest(Milestone, "name", "节"), due=FIRST)
    Milestone.objects.create(task=task, name="最后节点", due=LAST)
    limited = Task.objects.create(title="时限最长的事项", lead_unit=district, time_limit=longest_class, deadline=LAST,
                                  status="received", received_at=dt.datetime(LAST.year, 12, 31, tzinfo=dt.UTC))
    Milestone.objects.create(task=limited, name="早节点", due=FIRST, done=LAST)
    late = Task.objects.create(title="最早时限的事项", lead_unit=district, deadline=FIRST, status="done",
                               done_at=dt.datetime(LAST.year, 1, 1, tzinfo=dt.UTC))
    Milestone.objects.create(task=late, name="晚节点", due=LAST)
    Evidence.objects.create(task=task, name=longest(Evidence, "name"), note=longest(Evidence, "note"),
                            uploaded_by_name=longest(Evidence, "uploaded_by_name"),
                            file=SimpleUploadedFile("extreme.txt", "佐证".encode()))
    TaskStep.objects.create(task=task, action=longest(TaskStep, "action"), to_status="issued",
                            by_name=longest(TaskStep, "by_name"), by_unit=longest(TaskStep, "by_unit"), note="意" * 20000)


@pytest.fixture
def world(units, analyst, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    gdp = Series.objects.create(name="极值测试生产总值", unit_of_measure="亿元", frequency="quarterly",
                                accumulation="flow", due_day=20)
    built = city_world(units["郑州市"], units["金水区"], gdp, analyst)
    extremes(built, units["金水区"])
    return built


def pages(world: dict) -> list[str]:
    found = []
    for route, _pattern in routes():
        if route.startswith(NOT_PAGES):
            continue
        if "<" in route and not any(route.startswith(prefix) for prefix in ROUTE_OBJECTS):
            continue  # a page of another kind of object (a pledge's slug …), none of which this test stores
        found += fill(route, world)
    plan = world["plan"].pk
    return found + [f"/dashboard/?plan={plan}", f"/projects/?plan={plan}", "/tasks/?status=issued"]


@pytest.mark.parametrize("persona", ["analyst", "leader", "jinshui_reporter"])
def test_every_page_and_api_list_stands_the_stored_extremes(request, client_for, world, persona):
    client = client_for(request.getfixturevalue(persona))
    failed = {url: client.get(url).status_code for url in pages(world)}
    failed.update({url: client.get(url).status_code
                   for method, url, _body in api_operations(world) if method == "get"})
    failed = {url: status for url, status in failed.items() if status >= 500}
    assert failed == {}
    tasks = client.get("/api/v1/tasks")
    assert tasks.status_code == 200 and any(t["deadline"] is None and t["milestones"] for t in tasks.json())
    assert client.get("/api/v1/tasks-sla").status_code == 200
    projects = client.get("/api/v1/projects").json()
    assert any(p["total_investment"] == float(largest(Project, "total_investment")) for p in projects)


def test_the_extremes_are_the_edges_of_what_the_checks_allow():
    """One step past each extreme is refused, with the field named."""
    beyond = {"total_investment": largest(Project, "total_investment") + 1, "year": LAST.year + 1,
              "name": longest(Project, "name") + "长"}
    detail = limits.check(Project, beyond, years_in=("year",))
    assert [d["field"] for d in detail] == ["total_investment", "year", "name"]
    assert detail[0]["message"].startswith("总投资(亿元)超出可保存的范围")
    assert detail[1]["message"] == f"计划年度应在 {FIRST.year}–{LAST.year} 之间"
    assert detail[2]["message"] == "项目名称最多 200 个字(现有 201 个字)"
    assert limits.problem(Task, "deadline", dt.date(FIRST.year - 1, 12, 31)) == f"的年份应在 {FIRST.year}–{LAST.year} 年之间"
    assert limits.problem(TimeLimitClass, "days", top(TimeLimitClass, "days") + 1) == "应在 0–32767 之间"
    assert limits.problem(Assignment, "value", Decimal("NaN")) == "不是有效的数字(须为有限的数)"


def test_units_target_steps_and_quotas_refuse_one_step_past_their_columns(units, analyst, fai_target):
    from django.core.exceptions import ValidationError

    from luoshi.plans.decomposition import value_problem
    from luoshi.plans.milestones import StepRejected, save_step
    from luoshi.units import editing

    with pytest.raises(ValidationError) as refused:
        editing.add_unit(units["郑州市"], kind="zone", name=longest(Unit, "name") + "长",
                         short_name=longest(Unit, "short_name") + "长", user=analyst)
    assert set(refused.value.message_dict) == {"name", "short_name"}
    assert refused.value.message_dict["name"] == ["名称最多 100 个字(现有 101 个字)"]
    with pytest.raises(ValidationError, match="简称最多 50 个字"):
        editing.rename_unit(units["金水区"], name="金水区", short_name=longest(Unit, "short_name") + "长", user=analyst)
    steps = Target.objects.create(plan=fai_target.plan, indicator="节点边界", kind="milestone", value=1,
                                  unit_of_measure="项", period="2023", region="郑州", span_start=0, span_end=1)
    with pytest.raises(StepRejected) as refused:
        save_step(steps, {"name": longest(TargetMilestone, "name") + "节", "due": "2101-01-01"})
    assert [d["field"] for d in refused.value.detail] == ["name", "due"]
    assert not steps.milestones.exists()
    assert value_problem(fai_target, units["金水区"], largest(Assignment, "value")) is None
    assert "超出可保存的范围" in value_problem(fai_target, units["金水区"], largest(Assignment, "value") + 10)
    assert Unit.objects.filter(name__startswith="长长").count() == 0
