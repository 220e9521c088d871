"""A 开封 plan made by hand for the decomposition tests: one level target and one growth target."""

from decimal import Decimal

import pytest

from luoshi.figures.models import Series
from luoshi.plans.models import Plan, Target

TEXT = "2024年开封市目标:固定资产投资完成1000亿元,地区生产总值增长6.5%。"


def target_on(plan: Plan, clause: str, **fields) -> Target:
    """A 2024 target of PLAN on its CLAUSE, owned by and measured in the plan's issuer."""
    start = plan.text.index(clause)
    return Target.objects.create(plan=plan, span_start=start, span_end=start + len(clause), period="2024",
                                 region=plan.region, owner=plan.issuer, region_unit=plan.issuer, **fields)


@pytest.fixture
def make_target():
    return target_on


@pytest.fixture
def kf_plan(kf_units, default_catalogue):
    return Plan.objects.create(title="开封市2024年目标(测试)", issuer=kf_units["开封市"], year=2024, region="开封",
                               text=TEXT, status=Plan.Status.PUBLISHED)


@pytest.fixture
def investment(kf_plan):
    return target_on(kf_plan, "固定资产投资完成1000亿元", indicator="固定资产投资", kind="level", value=Decimal(1000),
                     unit_of_measure="亿元", accumulation="flow", series=Series.objects.get(name="固定资产投资"))


@pytest.fixture
def gdp_growth(kf_plan):
    return target_on(kf_plan, "地区生产总值增长6.5%", indicator="地区生产总值", kind="growth", value=Decimal("6.5"),
                     unit_of_measure="%", series=Series.objects.get(name="地区生产总值"))
