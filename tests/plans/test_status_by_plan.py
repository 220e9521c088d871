"""`luoshi status` with two plans: --plan prints that plan's column; without it, each plan under its own name."""

import json
from decimal import Decimal

import pytest

from luoshi import cli
from luoshi.figures.models import Series
from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def district_plan(kf_units, kf_plan, make_target):
    plan = Plan.objects.create(title="龙亭区2024年目标(测试)", issuer=kf_units["龙亭区"], year=2024, region="龙亭区",
                               text="龙亭区2024年目标:地区生产总值增长7%。", status=Plan.Status.PUBLISHED)
    make_target(plan, "地区生产总值增长7%", indicator="地区生产总值", kind="growth", value=Decimal(7),
                unit_of_measure="%", series=Series.objects.get(name="地区生产总值"))
    return plan


def test_status_plan_prints_only_that_plans_targets(investment, gdp_growth, district_plan, capsys):
    assert cli.main(["status", "--plan", str(district_plan.pk), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["plan_id"], r["indicator"], r["target"], r["unit_name"]) for r in rows] == [
        (district_plan.pk, "地区生产总值", 7.0, "龙亭区")]
    assert cli.main(["status", "--plan", str(district_plan.pk)]) == 0
    table = capsys.readouterr().out
    assert table.startswith(f"规划 {district_plan.pk}:龙亭区2024年目标(测试)\n") and "固定资产投资" not in table


def test_without_plan_two_plans_are_never_mixed_unmarked(investment, gdp_growth, district_plan, kf_plan, capsys):
    assert cli.main(["status", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {(r["plan_id"], r["plan"]) for r in rows} == {(kf_plan.pk, kf_plan.title),
                                                         (district_plan.pk, district_plan.title)}
    assert cli.main(["status"]) == 0
    blocks = capsys.readouterr().out.strip().split("\n\n")
    assert [b.splitlines()[0] for b in blocks] == [f"规划 {p.pk}:{p.title}" for p in (kf_plan, district_plan)]
    city_block = next(b for b in blocks if b.startswith(f"规划 {kf_plan.pk}:"))
    assert "固定资产投资" in city_block and "龙亭区" not in city_block.split("\n", 1)[1]


def test_status_of_a_plan_that_does_not_exist_says_so(db, capsys):
    assert cli.main(["status", "--plan", "999"]) == 2
    assert "no plan with id 999" in capsys.readouterr().err
