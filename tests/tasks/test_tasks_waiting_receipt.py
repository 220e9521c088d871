"""An unreceived 一周办结 task: its week runs from 下达 and its light says it waits for 签收."""

import datetime as dt

from django.utils import timezone

from luoshi.tasks import workflow
from luoshi.tasks.models import Task, TimeLimitClass
from luoshi.tasks.timers import light


def test_an_unreceived_week_task_counts_down_from_issue_and_says_so(leader, units, jinshui_reporter):
    week = TimeLimitClass.objects.create(code="week-test", name="一周办结(测试)", days=7)
    task = workflow.issue(leader, title="一周内答复", lead_unit=units["金水区"], time_limit=week)
    issued = timezone.localdate()
    assert light(task, issued + dt.timedelta(days=1)).label == "待签收,剩余 6 天"
    assert light(task, issued + dt.timedelta(days=5)).label == "待签收,2 天后到期"
    assert light(task, issued + dt.timedelta(days=9)).colour == "red"
    workflow.take(task, "receive", jinshui_reporter)
    task = Task.objects.get(pk=task.pk)
    assert light(task, issued).label == "剩余 7 天"
