"""逾期未报 only where someone owes the figure, and every page, briefing and reminder names the same ones.

A plan of this test's own, judged on 30 March 2023 (the 1–2月 figures are due): a retail series the
statistics bureau publishes (the city enters it: owed, late), a signing series its owner unit reports
(市商务局 owes it, late), a series nobody publishes, a series whose 1–2月 figure the analyst marked
未公布, and a quarterly GDP series (no monthly figure: nothing owed in the 1–2月 view).
"""

import datetime as dt
from functools import partial

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.briefings.content import build_briefing
from luoshi.briefings.outline import Paragraph, outline
from luoshi.cli import main
from luoshi.dashboard.board import build_board, build_ranking, visible_plans
from luoshi.dashboard.filters import BoardFilter
from luoshi.figures.lateness import owed
from luoshi.figures.models import Figure, Series
from luoshi.figures.status import judge_targets, verdict_row
from luoshi.plans.models import Plan, Target
from luoshi.pledge import views as pledge_views
from luoshi.pledge.public import pledges, public_targets
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

TODAY = dt.date(2023, 3, 30)
LATE = {("郑州市", "测试零售额", "2023M1-2"), ("郑州市商务局", "测试签约额", "2023M1-2")}


def make_series(name, frequency="monthly", publisher="statistics", due_day=15) -> Series:
    return Series.objects.create(name=name, unit_of_measure="亿元", frequency=frequency, due_day=due_day,
                                 publisher=publisher)


@pytest.fixture
def owed_plan(units):
    city, commerce = units["郑州市"], units["郑州市商务局"]
    plan = Plan.objects.create(title="测试年度目标", issuer=city, year=2023, region="郑州", text="测试目标原文" * 10,
                               status=Plan.Status.PUBLISHED)
    wanted = [("零售额", make_series("测试零售额"), city), ("签约额", make_series("测试签约额", publisher="owner",
                                                                           due_day=10), commerce),
              ("人才数", make_series("测试人才数", publisher="none"), commerce),
              ("工业增加值", make_series("测试工业增加值"), city),
              ("生产总值", make_series("测试生产总值", frequency="quarterly", due_day=20), city)]
    for order, (indicator, series, owner) in enumerate(wanted):
        Target.objects.create(plan=plan, order=order, indicator=indicator, kind="level", value=100,
                              unit_of_measure="亿元", period="2023", bound="min", region="郑州", owner=owner,
                              region_unit=city, series=series, span_start=order, span_end=order + 1)
    Target.objects.create(plan=plan, order=9, indicator="营商环境", kind="level", value=1, unit_of_measure="项",
                          period="2023", region="郑州", owner=commerce, region_unit=city, span_start=9, span_end=10)
    Figure.objects.create(series=wanted[3][1], unit=city, period="2023M1-2", period_start=dt.date(2023, 1, 1),
                          period_end=dt.date(2023, 2, 28), not_published=True, not_published_note="统计局未发布")
    for name, unit in (("zz", city), ("sw", commerce)):
        make_user(name, "reporter", unit)
    return plan


def named(items) -> set[tuple[str, str, str]]:
    return {(o.unit.name, o.series.name, o.period.code) for o in items}


def test_every_page_names_the_same_late_figures(owed_plan, leader, client, capsys, monkeypatch):
    plans = list(visible_plans(leader))
    board = build_board(leader, BoardFilter(plan=owed_plan.pk), plans, TODAY)
    assert named(board.late) == LATE
    assert named(build_ranking(leader, BoardFilter(plan=owed_plan.pk), plans, today=TODAY).late) == LATE
    briefing = build_briefing(owed_plan, user=leader, today=TODAY)
    assert named(briefing.late) == LATE
    assert Paragraph("各单位均已按期报送。") not in outline(briefing)
    assert named(owed(owed_plan.targets.select_related("plan", "series", "owner", "region_unit"), today=TODAY)) == LATE

    assert main(["remind", "--dry-run", "--date", TODAY.isoformat()]) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines() if "逾期未报" in line]
    assert {(user, title.split("“")[1].split("”")[0]) for _, user, _, title in lines} == {
        ("zz", "测试零售额"), ("sw", "测试签约额")}  # the 商务局's reporter hears of the city target it owns

    rows = [p.row for p in pledges(public_targets(), today=TODAY)]
    assert {(r["late_unit"], r["indicator"], r["judged_period"]) for r in rows if r["late"]} == {
        ("郑州市", "零售额", "2023M1-2"), ("郑州市商务局", "签约额", "2023M1-2")}
    monkeypatch.setattr(pledge_views, "pledges", partial(pledges, today=TODAY))
    page = client.get(f"/pledge/{owed_plan.pk}/").content.decode()
    assert page.count("逾期未报") == 2 * 2  # each late figure: its reason and its flag


