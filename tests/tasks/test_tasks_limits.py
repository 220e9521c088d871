"""A task is checked whole before it is written (page, API, domain), and the timers stand any stored value."""

import datetime as dt
import json

import pytest

from luoshi.tasks import workflow
from luoshi.tasks.models import Milestone, Task, TimeLimitClass
from luoshi.tasks.timers import due_date, light, milestone_verdict

TODAY = dt.date(2024, 5, 10)


def test_milestones_without_a_deadline_light_the_task_by_its_next_milestone(leader, units):
    task = workflow.issue(leader, title="只有节点的事项", lead_unit=units["金水区"], today=TODAY,
                          milestones=[("调研", dt.date(2024, 6, 1)), ("成文", dt.date(2024, 9, 1))])
    assert due_date(task) is None
    assert light(task, TODAY).label == "剩余 22 天"
    assert light(task, dt.date(2024, 5, 30)).label == "节点“调研”2 天后到期"
    assert light(task, dt.date(2024, 6, 3)).colour == "red"


def test_a_time_limit_past_the_calendar_and_milestones_at_its_ends_do_not_break_the_lights(leader, units):
    endless = TimeLimitClass.objects.create(code="endless", name="无限期", days=32767)
    task = workflow.issue(leader, title="极长时限", lead_unit=units["金水区"], time_limit=endless, today=TODAY)
    Task.objects.filter(pk=task.pk).update(received_at=dt.datetime(9999, 12, 1, tzinfo=dt.UTC))
    Milestone.objects.create(task=task, name="远期节点", due=dt.date(9999, 12, 31))
    task = Task.objects.get(pk=task.pk)
    assert due_date(task) == dt.date.max
    assert light(task, TODAY).colour == "green"
    assert milestone_verdict(task, TODAY).status.value == "green"  # not due for eight thousand years


@pytest.mark.parametrize("fields, named", [
    ({"deadline": dt.date(2024, 5, 9)}, {"deadline": "完成时限 2024-05-09 已经过去,请填写今天或以后的日期"}),
    ({"deadline": dt.date(2101, 1, 1)}, {"deadline": "完成时限的年份应在 1900–2100 年之间"}),
    ({"title": "事" * 201}, {"title": "事项名称最多 200 个字(现有 201 个字)"}),
    ({"milestones": [("好节点", dt.date(2024, 6, 1)), ("节" * 201, dt.date(1899, 12, 31))]},
     {"milestones.2": "第 2 个节点:节点最多 200 个字(现有 201 个字); 第 2 个节点:计划日期的年份应在 1900–2100 年之间"}),
])
def test_a_task_out_of_range_is_refused_whole_naming_each_field(leader, units, fields, named):
    values = {"title": "越界事项", **fields}
    with pytest.raises(workflow.InvalidTask) as refused:
        workflow.issue(leader, lead_unit=units["金水区"], today=TODAY, **values)
    found = {}
    for problem in refused.value.detail:
        found[problem["field"]] = "; ".join(filter(None, [found.get(problem["field"]), problem["message"]]))
    assert found == named
    assert not Task.objects.exists() and not Milestone.objects.exists()


def test_today_is_still_a_deadline(leader, units):
    task = workflow.issue(leader, title="今日办结", lead_unit=units["金水区"], deadline=TODAY, today=TODAY)
    assert task.deadline == TODAY


def test_the_api_refuses_a_past_deadline_and_milestones_out_of_range_writing_nothing(client_for, leader, units):
    client = client_for(leader)
    for body in ({"title": "过期", "lead_unit": units["金水区"].code, "deadline": "2001-01-01"},
                 {"title": "节点越界", "lead_unit": units["金水区"].code, "milestones": [["远期", "2200-01-01"]]},
                 {"title": "长" * 201, "lead_unit": units["金水区"].code}):
        response = client.post("/api/v1/tasks", json.dumps(body), content_type="application/json")
        assert response.status_code == 422, response.json()
        assert response.json()["detail"], body
    assert not Task.objects.exists()


def test_the_page_names_the_deadline_it_refuses(client_for, leader, units):
    response = client_for(leader).post("/tasks/new/", {
        "title": "过期事项", "lead_unit": units["金水区"].pk, "deadline": "2001-01-01",
        "milestones": "2001-06-30 完成方案"})
    assert response.status_code == 200 and not Task.objects.exists()
    assert "完成时限 2001-01-01 已经过去" in response.context["form"].errors["deadline"][0]


def test_a_milestone_reached_on_a_day_out_of_range_is_refused(leader, units, jinshui_reporter, client_for):
    task = workflow.issue(leader, title="节点事项", lead_unit=units["金水区"], today=TODAY,
                          milestones=[("调研", dt.date(2024, 6, 1))])
    step = task.milestones.get()
    with pytest.raises(workflow.InvalidTask, match="完成日期的年份应在 1900–2100 年之间"):
        workflow.reach_milestone(step, dt.date(1, 1, 1), jinshui_reporter)
    client_for(jinshui_reporter).post(f"/tasks/milestones/{step.pk}/done/", {"day": "9999-01-01"})
    step.refresh_from_db()
    assert step.done is None and not task.steps.filter(action="节点完成").exists()
