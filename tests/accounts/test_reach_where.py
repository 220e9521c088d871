"""辖区 in SQL: `Reach.where(alias)`, the condition prepared reads put on the unit table, selects exactly the units
`Reach.q()` selects — for every persona of two cities and the province, and for unit codes holding LIKE's own
characters (`_`, `%`, `\\`), which must match themselves and nothing else."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from luoshi.accounts.models import User
from luoshi.accounts.scoping import EVERYTHING, NOTHING, Reach
from luoshi.core import prepared
from luoshi.units.models import Unit
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def by_orm(reach: Reach) -> set[int]:
    return set(Unit.objects.filter(reach.q()).values_list("pk", flat=True))


def by_sql(reach: Reach) -> set[int]:
    where, params = reach.where("u")
    return {pk for pk, in prepared.fetch(f"SELECT u.id FROM units_unit u WHERE {where}", params)}


def below(root: Unit) -> set[int]:
    """ROOT and every unit under it, by walking the parents (no path, no LIKE)."""
    found, todo = set(), [root.pk]
    while todo:
        found.update(todo)
        todo = list(Unit.objects.filter(parent_id__in=todo).values_list("pk", flat=True))
    return found


@pytest.fixture
def personas(units):
    return {
        "jinshui_reporter": make_user("jinshui_reporter", User.Role.REPORTER, units["金水区"]),
        "longting_reporter": make_user("longting_reporter", User.Role.REPORTER, units["龙亭区"]),
        "zz_analyst": make_user("zz_analyst", User.Role.ANALYST, units["郑州市"]),
        "kf_leader": make_user("kf_leader", User.Role.LEADER, units["开封市"]),
        "henan_analyst": make_user("henan_analyst", User.Role.ANALYST, units["河南省"]),
        "jinshui_analyst": make_user("jinshui_analyst", User.Role.ANALYST, units["金水区"]),
        "admin": make_user("root", User.Role.ADMIN, None),
        "unitless_analyst": make_user("unitless", User.Role.ANALYST, None),
    }


def test_everything_and_nothing(units):
    assert by_sql(EVERYTHING) == by_orm(EVERYTHING) == set(Unit.objects.values_list("pk", flat=True))
    assert by_sql(NOTHING) == by_orm(NOTHING) == set()


@pytest.mark.parametrize("name", ["jinshui_reporter", "longting_reporter", "zz_analyst", "kf_leader",
                                  "henan_analyst", "jinshui_analyst", "admin", "unitless_analyst"])
def test_each_personas_jurisdiction_selects_the_same_units(personas, name):
    user = personas[name]
    reach = user.jurisdiction
    assert by_sql(reach) == by_orm(reach)
    if reach.everything or reach.root is None:
        return
    expected = below(user.unit) if reach.subtree else {user.unit_id}
    assert by_sql(reach) == expected


def test_the_cities_and_the_province_reach_what_they_should(personas, units):
    zhengzhou, kaifeng = by_sql(personas["zz_analyst"].jurisdiction), by_sql(personas["kf_leader"].jurisdiction)
    province = by_sql(personas["henan_analyst"].jurisdiction)
    assert units["金水区"].pk in zhengzhou and units["龙亭区"].pk not in zhengzhou and units["河南省"].pk not in zhengzhou
    assert units["龙亭区"].pk in kaifeng and not zhengzhou & kaifeng
    assert zhengzhou | kaifeng < province == set(Unit.objects.values_list("pk", flat=True))
    assert by_sql(personas["jinshui_reporter"].jurisdiction) == {units["金水区"].pk}


def test_a_subtree_of_one_leaf_and_a_reporters_unit_alone(units):
    leaf, city = units["金水区"], units["郑州市"]
    assert by_sql(Reach(root=leaf, subtree=True)) == by_orm(Reach(root=leaf, subtree=True)) == {leaf.pk}
    assert by_sql(Reach(root=city)) == by_orm(Reach(root=city)) == {city.pk}


def unit(code: str, parent: Unit | None = None) -> Unit:
    return Unit.objects.create(code=code, name=f"单位{code}", kind=Unit.Kind.DEPARTMENT, parent=parent)


def test_an_underscore_or_percent_in_a_code_matches_only_itself(db):
    underscore, sibling, percent = unit("A_"), unit("AB"), unit("%")
    child = unit("C", parent=underscore)
    for root, reached in ((underscore, {underscore.pk, child.pk}), (percent, {percent.pk}), (sibling, {sibling.pk})):
        reach = Reach(root=root, subtree=True)
        assert by_sql(reach) == by_orm(reach) == reached, root.code


#: Code characters: LIKE's wildcards and escape character among ordinary ones.
CODE = st.text(alphabet="A1_%\\", min_size=1, max_size=3)
#: A small forest: each unit a code and the index of its parent among the units before it (None: a root).
FOREST = st.lists(st.tuples(CODE, st.integers(min_value=-1, max_value=5)), min_size=1, max_size=6,
                  unique_by=lambda pair: pair[0])


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(forest=FOREST)
@example(forest=[("A_", -1), ("AB", -1)])
@example(forest=[("%", -1), ("1", -1), ("A", 1)])
@example(forest=[("\\", -1), ("\\A", -1), ("\\\\", -1), ("_", 0)])
def test_where_and_q_agree_whatever_the_codes(db, forest):
    with transaction.atomic():
        made: list[Unit] = []
        for code, parent in forest:
            made.append(unit(code, made[parent] if 0 <= parent < len(made) else None))
        for root in made:
            for subtree in (True, False):
                reach = Reach(root=root, subtree=subtree)
                expected = below(root) if subtree else {root.pk}
                assert by_sql(reach) == by_orm(reach) == expected, (root.path, subtree)
        transaction.set_rollback(True)