def test_unpublished_and_not_yet_published_figures_are_never_late(owed_plan):
    rows = {r["indicator"]: r for r in map(verdict_row, judge_targets(owed_plan.targets.all(), today=TODAY))}
    for indicator in ("人才数", "工业增加值"):
        assert rows[indicator]["status"] == "grey" and rows[indicator]["not_published"]
        assert rows[indicator]["reason"] == "2023年1–2月数据未公布" and not rows[indicator]["late"]
    assert rows["营商环境"]["reason"] == "未关联统计指标" and not rows["营商环境"]["late"]
    gdp = rows["生产总值"]
    assert gdp["reason"] == "无数据" and not gdp["late"] and gdp["judged_period"] is None
    assert rows["零售额"]["late"] and rows["零售额"]["late_days"] == 15 and rows["零售额"]["late_unit"] == "郑州市"
    assert rows["签约额"]["late_reason"] == "2023年1–2月数据逾期未报 20 天"


def test_a_reported_figure_is_owed_no_more(owed_plan, units):
    from luoshi.figures.entries import Entry
    from luoshi.figures.submission import submit

    submit(None, [Entry(row=1, series="测试零售额", unit="410100", period="2023M1-2", value=20, source="测试")],
           channel="import")
    assert named(owed(owed_plan.targets.select_related("plan", "series", "owner", "region_unit"),
                      today=TODAY)) == LATE - {("郑州市", "测试零售额", "2023M1-2")}
    row = next(verdict_row(j) for j in judge_targets(owed_plan.targets.all(), today=TODAY)
               if j.target.indicator == "零售额")
    assert row["status"] != "grey" and not row["late"] and row["latest_period"] == "2023M1-2"


def test_lateness_takes_a_fixed_number_of_queries(owed_plan):
    targets = list(owed_plan.targets.select_related("plan", "series", "owner", "region_unit"))
    with CaptureQueriesContext(connection) as few:
        owed(targets[:2], today=TODAY)
    with CaptureQueriesContext(connection) as many:
        owed(targets, today=TODAY)
    assert len(few) == len(many) == 1
    bare = list(owed_plan.targets.select_related("plan", "series", "region_unit"))  # owners not loaded
    with CaptureQueriesContext(connection) as few:
        judge_targets(bare[:2], today=TODAY)
    with CaptureQueriesContext(connection) as many:
        judge_targets(bare, today=TODAY)
    assert len(few) == len(many) <= 3  # figures, figure slots, the owner units


def test_a_five_year_target_is_judged_on_its_first_year_and_owes_each_year(units):
    city = units["郑州市"]
    plan = Plan.objects.create(title="测试五年目标", issuer=city, year=2023, region="郑州", text="五年目标原文",
                               status=Plan.Status.PUBLISHED)
    series = make_series("测试引进人才", frequency="annual", due_day=31)
    target = Target.objects.create(plan=plan, indicator="引进人才", kind="count", value=100, unit_of_measure="万人",
                                   period="2023-2027", region="郑州", region_unit=city, series=series,
                                   accumulation="flow", span_start=0, span_end=2)
    early = dt.date(2024, 2, 10)
    assert named(owed([target], today=early)) == {("郑州市", "测试引进人才", "2023")}
    Figure.objects.create(series=series, unit=city, period="2023", period_start=dt.date(2023, 1, 1),
                          period_end=dt.date(2023, 12, 31))  # a slot without a revision is not a report
    assert named(owed([target], today=early)) == {("郑州市", "测试引进人才", "2023")}

    from luoshi.figures.entries import Entry
    from luoshi.figures.submission import submit

    submit(None, [Entry(row=1, series="测试引进人才", unit="410100", period="2023", value=22, source="测试")],
           channel="import")
    row = verdict_row(judge_targets([target], today=early)[0])
    assert row["latest_period"] == "2023" and row["progress"] == 0.22 and not row["late"]
    assert owed([target], today=early) == []


def test_a_late_figure_of_a_unit_with_nobody_to_tell_is_said_not_dropped(owed_plan, capsys):
    from luoshi.accounts.models import User

    User.objects.filter(unit__name="郑州市商务局").update(is_active=False)
    assert main(["remind", "--dry-run", "--date", TODAY.isoformat()]) == 0
    captured = capsys.readouterr()
    unheard = [line for line in captured.err.splitlines() if line.startswith("无人接收")]
    assert len(unheard) == 1 and "测试签约额" in unheard[0] and "luoshi users add" in unheard[0]
    assert "测试签约额" not in captured.out and "测试零售额" in captured.out
