"""Kept verdicts: the engine's output stored, refreshed with the figures they are judged on and by the
daily job, read without recomputing, and every change of status a Flip row and a signal.

A plan of this test's own for last year (judged at the whole year whatever today is): two annual
series (an investment the city reports, a count of new firms) with a city target each, the first one
decomposed to 金水区.
"""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.cli import main
from luoshi.dashboard.board import TARGET_RELATED
from luoshi.figures.entries import Entry
from luoshi.figures.models import Series
from luoshi.figures.status import judge_assignments, judge_targets, verdict_row
from luoshi.figures.submission import approve, submit
from luoshi.plans.models import Assignment, Plan, Target, TargetMilestone
from luoshi.verdicts.cli import status_rows
from luoshi.verdicts.keeping import kept_assignments, kept_targets, refresh_plans
from luoshi.verdicts.models import Flip, StoredVerdict
from luoshi.verdicts.signals import verdict_flipped
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

YEAR = dt.date.today().year - 1


@pytest.fixture
def own_plan(units):
    city = units["郑州市"]
    plan = Plan.objects.create(title="测试研判保存", issuer=city, year=YEAR, region="郑州", text="测试目标原文" * 10,
                               status=Plan.Status.PUBLISHED)
    for order, (indicator, series_name, value) in enumerate([("投资额", "测试年度投资", 500),
                                                             ("新增企业", "测试新增企业", 40)]):
        series = Series.objects.create(name=series_name, unit_of_measure="亿元", frequency="annual", due_day=31,
                                       publisher="statistics")
        Target.objects.create(plan=plan, order=order, indicator=indicator, kind="level", value=value,
                              unit_of_measure="亿元", period=str(YEAR), bound="min", region="郑州", owner=city,
                              region_unit=city, series=series, span_start=order, span_end=order + 1)
    Assignment.objects.create(target=plan.targets.get(indicator="投资额"), unit=units["金水区"], value=100)
    return plan


def targets_of(plan):
    return list(plan.targets.active().select_related(*TARGET_RELATED))


def assignments_of(plan):
    return list(Assignment.objects.filter(target__plan=plan).select_related(
        "unit", *(f"target__{name}" for name in TARGET_RELATED)))


def kept_rows(plan) -> dict:
    return {(v.target_id, v.assignment_id): v for v in StoredVerdict.objects.filter(target__plan=plan)}


def report(series: str, unit: str, value, user=None):
    entry = Entry(row=1, series=series, unit=unit, period=str(YEAR), value=value, source="测试来源")
    return submit(user, [entry], channel="import").written[0]


def test_an_approval_refreshes_exactly_the_verdicts_its_figure_feeds(own_plan, units, analyst):
    list(refresh_plans([own_plan]))
    before = kept_rows(own_plan)
    assert {v.status for v in before.values()} == {"grey"} and len(before) == 3
    heard = []

    def listen(sender, flip, target, assignment, old, new, **kwargs):
        heard.append((target.indicator, assignment, old, new))

    verdict_flipped.connect(listen)
    try:
        revision = report("测试年度投资", "410100", 520, make_user("zz", "reporter", units["郑州市"]))
        assert kept_rows(own_plan) == before or all(
            v.status == "grey" for v in kept_rows(own_plan).values())  # submitted, not yet a value
        approve(revision, analyst)
    finally:
        verdict_flipped.disconnect(listen)
    after = kept_rows(own_plan)
    investment = own_plan.targets.get(indicator="投资额")
    fed = after[(investment.pk, None)]
    assert fed.status == "green" and fed.row["actual"] == 520 and fed.version > before[(investment.pk, None)].version
    for key in after.keys() - {(investment.pk, None)}:  # the other target and 金水区's assignment: untouched
        assert (after[key].version, after[key].updated, after[key].row) == (
            before[key].version, before[key].updated, before[key].row)
    assert heard == [("投资额", None, "grey", "green")]
    flip = Flip.objects.get()
    assert (flip.target, flip.assignment, flip.old_status, flip.new_status) == (investment, None, "grey", "green")
    assert list(Flip.objects.filter(new_status="green", created__gte=flip.created - dt.timedelta(days=7))) == [flip]


