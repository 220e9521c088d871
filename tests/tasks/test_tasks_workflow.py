"""A task passes through every status with evidence, every step logged; lights, SLA and escalation."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from luoshi.tasks import workflow
from luoshi.tasks.models import Task, TaskStep
from luoshi.tasks.timers import by_class, by_unit, due_date, light, ordered_for


def evidence(name="验收报告.txt"):
    return ContentFile("佐证".encode(), name=name)


def test_a_task_passes_through_every_status_with_evidence(task, jinshui_reporter, leader):
    workflow.take(task, "receive", jinshui_reporter)
    workflow.take(task, "start", jinshui_reporter)
    with pytest.raises(workflow.TaskError, match="佐证材料"):
        workflow.take(task, "request", jinshui_reporter)
    workflow.add_evidence(task, evidence(), jinshui_reporter, "第一次")
    workflow.take(task, "request", jinshui_reporter)
    with pytest.raises(workflow.TaskError, match="原因"):
        workflow.take(task, "return", leader)
    workflow.take(task, "return", leader, "材料不全")
    workflow.take(task, "start", jinshui_reporter)
    workflow.take(task, "request", jinshui_reporter, "已补充")
    task = workflow.take(task, "approve", leader)
    assert task.status == Task.Status.DONE and task.received_at and task.done_at
    steps = list(TaskStep.objects.filter(task=task).values_list("action", "to_status", "by_name"))
    assert [s[0] for s in steps] == ["下达", "签收", "开始办理", "上传材料", "申请办结", "退回", "开始办理",
                                     "申请办结", "同意办结"]
    assert steps[5] == ("退回", "returned", "leader") and steps[1][2] == "jinshui"


def test_only_the_lead_unit_takes_its_steps_and_only_leaders_decide(task, erqi_reporter, jinshui_reporter):
    with pytest.raises(workflow.NotAllowed):
        workflow.take(task, "receive", erqi_reporter)
    workflow.take(task, "receive", jinshui_reporter)
    workflow.take(task, "start", jinshui_reporter)
    workflow.add_evidence(task, evidence(), erqi_reporter)  # a co-unit may add evidence
    workflow.take(task, "request", jinshui_reporter)
    with pytest.raises(workflow.NotAllowed):
        workflow.take(task, "approve", jinshui_reporter)
    with pytest.raises(workflow.TaskError, match="不能签收"):
        workflow.take(task, "receive", jinshui_reporter)


def test_reporters_cannot_issue_and_spans_stay_in_the_text(jinshui_reporter, units, plan, leader):
    with pytest.raises(workflow.NotAllowed):
        workflow.issue(jinshui_reporter, title="x", lead_unit=units["金水区"])
    with pytest.raises(workflow.TaskError, match="出处"):
        workflow.issue(leader, title="x", lead_unit=units["金水区"], plan=plan, span=(10, len(plan.text) + 5))
    start = plan.text.index("机场三期")
    task = workflow.issue(leader, title="加快机场三期建设", lead_unit=units["金水区"], plan=plan,
                          span=(start, start + 4))
    assert task.sentence == "机场三期"


def test_one_week_runs_from_receipt_and_lights_turn_yellow_then_red(task, jinshui_reporter):
    task = workflow.take(task, "receive", jinshui_reporter)
    received = timezone.localtime(task.received_at).date()
    assert due_date(task) == received + dt.timedelta(days=7)
    assert light(task, received).colour == "green"
    assert light(task, received + dt.timedelta(days=5)).colour == "yellow"
    late = light(task, received + dt.timedelta(days=9))
    assert late.colour == "red" and late.label == "逾期 2 天" and late.overdue


def test_sla_rate_per_unit_and_class(task, jinshui_reporter, leader, units, week):
    late = workflow.issue(leader, title="迟办事项", lead_unit=units["金水区"], time_limit=week)
    for t in (task, late):
        workflow.take(t, "receive", jinshui_reporter)
        workflow.take(t, "start", jinshui_reporter)
        workflow.add_evidence(t, evidence(), jinshui_reporter)
        workflow.take(t, "request", jinshui_reporter)
        workflow.take(t, "approve", leader)
    Task.objects.filter(pk=late.pk).update(done_at=timezone.now() + dt.timedelta(days=30))
    tasks = list(Task.objects.all())
    today = timezone.localdate()
    [jinshui] = by_unit(tasks, today)
    assert (jinshui.done, jinshui.on_time, jinshui.sla_rate) == (2, 1, 0.5)
    [one_week] = by_class(tasks, today)
    assert one_week.name == "一周办结" and one_week.sla_rate == 0.5


def test_an_overdue_task_escalates_to_the_top_of_its_assigners_list(task, other_task, leader, analyst):
    Task.objects.filter(pk=task.pk).update(deadline=dt.date(2023, 1, 1))
    Task.objects.filter(pk=other_task.pk).update(deadline=dt.date(2022, 1, 1))
    mine = workflow.issue(analyst, title="分析员交办", lead_unit=other_task.lead_unit, deadline=dt.date(2021, 1, 1),
                          today=dt.date(2020, 12, 1))
    tasks = Task.objects.all()
    rows = ordered_for(leader, tasks, dt.date(2023, 6, 1))
    assert [r[0].pk for r in rows if r[2]] == [other_task.pk, task.pk]
    assert rows[0][0].pk == other_task.pk and rows[2][0].pk == mine.pk and not rows[2][2]
    assert ordered_for(analyst, tasks, dt.date(2023, 6, 1))[0][0].pk == mine.pk


def test_an_open_milestone_past_its_date_turns_the_task_red(leader, units, jinshui_reporter):
    task = workflow.issue(leader, title="带节点的事项", lead_unit=units["金水区"], deadline=dt.date(2023, 12, 31),
                          milestones=[("完成方案", dt.date(2023, 3, 31)), ("开工", dt.date(2023, 6, 30))],
                          today=dt.date(2023, 1, 2))
    assert light(task, dt.date(2023, 3, 1)).label == "剩余 305 天"
    assert light(task, dt.date(2023, 3, 30)).label == "节点“完成方案”1 天后到期"
    late = light(task, dt.date(2023, 4, 3))
    assert late.colour == "red" and late.label == "节点“完成方案”逾期 3 天"
    workflow.reach_milestone(task.milestones.get(name="完成方案"), dt.date(2023, 4, 2), jinshui_reporter)
    task = Task.objects.get(pk=task.pk)
    assert light(task, dt.date(2023, 4, 3)).colour == "green"
    assert task.steps.last().action == "节点完成"


def test_an_oversized_file_is_refused(task, jinshui_reporter, settings):
    settings.LUOSHI_EVIDENCE_MAX_MB = 0
    workflow.take(task, "receive", jinshui_reporter)
    with pytest.raises(workflow.TaskError, match="超过 0 MB"):
        workflow.add_evidence(task, evidence(), jinshui_reporter)


def test_milestones_are_judged_by_the_engine(leader, units, jinshui_reporter):
    from luoshi.tasks.timers import milestone_verdict

    task = workflow.issue(leader, title="节点事项", lead_unit=units["金水区"],
                          milestones=[("方案", dt.date(2023, 3, 31)), ("开工", dt.date(2023, 6, 30))])
    late = milestone_verdict(task, dt.date(2023, 4, 10))
    assert late.status.value == "red" and "1 项里程碑逾期未完成" in late.reason
    workflow.reach_milestone(task.milestones.get(name="方案"), dt.date(2023, 4, 5), jinshui_reporter)
    task = Task.objects.get(pk=task.pk)
    assert milestone_verdict(task, dt.date(2023, 4, 10)).reason == "已完成 1/2 项里程碑,无逾期"
    bare = workflow.issue(leader, title="无节点", lead_unit=units["金水区"])
    assert milestone_verdict(bare, dt.date(2023, 4, 10)).status.value == "grey"
