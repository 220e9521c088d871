"""An obstacle is raised by the owner, routed to a department, answered, reopened, and closed by the owner."""

import datetime as dt

import pytest

from luoshi.accounts.models import User
from luoshi.projects import obstacles as flow
from luoshi.projects.models import Obstacle
from luoshi.projects.stages import NotAllowed, ProjectError


@pytest.fixture
def fgw_reporter(units):
    return User.objects.create_user(username="fgw", password="pw-fgw", role=User.Role.REPORTER,
                                    unit=units["郑州市发展和改革委员会"])


def test_the_whole_round_with_every_step_logged(project, units, jinshui_reporter, erqi_reporter, analyst,
                                                fgw_reporter):
    with pytest.raises(NotAllowed):
        flow.raise_obstacle(project, "land", "用地", erqi_reporter)
    o = flow.raise_obstacle(project, "permits", "施工许可未批", jinshui_reporter)
    with pytest.raises(NotAllowed):
        flow.route(o, units["郑州市发展和改革委员会"], jinshui_reporter)
    flow.route(o, units["郑州市发展和改革委员会"], analyst, days=7, today=dt.date(2023, 5, 1))
    assert o.due == dt.date(2023, 5, 8) and flow.overdue(o, dt.date(2023, 5, 9))
    with pytest.raises(NotAllowed):
        flow.answer(o, "x", erqi_reporter)
    flow.answer(o, "已并联审批", fgw_reporter)
    with pytest.raises(NotAllowed):
        flow.confirm(o, fgw_reporter)
    with pytest.raises(ProjectError, match="原因"):
        flow.reopen(o, jinshui_reporter, "")
    flow.reopen(o, jinshui_reporter, "仍缺规划许可")
    assert o.status == Obstacle.Status.ROUTED
    flow.answer(o, "规划许可已核发", fgw_reporter)
    flow.confirm(o, jinshui_reporter, "已解决")
    steps = list(o.steps.values_list("action", "by_name", "by_unit"))
    assert steps == [("提出", "jinshui", "金水区"), ("转办", "analyst", "郑州市"),
                     ("答复", "fgw", "郑州市发展和改革委员会"), ("未解决退回", "jinshui", "金水区"),
                     ("答复", "fgw", "郑州市发展和改革委员会"), ("确认解决", "jinshui", "金水区")]
    with pytest.raises(ProjectError, match="不能"):
        flow.answer(o, "again", fgw_reporter)


def test_the_department_sees_what_is_routed_to_it_and_no_more(project, units, jinshui_reporter, erqi_reporter,
                                                             analyst, fgw_reporter):
    o = flow.raise_obstacle(project, "utilities", "供电未接入", jinshui_reporter)
    assert list(Obstacle.objects.restrict(fgw_reporter)) == []
    flow.route(o, units["郑州市发展和改革委员会"], analyst)
    assert list(Obstacle.objects.restrict(fgw_reporter)) == [o]
    assert list(Obstacle.objects.restrict(jinshui_reporter)) == [o]
    assert list(Obstacle.objects.restrict(erqi_reporter)) == []
