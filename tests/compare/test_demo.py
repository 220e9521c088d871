"""On the demo: the command line lists Henan's 18 cities as their plans set them and as they published."""

import json

import pytest
from django.db import transaction

from luoshi.cli import main
from luoshi.demo import loader

PUBLISHED = {"郑州": 7.4, "漯河": 5.4, "南阳": 4.8, "洛阳": 3.5, "新乡": 1.5}


@pytest.fixture(scope="module")
def demo_once(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module (it is most of each test's time) and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield loader.load_demo()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_once, db):
    """Each test runs in its own savepoint inside the module's demo: what it changes is undone."""
    return demo_once


def test_luoshi_compare_lists_every_city_with_its_targets_and_actuals(demo, capsys):
    assert main(["compare", "--indicator", "地区生产总值", "--period", "2023", "--under", "410000",
                 "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    rows = {r["short_name"]: r for r in record["rows"]}
    assert len(rows) == 18
    assert [(t["commitment"], t["value"]) for t in rows["南阳"]["targets"]] == [("保", 8.0), ("争", 9.0)]
    assert {name: r["measured"] for name, r in rows.items() if r["actual"]} == PUBLISHED
    assert rows["郑州"]["status"] == "green" and rows["洛阳"]["status"] == "red"
    assert all(r["actual_label"] == "无公开数据" for name, r in rows.items() if name not in PUBLISHED)
    assert all(r["targets"] for r in rows.values())
    assert record["reference"]["measured"] == 4.1  # the province's own published figure


def test_each_city_has_its_own_plan_issued_by_it(demo):
    from luoshi.plans.models import Plan

    plans = Plan.objects.filter(source_url__contains="2443")
    assert plans.count() == 18
    assert all(t.region_unit_id == p.issuer_id for p in plans for t in p.targets.all())


def test_the_table_format_reads_for_a_person(demo, capsys):
    assert main(["compare", "--indicator", "规模以上工业增加值", "--period", "2023", "--under", "410000"]) == 0
    out = capsys.readouterr().out
    assert "增长 11% 左右" in out and "无公开数据" in out


def test_an_unknown_unit_is_refused_with_the_field(demo, capsys):
    assert main(["compare", "--indicator", "地区生产总值", "--period", "2023", "--under", "999999"]) == 2
    assert "under" in capsys.readouterr().err


def test_as_a_district_reporter_only_their_district_is_listed(demo, capsys):
    assert main(["compare", "--indicator", "地区生产总值", "--period", "2023", "--under", "410100",
                 "--as", "jinshui", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [r["unit"] for r in record["rows"]] == ["410105"] and record["reference"] is None


def test_the_province_leader_sees_every_city(demo, capsys):
    assert main(["compare", "--indicator", "固定资产投资", "--period", "2023", "--under", "410000",
                 "--as", "henan-leader", "--format", "json"]) == 0
    rows = {r["short_name"]: r for r in json.loads(capsys.readouterr().out)["rows"]}
    assert len(rows) == 18 and rows["南阳"]["measured"] == 5.8 and rows["漯河"]["measured"] == 7.2
