"""A small province written for these tests: 河南's cities from the shipped divisions, a few targets and figures.

Personas: a 郑州 leader, a 郑州 reporter, a 河南 analyst (made here; the demo's accounts are tested on the demo).
"""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.accounts.models import User
from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.models import Series
from luoshi.figures.submission import submit
from luoshi.plans.models import Plan, Target
from luoshi.units.importing import import_divisions
from luoshi.units.models import Unit
from tests.conftest import make_user

YEAR = 2023


@pytest.fixture
def province(db):
    import_divisions("410000")
    return {u.code: u for u in Unit.objects.filter(code__startswith="41")}


@pytest.fixture
def gdp(db):
    return Series.objects.create(name="地区生产总值", aliases=["GDP"], unit_of_measure="亿元",
                                 frequency=Series.Frequency.QUARTERLY, accumulation=Series.Accumulation.FLOW,
                                 due_day=20)


def add_plan(unit: Unit, status: str = Plan.Status.PUBLISHED, year: int = YEAR) -> Plan:
    return Plan.objects.create(title=f"{unit.name}{year}年测试规划({status})", issuer=unit, year=year,
                               region=unit.short_name, text="测试规划:生产总值增长若干。", status=status)


def add_target(plan: Plan, series: Series, value, commitment: str = "", bound: str = "exact") -> Target:
    return Target.objects.create(plan=plan, indicator=series.name, kind="growth", value=Decimal(str(value)),
                                 unit_of_measure="%", period=str(plan.year), bound=bound, commitment=commitment,
                                 region=plan.region, region_unit=plan.issuer, series=series,
                                 span_start=0, span_end=5)


def report(user, unit: Unit, growth, period: str = str(YEAR), source: str = "测试来源"):
    entry = Entry(row=1, series="地区生产总值", unit=unit.code, period=period, growth=str(growth), source=source,
                  based_on=ANY_BASE)
    return submit(user, [entry], channel="import", today=dt.date(YEAR + 2, 3, 1))


@pytest.fixture
def scene(province, gdp):
    """开封 7% (published) and 9% (draft); 洛阳 保6 争6.5; 郑州 6.8 (draft); figures: 开封 5.5 approved,
    开封 5.9 pending, 洛阳 6.2 approved, 河南 4.4 approved; the province's own target 5.5."""
    kaifeng, luoyang, zhengzhou, henan = (province[c] for c in ("410200", "410300", "410100", "410000"))
    add_target(add_plan(kaifeng), gdp, 7)
    add_target(add_plan(kaifeng, Plan.Status.DRAFT), gdp, 9)
    plan = add_plan(luoyang)
    add_target(plan, gdp, 6, "保")
    add_target(plan, gdp, 6.5, "争")
    add_target(add_plan(zhengzhou, Plan.Status.DRAFT), gdp, 6.8)
    add_target(add_plan(henan), gdp, 5.5)
    for unit, growth in ((kaifeng, 5.5), (luoyang, 6.2), (henan, 4.4)):
        report(None, unit, growth)
    reporter = User.objects.create_user("kf-reporter", password="x", role=User.Role.REPORTER, unit=kaifeng)
    report(reporter, kaifeng, 5.9, source="待审核的更正")
    return province


@pytest.fixture
def zz_leader(province):
    return make_user("zz-leader", User.Role.LEADER, province["410100"])


@pytest.fixture
def zz_reporter(province):
    return make_user("zz-reporter", User.Role.REPORTER, province["410100"])


@pytest.fixture
def henan_analyst(province):
    return make_user("henan-analyst", User.Role.ANALYST, province["410000"])
