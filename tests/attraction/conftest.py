"""Attraction fixtures: a city's commerce bureau leading a task force with 金水区 as member, firms outside the
city, a chain with a gap node, and a helper that opens a lead and walks it through its stages."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.accounts.models import User
from luoshi.attraction.models import Event, TaskForce
from luoshi.attraction.stages import advance, open_lead
from luoshi.chains.models import Chain, ChainNode
from luoshi.enterprises.models import Enterprise
from luoshi.figures.catalogue import load_default_catalogue
from tests.conftest import make_user

DAY = dt.date(2023, 1, 5)


@pytest.fixture(autouse=True)
def catalogue(db):
    """The default catalogue, as an installation has it once its first plan is made (招商项目到位资金 in it)."""
    load_default_catalogue()


@pytest.fixture
def bureau(units):
    return units["郑州市商务局"]


@pytest.fixture
def bureau_reporter(bureau):
    return make_user("bureau", User.Role.REPORTER, bureau)


@pytest.fixture
def chain(units):
    return Chain.objects.create(name="测试汽车链", unit=units["郑州市"])


@pytest.fixture
def node(chain):
    return ChainNode.objects.create(chain=chain, segment="upstream", name="测试电池", standing="missing")


@pytest.fixture
def firm(units):
    return Enterprise.objects.create(name="测试外地电池公司", register_unit=units["郑州市"], outside=True,
                                     location="测试城")


@pytest.fixture
def task_force(units, bureau, chain):
    force = TaskForce.objects.create(name="测试一专班", leader="测试领导", lead_department=bureau, scope="测试分工")
    force.members.add(units["金水区"])
    force.regions.add(units["金水区"], units["二七区"])
    force.chains.add(chain)
    return force


@pytest.fixture
def other_force(units, bureau):
    return TaskForce.objects.create(name="测试二专班", lead_department=bureau)


@pytest.fixture
def event(units, bureau, task_force):
    return Event.objects.create(name="测试长三角推介会", kind="yrd", date=dt.date(2023, 2, 1), place="测试",
                                organizer=bureau, task_force=task_force)


STEPS = ("talks", "signed", "landed", "started", "producing")


def walk(lead, dates: dict, signed=None, user=None):
    """Advance LEAD through the stages dated in DATES ({stage: date}), in order; 开工 creates its project."""
    for stage in STEPS:
        if stage in dates:
            advance(lead, stage, dates[stage], user, signed_investment=signed if stage == "signed" else None,
                    create_project=stage == "started", today=dt.date(2024, 6, 30))
            lead.refresh_from_db()
    return lead


@pytest.fixture
def make_lead(firm, task_force, units, node):
    def make(name="测试电池项目", unit="金水区", force=None, with_node=True, planned=Decimal(10), day=DAY, **walk_to):
        lead = open_lead(None, name=name, company=firm, task_force=force or task_force, unit=units[unit],
                         node=node if with_node else None, planned_investment=planned, date=day,
                         today=dt.date(2024, 6, 30))
        signed = walk_to.pop("signed_amount", None)
        return walk(lead, walk_to, signed)
    return make
