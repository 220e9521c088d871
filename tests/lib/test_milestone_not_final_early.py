"""A milestone target judged in December is not final before the year is out: no red on the day it is set."""

import datetime as dt

from luoshi.lib.judgement import Milestone, Status, TargetSpec, judge
from luoshi.lib.periods import Period


def spec(*dues: dt.date) -> TargetSpec:
    steps = tuple(Milestone(due, None, f"节点{i}") for i, due in enumerate(dues, start=1))
    return TargetSpec(kind="milestone", value=len(steps), period=Period.year(2026), milestones=steps)


def test_a_milestone_due_later_this_month_is_not_red_on_the_first_of_december():
    verdict = judge(spec(dt.date(2026, 12, 20)), Period.month(2026, 12), (), today=dt.date(2026, 12, 1))
    assert verdict.status is Status.GREEN
    assert verdict.met is None


def test_the_year_once_over_judges_the_milestones_for_good():
    verdict = judge(spec(dt.date(2026, 12, 20)), Period.month(2026, 12), (), today=dt.date(2027, 1, 5))
    assert verdict.status is Status.RED and verdict.met is False


def test_a_milestone_due_within_the_warning_days_is_yellow_not_red():
    verdict = judge(spec(dt.date(2026, 12, 3)), Period.month(2026, 12), (), today=dt.date(2026, 12, 1))
    assert verdict.status is Status.YELLOW
