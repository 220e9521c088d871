"""Supervision-task fixtures: the 一周办结 class and a task the leader issues to 金水区 with 二七区 helping."""

import pytest

from luoshi.tasks import workflow
from luoshi.tasks.models import TimeLimitClass


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def week(db):
    return TimeLimitClass.objects.create(code="week", name="一周办结", days=7)


@pytest.fixture
def task(leader, units, week, jinshui_reporter, erqi_reporter, media):
    return workflow.issue(leader, title="测试督办事项", lead_unit=units["金水区"], co_units=[units["二七区"]],
                          time_limit=week)


@pytest.fixture
def other_task(leader, units, media):
    """A task of 中原区 that neither 金水区 nor 二七区 may see."""
    return workflow.issue(leader, title="中原区的事项", lead_unit=units["中原区"])
