"""The demo decomposes its investment and retail targets to the districts, so a district reporter has work."""

import json
from decimal import Decimal

import pytest

from luoshi.accounts.models import User
from luoshi.demo import loader
from luoshi.figures.models import Figure
from luoshi.plans.models import Assignment


@pytest.mark.django_db
def test_the_demo_quotas_are_stated_assumptions_a_district_reporter_sees(client):
    demo = loader.load_demo()  # once: the demo takes a while to load
    data = json.loads(loader.QUOTAS_FILE.read_text(encoding="utf-8"))
    assert "演示假设" in data["note"]
    for entry in data["targets"]:
        target = demo.targets.get(indicator=entry["indicator"], period=entry["period"], kind=entry["kind"])
        rows = {a.unit.code: a.value for a in target.assignments.select_related("unit")}
        assert set(rows) == set(entry["quotas"])
        if target.kind == "level":
            assert sum(rows.values()) == target.value
        else:
            assert set(rows.values()) == {None}  # the city's rate applies

    districts = Assignment.objects.values_list("unit", flat=True)
    assert not Figure.objects.filter(unit__in=districts, head_revision__isnull=False).exists()  # no invented outcome

    jinshui = Assignment.objects.filter(unit__code="410105")
    assert jinshui.count() == 4
    assert jinshui.get(target__kind="level", target__indicator="固定资产投资").value == Decimal(560)
    client.force_login(User.objects.get(username="jinshui"))
    page = client.get("/dashboard/").content.decode()
    assert "固定资产投资" in page and "560 亿元" in page
