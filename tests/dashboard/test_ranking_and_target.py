"""Unit ranking (排名), 未报送 with how late, the target page and the dashboard API."""

import pytest
from django.urls import reverse

from luoshi.dashboard.board import build_ranking, visible_plans
from luoshi.dashboard.filters import BoardFilter
from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import approve
from luoshi.lib.periods import due_date, parse

from .conftest import TODAY, report

pytestmark = pytest.mark.django_db


def test_units_are_ranked_by_pace_and_late_units_listed(analyst, assignments, actuals):
    report("410105", "固定资产投资", "2023M1-2", value=200)
    report("410105", "固定资产投资", "2023M03", value=300)
    report("410103", "固定资产投资", "2023M1-2", value=20)
    ranking = build_ranking(analyst, BoardFilter(period="2023M03"), list(visible_plans(analyst)),
                            assignments["金水区"].target_id, TODAY)
    assert [(r.rank, r.unit.name) for r in ranking.rows] == [(1, "金水区"), (2, "二七区")]
    assert ranking.rows[0].score > 1 > ranking.rows[1].score
    late = [(r.unit.name, r.period.code, r.days) for r in ranking.late]
    due = due_date(parse("2023M03"), assignments["二七区"].target.series.due_day)
    # the city's own 1–3月 figure is owed too (statistics series: its region enters it), one row per figure
    assert late == [("郑州市", "2023M03", (TODAY - due).days), ("二七区", "2023M03", (TODAY - due).days)]
    assert ranking.late[0].due == due and {r.series.name for r in ranking.late} == {"固定资产投资"}


def test_ranking_page_for_a_front(client_for, leader, assignments, actuals):
    report("410105", "固定资产投资", "2023H1", value=420)
    page = client_for(leader).get(reverse("dashboard:ranking") + "?front=经济发展&period=2023H1").content.decode()
    assert "金水区" in page and "二七区" in page and "未报送" in page and "逾期天数" in page


def test_a_reporter_ranks_only_their_own_unit(client_for, erqi_reporter, assignments, actuals):
    page = client_for(erqi_reporter).get(reverse("dashboard:ranking")).content.decode()
    assert "二七区" in page and "金水区" not in page


def test_target_page_shows_chart_revisions_assignments_and_sentence(client_for, analyst, jinshui_reporter,
                                                                      assignments, actuals):
    written = report("410105", "固定资产投资", "2023H1", value=420, user=jinshui_reporter, source="金水区统计局")
    approve(written[0], analyst)
    retail = actuals.targets.get(indicator="社会消费品零售额", kind="level", period="2023")
    page = client_for(analyst).get(reverse("plans:target", args=[retail.pk]) + "?period=2023H1").content.decode()
    assert 'id="year-chart"' in page and '"last_year"' in page and '"forecast"' in page
    assert "系统" in page and "已采用" in page and "2805.7" in page
    assert "全年突破5800亿元" in page
    fai = assignments["金水区"].target
    page = client_for(analyst).get(reverse("plans:target", args=[fai.pk]) + "?period=2023H1").content.decode()
    assert "金水区" in page and "二七区" in page and "900" in page


def test_target_page_lists_pending_and_returned_revisions_for_staff(client_for, analyst, jinshui_reporter, actuals):
    gdp = actuals.targets.get(indicator="地区生产总值")
    FigureRevision.objects.filter(figure__series=gdp.series, figure__period="2023H1").update(
        status=FigureRevision.Status.RETURNED, review_note="口径不一致")
    page = client_for(analyst).get(reverse("plans:target", args=[gdp.pk])).content.decode()
    assert "已退回" in page and "口径不一致" in page


def test_dashboard_api_matches_the_page_and_is_scoped(client_for, leader, erqi_reporter, assignments, actuals):
    body = client_for(leader).get("/api/v1/dashboard?period=2023&status=red").json()
    assert body["period"] == "2023" and body["counts"]["red"] == 4  # with the closed 一季度 retail target
    rows = [t for f in body["fronts"] for t in f["targets"]]
    assert {t["status"] for t in rows} == {"red"} and len(rows) == 4
    assert {(t["indicator"], t["actual"]) for t in rows if t["kind"] == "growth"} == {
        ("固定资产投资", 6.8), ("社会消费品零售额", 7.7)}
    mine = client_for(erqi_reporter).get("/api/v1/dashboard?unit=410105").json()
    assert mine["unit"] == "410103"
    assert [t["unit"] for f in mine["fronts"] for t in f["targets"]] == ["410103"]


def test_dashboard_api_errors(client, client_for, leader, plan):
    assert "/api/v1/dashboard" in client.get("/api/openapi.json").json()["paths"]
    assert client.get("/api/v1/dashboard").status_code == 401
    response = client_for(leader).get("/api/v1/dashboard?status=purple")
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "status"
