"""Any plan, any city: the whole loop on an empty installation, as a new user would run it.

The divisions come from the shipped data, the plan is a 开封 text written for this test only, and
every step goes through the same command or API operation a person uses: no fixture wires a series,
a unit or a quota by hand, and nothing goes through the Django admin.
"""

import json
from pathlib import Path

import pytest

from luoshi import cli
from luoshi.accounts.models import ApiToken, User
from luoshi.plans.models import Plan, Target

pytestmark = pytest.mark.django_db

PLAN_TEXT = Path(__file__).parent / "data" / "kaifeng-2025-report.txt"
PASSWORD = "Kaifeng-loop-2025!"
CATALOGUE_SERIES = ("地区生产总值", "规模以上工业增加值", "固定资产投资", "社会消费品零售总额", "一般公共预算收入",
                    "城镇新增就业")


def run(*argv: str) -> None:
    assert cli.main(list(argv)) == 0, argv


def bearer(username: str) -> dict:
    _, key = ApiToken.issue(User.objects.get(username=username), "e2e")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


@pytest.fixture
def kaifeng(capsys):
    """Henan imported, three analysts and a 龙亭区 reporter added, the 开封 plan read and published."""
    run("units", "import", "--under", "410000")
    for username, role, code in (("kf-analyst", "analyst", "410200"), ("zz-analyst", "analyst", "410100"),
                                 ("ha-analyst", "analyst", "410000"), ("lt-reporter", "reporter", "410202")):
        run("users", "add", username, "--role", role, "--unit", code, "--password", PASSWORD)
    capsys.readouterr()
    run("plan", "new", str(PLAN_TEXT), "--region", "410200", "--accept-all", "--publish", "--as", "kf-analyst")
    return Plan.objects.get(issuer__code="410200")


def test_the_plan_is_published_with_every_catalogue_indicator_wired_to_its_series(kaifeng):
    assert kaifeng.status == Plan.Status.PUBLISHED and kaifeng.year == 2025
    targets = list(kaifeng.targets.select_related("series", "region_unit", "owner"))
    city = [t for t in targets if t.region_unit.code == "410200"]
    assert set(CATALOGUE_SERIES) <= {t.series.name for t in city}, sorted(t.series.name for t in city)
    for target in targets:
        if target.indicator in CATALOGUE_SERIES:
            assert target.series.name == target.indicator, target
    assert all(t.owner == t.region_unit for t in targets)
    longting = kaifeng.targets.get(region_unit__code="410202")
    assert (longting.series.name, longting.kind, float(longting.value)) == ("固定资产投资", "growth", 10.0)
    gulou = kaifeng.targets.get(region_unit__code="410204")
    assert (gulou.series.name, float(gulou.value), gulou.bound) == ("城镇新增就业", 6000.0, "min")


def test_a_quota_reported_by_a_district_is_approved_and_judged(kaifeng, client, capsys):
    jobs = kaifeng.targets.get(indicator="城镇新增就业", region_unit__code="410200")
    run("assign", str(jobs.pk), "410202=0.8", "410204=0.6")
    submitted = client.post("/api/v1/figures", json.dumps({"items": [
        {"series": "城镇新增就业", "unit": "410202", "period": "2025", "value": 0.85, "unit_of_measure": "万人",
         "source": "龙亭区人力资源和社会保障局"}]}), content_type="application/json", **bearer("lt-reporter"))
    assert submitted.status_code == 201, submitted.content
    revision = submitted.json()["written"][0]["revision"]
    foreign = client.post(f"/api/v1/revisions/{revision}/approve", **bearer("zz-analyst"))
    assert foreign.status_code in (403, 404)
    approved = client.post(f"/api/v1/revisions/{revision}/approve", **bearer("kf-analyst"))
    assert approved.status_code == 200 and approved.json()["status"] == "approved"

    capsys.readouterr()
    run("status", "--plan", str(kaifeng.pk), "--unit", "410202", "--format", "json")
    rows = json.loads(capsys.readouterr().out)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    mine = next(r for r in rows if r["target_id"] == jobs.pk and r["unit"] == "410202")
    # 城镇新增就业 is a monthly year-to-date series: a whole-year figure is its 1–12月 figure.
    assert (mine["actual"], mine["actual_period"], mine["target"]) == (0.85, "2025M12", 0.8)
    assert mine["status"] == "green" and mine["met"] is True and not mine.get("late")


def test_a_zhengzhou_analyst_sees_none_of_kaifeng_and_the_province_sees_both(kaifeng, client):
    run("plan", "new", str(PLAN_TEXT), "--region", "410100", "--title", "郑州同文对照", "--as", "zz-analyst")
    zhengzhou = Plan.objects.get(issuer__code="410100")

    def plan_ids(username: str) -> set[int]:
        answer = client.get("/api/v1/plans", **bearer(username))
        assert answer.status_code == 200
        return {p["id"] for p in answer.json()}

    assert plan_ids("zz-analyst") == {zhengzhou.pk}
    assert plan_ids("kf-analyst") == {kaifeng.pk}
    assert plan_ids("ha-analyst") == {zhengzhou.pk, kaifeng.pk}
    assert plan_ids("lt-reporter") == {kaifeng.pk}
    target = Target.objects.filter(plan=kaifeng).first()
    assert client.get(f"/api/v1/targets/{target.pk}", **bearer("zz-analyst")).status_code == 404
    assert client.get(f"/api/v1/targets/{target.pk}", **bearer("ha-analyst")).status_code == 200