def test_the_kept_verdicts_are_the_engines(own_plan):
    report("测试年度投资", "410100", 450)
    report("测试年度投资", "410105", 120)
    list(refresh_plans([own_plan]))
    engine = {(r["target_id"], r["assignment_id"]): r for r in map(verdict_row, judge_targets(targets_of(own_plan)))}
    engine |= {(r["target_id"], r["assignment_id"]): r
               for r in map(verdict_row, judge_assignments(assignments_of(own_plan)))}
    assert {k: v.row for k, v in kept_rows(own_plan).items()} == engine
    assert {r["status"] for r in engine.values()} == {"red", "green", "grey"}
    rows = status_rows(own_plan.pk)
    assert [{k: v for k, v in r.items() if k not in ("plan_id", "plan")} for r in rows] == [
        engine[(t.pk, None)] for t in targets_of(own_plan)]
    assert {(r["plan_id"], r["plan"]) for r in rows} == {(own_plan.pk, own_plan.title)}


def test_reads_do_not_recompute_and_take_a_fixed_number_of_queries(own_plan, units):
    def read():
        with CaptureQueriesContext(connection) as queries:
            kept = kept_targets(targets_of(own_plan)) + kept_assignments(assignments_of(own_plan))
            rows = status_rows(own_plan.pk)
        assert not any("figures_figure" in q["sql"] for q in queries.captured_queries)  # no figure read
        return len(queries), kept, rows

    list(refresh_plans([own_plan]))
    few, kept, rows = read()
    Target.objects.bulk_create([Target(plan=own_plan, order=10 + n, indicator=f"测试指标{n}", kind="level", value=9,
                                       unit_of_measure="亿元", period=str(YEAR), region="郑州",
                                       region_unit=units["郑州市"], series=Series.objects.get(name="测试新增企业"),
                                       span_start=0, span_end=1) for n in range(20)])
    Assignment.objects.bulk_create([Assignment(target=t, unit=units["二七区"], value=1)
                                    for t in own_plan.targets.filter(indicator__startswith="测试指标")])
    list(refresh_plans([own_plan]))
    many, kept_more, rows_more = read()
    assert many == few and (len(kept), len(kept_more), len(rows_more)) == (3, 43, 22)


def test_a_verdict_not_kept_yet_is_judged_and_kept_on_its_first_read(own_plan, units):
    assert not StoredVerdict.objects.exists()  # fresh install: nothing refreshed yet
    first = [k.row for k in kept_targets(targets_of(own_plan))]
    assert first == [verdict_row(j) for j in judge_targets(targets_of(own_plan))]
    assert StoredVerdict.objects.filter(assignment__isnull=True).count() == 2
    with CaptureQueriesContext(connection) as queries:
        assert [k.row for k in kept_targets(targets_of(own_plan))] == first
    assert not any("figures_figure" in q["sql"] for q in queries.captured_queries)


def test_an_edited_target_is_judged_again_on_the_next_read(own_plan):
    report("测试年度投资", "410100", 450)
    investment = own_plan.targets.get(indicator="投资额")
    assert kept_targets([investment])[0].row["status"] == "red"
    investment.value = 440
    investment.save()
    assert StoredVerdict.objects.get(target=investment, assignment=None).judged_on is None  # stale
    assert kept_targets([own_plan.targets.get(pk=investment.pk)])[0].row["status"] == "green"
    assert Flip.objects.get().new_status == "green"


