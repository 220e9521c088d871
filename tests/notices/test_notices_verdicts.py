"""A target turning red tells the leaders of its plan's issuing unit, once per flip, linking to the target."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import translation

from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.models import Series
from luoshi.figures.submission import submit
from luoshi.notices.models import Notification
from luoshi.plans.models import Plan, Target
from luoshi.verdicts.keeping import refresh_plans
from luoshi.verdicts.models import Flip

LAST_YEAR = dt.date.today().year - 1


@pytest.fixture
def hall_target(units):
    """A city target of last year, judged at the whole year: 会展面积 at least 80 万平方米."""
    city = units["郑州市"]
    plan = Plan.objects.create(title="会展业发展目标", issuer=city, year=LAST_YEAR, region="郑州", text="会展面积" * 5,
                               status=Plan.Status.PUBLISHED)
    series = Series.objects.create(name="会展面积测试", unit_of_measure="万平方米", frequency="annual", due_day=31,
                                   publisher="statistics")
    target = Target.objects.create(plan=plan, indicator="会展面积", kind="level", value=80, unit_of_measure="万平方米",
                                   period=str(LAST_YEAR), bound="min", region="郑州", owner=city, region_unit=city,
                                   series=series, span_start=0, span_end=4)
    list(refresh_plans([plan]))  # kept: grey, nothing reported yet
    return target


def imported(value, reason: str = "") -> None:
    submit(None, [Entry(row=1, series="会展面积测试", unit="410100", period=str(LAST_YEAR), value=value,
                        source="会展办", reason=reason, based_on=ANY_BASE)], channel="import")


def test_a_target_turning_red_tells_the_leaders_once(hall_target, leader, analyst, jinshui_reporter):
    imported(20)
    flip = Flip.objects.get(target=hall_target)
    assert flip.new_status == "red"
    [note] = Notification.objects.all()
    assert note.recipient == leader and note.key == f"verdict-flip:{flip.pk}"
    assert note.title.startswith(f"目标“{hall_target}”研判转为红色")
    assert note.link == reverse("plans:target", args=[hall_target.pk])
    assert note.title == note.shown and flip.reason in note.title  # in Chinese: the engine's reason as it is
    with translation.override("en"):
        english = note.shown
    # the sentence and the reason in English; only the data's own words (name, unit of measure) stay Chinese
    assert "turned red: Not done: full year 20 万平方米" in english, english
    assert not re.search(r"[\u4e00-\u9fff]", english.replace(str(hall_target), "").replace("万平方米", "")), english
    imported(25, "统计局更正")  # still red: no flip, no second notice
    assert Notification.objects.count() == 1


def test_a_target_turning_green_tells_nobody(hall_target, leader):
    imported(95)
    assert Flip.objects.get(target=hall_target).new_status == "green"
    assert not Notification.objects.exists()
