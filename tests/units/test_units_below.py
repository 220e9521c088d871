"""下级单位: `has_units_below(unit)` answers, by one prepared read, what the ORM's "anything within UNIT but UNIT
itself" answered — and so decides whether a reader may pick a unit (`Reach.several`)."""

import pytest

from luoshi.accounts.models import User
from luoshi.accounts.scoping import Reach
from luoshi.units.models import Unit
from luoshi.units.tree import has_units_below
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_a_unit_with_a_child_has_units_below_and_a_leaf_has_none(units):
    assert has_units_below(units["郑州市"]) and has_units_below(units["河南省"])
    assert not has_units_below(units["金水区"])


def test_it_answers_as_the_orm_for_every_unit_of_the_province(units):
    answers = {u.code: has_units_below(u) for u in Unit.objects.all()}
    assert answers == {u.code: Unit.objects.within(u).exclude(pk=u.pk).exists() for u in Unit.objects.all()}
    assert set(answers.values()) == {True, False}


def test_a_unit_made_a_parent_has_units_below_from_then_on(units, django_assert_num_queries):
    jinshui = units["金水区"]
    with django_assert_num_queries(1):
        assert not has_units_below(jinshui)
    Unit.objects.create(code="410105.test", name="金水区测试街道", kind=Unit.Kind.ZONE, parent=jinshui)
    assert has_units_below(jinshui)


def test_only_an_analyst_or_leader_above_other_units_may_pick_one(units):
    assert make_user("zz_leader", User.Role.LEADER, units["郑州市"]).jurisdiction.several
    assert not make_user("js_analyst", User.Role.ANALYST, units["金水区"]).jurisdiction.several
    assert not make_user("zz_reporter", User.Role.REPORTER, units["郑州市"]).jurisdiction.several
    assert not Reach(root=units["龙亭区"], subtree=True).several