def test_the_daily_refresh_moves_lateness_on(own_plan, capsys):
    due = dt.date(YEAR + 1, 1, 31)  # an annual figure's due day
    early, late = due - dt.timedelta(days=3), due + dt.timedelta(days=10)
    assert main(["verdicts", "refresh", "--plan", str(own_plan.pk), "--date", early.isoformat()]) == 0
    assert f"{own_plan.pk}\t{own_plan.title}\t3 项研判已更新" in capsys.readouterr().out
    investment = own_plan.targets.get(indicator="投资额")
    kept = StoredVerdict.objects.get(target=investment, assignment=None)
    assert (kept.judged_on, kept.row["late"]) == (early, False)
    assert main(["verdicts", "refresh", "--all", "--date", late.isoformat()]) == 0
    kept.refresh_from_db()
    assert (kept.judged_on, kept.row["late"], kept.row["late_days"]) == (late, True, 10)
    assert kept.row == verdict_row(judge_targets([investment], today=late)[0])
    assert kept_targets(targets_of(own_plan), today=late)[0].owed.days == 10
    assert main(["verdicts", "refresh", "--plan", "999999"]) == 2


def test_the_demos_kept_verdicts_are_the_engines(plan, units):
    """A fresh demo (its plan and the real 2023 figures): every kept verdict, the targets' and the
    assignments', is the row the engine computes, at the plan year and at 2023H1."""
    from luoshi.demo import loader
    from luoshi.lib.periods import parse

    loader.load_actuals()
    Assignment.objects.create(target=plan.targets.get(indicator="固定资产投资", kind="level"), unit=units["金水区"],
                              value=900)
    seen = set()
    for period in (None, "2023H1"):
        at = parse(period) if period else None
        list(refresh_plans([plan], at=at))
        engine = [verdict_row(j) for j in judge_targets(targets_of(plan), at)]
        engine += [verdict_row(j) for j in judge_assignments(assignments_of(plan), at)]
        kept = [k.row for k in kept_targets(targets_of(plan), at)] + [
            k.row for k in kept_assignments(assignments_of(plan), at)]
        assert kept == engine and len(kept) == plan.targets.active().count() + 1
        seen |= {r["status"] for r in engine}
    assert seen >= {"green", "yellow", "red"}


def _saved(what: str, plan, units):
    investment = plan.targets.get(indicator="投资额")
    if what == "milestone":
        return TargetMilestone.objects.create(target=investment, name="测试节点", due=dt.date(YEAR, 6, 30))
    edited = {"plan": plan, "target": investment, "series": investment.series, "assignment": investment.assignments.get(),
              "city": units["郑州市"], "district": units["金水区"]}[what]
    edited.save()
    return edited


@pytest.mark.parametrize("what, stale", [
    ("plan", {"投资额", "投资额·金水区", "新增企业"}), ("target", {"投资额", "投资额·金水区"}),
    ("milestone", {"投资额", "投资额·金水区"}), ("series", {"投资额", "投资额·金水区"}),
    ("assignment", {"投资额·金水区"}), ("city", {"投资额", "投资额·金水区", "新增企业"}),
    ("district", {"投资额·金水区"})])
def test_an_edit_makes_stale_exactly_the_verdicts_it_describes(own_plan, units, what, stale):
    list(refresh_plans([own_plan]))
    _saved(what, own_plan, units)
    found = {v.target.indicator + (f"·{v.assignment.unit.name}" if v.assignment else "")
             for v in StoredVerdict.objects.filter(target__plan=own_plan, judged_on=None)}
    assert found == stale


def test_a_new_row_stales_no_kept_verdict_and_asks_for_none(own_plan, units):
    """A new unit, series, target or assignment is described by no kept verdict yet: no UPDATE is sent."""
    list(refresh_plans([own_plan]))
    city = units["郑州市"]
    with CaptureQueriesContext(connection) as queries:
        district = city.__class__.objects.create(code="410100.T", name="测试区", parent=city)
        series = Series.objects.create(name="测试新指标", unit_of_measure="亿元")
        target = Target.objects.create(plan=own_plan, order=9, indicator="测试新目标", kind="level", value=1,
                                       unit_of_measure="亿元", period=str(YEAR), bound="min", region="郑州",
                                       owner=city, region_unit=city, series=series, span_start=9, span_end=10)
        Assignment.objects.create(target=target, unit=district, value=1)
    assert not [q["sql"] for q in queries.captured_queries if "verdicts_storedverdict" in q["sql"]]
    assert not StoredVerdict.objects.filter(judged_on=None).exists()
