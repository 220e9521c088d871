"""Many-to-many changes and bulk writes reach the change log, each entry with the object's unit."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.core.context import change_context
from luoshi.core.models import ObjectChange
from luoshi.projects.models import Project
from luoshi.projects.planning import set_monthly_plan
from luoshi.tasks import workflow

pytestmark = pytest.mark.django_db


def entries(obj, **kwargs):
    return ObjectChange.objects.filter(changed_object_type__model=obj._meta.model_name,
                                       changed_object_id=obj.pk, **kwargs).order_by("time", "pk")


@pytest.fixture
def test_project(units):
    return Project.objects.create(code="T-CL-01", name="变更记录测试项目", owner=units["金水区"])


def test_adding_a_co_unit_is_an_update_with_the_ids_before_and_after(analyst, units):
    task = workflow.issue(analyst, title="核对管网改造进度", lead_unit=units["金水区"], co_units=[units["二七区"]])
    with change_context(user=analyst) as ctx:
        task.co_units.add(units["中牟县"])
    change = ObjectChange.objects.get(request_id=ctx.request_id)
    assert change.action == "update" and change.user == analyst
    assert change.diff == {"co_units": ([units["二七区"].pk], sorted([units["二七区"].pk, units["中牟县"].pk]))}
    assert change.unit == units["金水区"]


def test_removing_a_target_from_the_other_side_logs_the_project(test_project, fai_target):
    test_project.targets.add(fai_target)
    with change_context() as ctx:
        fai_target.projects.remove(test_project)
    change = ObjectChange.objects.get(request_id=ctx.request_id)
    assert change.changed_object_id == test_project.pk and change.changed_object_type.model == "project"
    assert change.diff == {"targets": ([fai_target.pk], [])}


def test_clearing_from_the_other_side_logs_every_project_it_held(test_project, fai_target, units):
    other = Project.objects.create(code="T-CL-02", name="另一个测试项目", owner=units["二七区"])
    for p in (test_project, other):
        p.targets.add(fai_target)
    with change_context() as ctx:
        fai_target.projects.clear()
    logged = ObjectChange.objects.filter(request_id=ctx.request_id)
    assert sorted(logged.values_list("changed_object_id", flat=True)) == sorted([test_project.pk, other.pk])
    assert [c.diff for c in logged] == [{"targets": ([fai_target.pk], [])}] * 2


def test_one_request_keeps_one_entry_per_object(analyst, units):
    with change_context(user=analyst) as ctx:
        task = workflow.issue(analyst, title="督促年度计划报送", lead_unit=units["金水区"],
                              co_units=[units["二七区"]], milestones=[("报送初稿", dt.date(2026, 3, 1))])
    created = ObjectChange.objects.get(request_id=ctx.request_id, changed_object_id=task.pk,
                                       changed_object_type__model="task")
    assert created.action == "create" and created.postchange_data["co_units"] == [units["二七区"].pk]
    assert created.postchange_data["milestones"] == [{"name": "报送初稿", "due": "2026-03-01"}]


def test_replacing_a_monthly_plan_in_bulk_is_logged_on_the_project(test_project, analyst):
    set_monthly_plan(test_project, 2026, {1: Decimal("1.5"), 2: Decimal(2)}, analyst)
    with change_context(user=analyst) as ctx:
        set_monthly_plan(test_project, 2026, {1: Decimal("1.5"), 2: None, 3: Decimal(4)}, analyst)
    change = ObjectChange.objects.get(request_id=ctx.request_id)
    before, after = change.diff["planned"]
    assert [(r["month"], Decimal(r["amount"])) for r in before] == [(1, Decimal("1.5")), (2, Decimal(2))]
    assert [(r["month"], Decimal(r["amount"])) for r in after] == [(1, Decimal("1.5")), (3, Decimal(4))]


def test_each_entry_carries_the_unit_the_object_belongs_to(fai_target, assignments, units):
    fai_target.value = 7200
    fai_target.save()
    assert entries(fai_target, action="update").last().unit == fai_target.plan.issuer
    assert entries(assignments["二七区"], action="create").get().unit == units["二七区"]
    units["中牟县"].short_name = "中牟(测试)"
    units["中牟县"].save()
    assert entries(units["中牟县"], action="update").last().unit == units["中牟县"]
