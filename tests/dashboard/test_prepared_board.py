"""The board's prepared reads give what the ORM gave: the unit picker's units (those of the reader's jurisdiction with
an assignment in the plan, in the units' order), the plan's fronts in their order, and a unit's board looks its
unit up once."""

import re
from urllib.parse import parse_qs

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.accounts.models import User
from luoshi.accounts.scoping import units_for
from luoshi.dashboard.board import assigned_units, board_frame, front_names
from luoshi.dashboard.filters import BoardFilter, read_filter
from luoshi.plans.models import Assignment, Front, Plan, Target
from luoshi.units.models import Unit
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def orm_units(user, plan) -> list[tuple[str, str]]:
    """The picker's units as the ORM read them before the prepared read."""
    assigned = Assignment.objects.filter(target__plan=plan, unit=OuterRef("pk"))
    units = units_for(user).filter(Exists(assigned)).order_by("order", "code")
    return [(u.code, u.display_name) for u in units]


def other_plan(issuer: Unit, fronts: list[tuple[int, str]] = ()) -> Plan:
    plan = Plan.objects.create(title=f"{issuer.name}测试规划", issuer=issuer, year=2023, region=issuer.short_name,
                               text="测试规划正文", status=Plan.Status.PUBLISHED)
    for order, name in fronts:
        Front.objects.create(plan=plan, order=order, name=name)
    return plan


def target_of(plan: Plan, indicator: str) -> Target:
    return Target.objects.create(plan=plan, indicator=indicator, kind="level", accumulation="flow", value=10,
                                 unit_of_measure="亿元", period="2023", region=plan.region,
                                 region_unit=plan.issuer, span_start=0, span_end=2)


@pytest.fixture
def spread(plan, units, fai_target, assignments):
    """The demo plan decomposed beyond 金水区 and 二七区: to a department (its short name shown), a zone without a
    short name, twice to 中牟县, and to 开封's 龙亭区 (outside 郑州); 中原区 only in another plan. 二七区 sorted
    last, 龙亭区 beside 金水区 (the same order: by code)."""
    second = target_of(plan, "测试第二指标")
    for name in ("郑州市发展和改革委员会", "郑东新区", "中牟县", "龙亭区"):
        Assignment.objects.create(target=fai_target, unit=units[name], value=10)
    Assignment.objects.create(target=second, unit=units["中牟县"], value=5)
    Assignment.objects.create(target=target_of(other_plan(units["郑州市"]), "别的规划指标"), unit=units["中原区"],
                              value=1)
    Unit.objects.filter(code="410103").update(order=99)
    Unit.objects.filter(code="410202").update(order=units["金水区"].order)
    return plan


@pytest.fixture
def personas(units, leader, analyst, jinshui_reporter, admin_user):
    return {"leader": leader, "analyst": analyst, "reporter": jinshui_reporter, "admin": admin_user,
            "kf_leader": make_user("kf_leader", User.Role.LEADER, units["开封市"]),
            "henan_analyst": make_user("henan_analyst", User.Role.ANALYST, units["河南省"]),
            "henan_leader": make_user("henan_leader", User.Role.LEADER, units["河南省"])}


@pytest.mark.parametrize("name", ["leader", "analyst", "kf_leader", "henan_analyst", "henan_leader", "admin",
                                  "reporter"])
def test_the_picker_offers_what_the_orm_offered(spread, personas, name):
    user = personas[name]
    assert assigned_units(user, spread) == orm_units(user, spread)


def test_a_city_reader_is_offered_their_assigned_units_in_order_and_nothing_else(spread, personas):
    offered = assigned_units(personas["leader"], spread)
    assert offered == [("410105", "金水区"), ("410122", "中牟县"), ("410100.zdxq", "郑东新区"),
                       ("410100.fgw", "市发展改革委"), ("410103", "二七区")]
    assert assigned_units(personas["analyst"], spread) == offered
    codes = {code for code, _ in offered}
    assert "410202" not in codes, "龙亭区 lies outside 郑州"
    assert "410102" not in codes, "中原区 has an assignment only in another plan"
    assert "410100" not in codes and "410181" not in codes, "no assignment in the plan"


def test_the_province_is_offered_both_cities_units_and_kaifeng_only_its_own(spread, personas):
    province = assigned_units(personas["henan_analyst"], spread)
    assert [code for code, _ in province][:2] == ["410105", "410202"], "the same order: by code"
    assert {code for code, _ in province} == {code for code, _ in assigned_units(personas["leader"], spread)} | {
        "410202"}
    assert assigned_units(personas["kf_leader"], spread) == [("410202", "龙亭区")]


def test_a_plan_without_assignments_offers_no_unit(units, personas):
    plan = other_plan(units["郑州市"])
    assert assigned_units(personas["henan_analyst"], plan) == orm_units(personas["henan_analyst"], plan) == []


def test_front_names_are_the_plans_fronts_in_their_order(plan, units):
    assert front_names(plan) == [f.name for f in plan.fronts.all()] == [
        "经济发展", "创新引领", "产业迭代", "枢纽经济", "城市治理", "营商环境"]
    shuffled = other_plan(units["开封市"], [(3, "第三方面"), (1, "第一方面"), (7, "第七方面"), (2, "第二方面")])
    assert front_names(shuffled) == ["第一方面", "第二方面", "第三方面", "第七方面"]
    assert front_names(shuffled) == list(shuffled.fronts.order_by("order", "id").values_list("name", flat=True))
    assert front_names(other_plan(units["龙亭区"])) == []


#: A query reading units_unit by code: the ORM's (`"units_unit"."code" = `) or a prepared one (`u.code = `).
BY_CODE = re.compile(r'FROM "?units_unit"?(?: \w+)? WHERE (?:"?\w+"?\.)?"?code"? = ')


def unit_lookups(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries if BY_CODE.search(q["sql"])]


def test_the_pattern_knows_both_kinds_of_lookup():
    assert BY_CODE.search(str(Unit.objects.filter(code="410105").query))
    assert BY_CODE.search('SELECT u."id" FROM "units_unit" u WHERE u.code = %s')
    assert not BY_CODE.search('SELECT 1 FROM "units_unit" WHERE "parent_id" = %s LIMIT 1')


def test_a_units_board_looks_its_unit_up_once(client_for, analyst, assignments, plan):
    client = client_for(analyst)
    url = reverse("dashboard:board") + f"?plan={plan.pk}&unit=410105"
    first = unit_lookups(client, url)
    assert len(first) == 1, first
    assert len(unit_lookups(client, url)) == 1, "the board drawn again (kept) reads it once as well"
    assert "金水区" in client.get(url).content.decode()


def test_the_unit_read_by_the_filter_is_the_boards_unit(analyst, assignments, plan, django_assert_num_queries):
    board_filter = read_filter({"plan": str(plan.pk), "unit": "410105"}, analyst)
    assert board_filter.picked is not None and board_filter.picked.code == "410105"
    with CaptureQueriesContext(connection) as queries:
        frame = board_frame(board_filter, [plan])
    assert frame.unit is board_filter.picked
    assert not [q["sql"] for q in queries.captured_queries if BY_CODE.search(q["sql"])]


def test_a_filter_without_its_unit_read_looks_it_up(analyst, plan):
    frame = board_frame(BoardFilter(plan=plan.pk, unit="410103"), [plan])
    assert frame.unit == Unit.objects.get(code="410103")


def test_the_query_string_never_holds_the_picked_unit(analyst, plan):
    board_filter = read_filter({"plan": str(plan.pk), "unit": "410105", "period": "2023H1", "status": "red"},
                               analyst)
    assert board_filter.picked is not None
    for query in (board_filter.query(), board_filter.query(front="经济发展"), board_filter.query(unit="")):
        assert "picked" not in parse_qs(query) and "picked" not in query
        assert "Unit" not in query and "金水区" not in query
    assert parse_qs(board_filter.query()) == {"plan": [str(plan.pk)], "period": ["2023H1"], "unit": ["410105"],
                                              "status": ["red"]}
    again = read_filter({k: v[0] for k, v in parse_qs(board_filter.query()).items()}, analyst)
    assert again == board_filter == BoardFilter(plan=plan.pk, period="2023H1", unit="410105", status="red")
