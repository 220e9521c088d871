"""POST /api/v1/figures: token auth, all or nothing, per-item errors, 409 on conflict, idempotent keys."""

import pytest

from luoshi.accounts.models import ApiToken
from luoshi.figures.models import FigureRevision

pytestmark = pytest.mark.django_db
URL = "/api/v1/figures"


def post(client, *items):
    return client.post(URL, {"items": list(items)}, content_type="application/json")


ITEM = {"series": "固定资产投资", "unit": "410105", "period": "2023M03", "value": 120}


def test_a_bad_token_is_refused(client, assignments):
    response = client.get(URL, HTTP_AUTHORIZATION="Bearer nope")
    assert response.status_code == 401 and response.json()["error"] == "需要登录"


def test_submit_with_a_token_and_replay_with_the_same_client_key(token_client, jinshui_reporter, assignments):
    client = token_client(jinshui_reporter)
    first = post(client, {**ITEM, "client_key": "k-1"})
    assert first.status_code == 201
    written = first.json()["written"]
    assert written[0]["status"] == "submitted" and written[0]["item"] == 1
    again = post(client, {**ITEM, "client_key": "k-1"})
    assert again.status_code == 200 and again.json()["replayed"][0]["revision"] == written[0]["revision"]
    assert FigureRevision.objects.count() == 1


def test_per_item_errors_and_nothing_written(token_client, jinshui_reporter, assignments):
    response = post(token_client(jinshui_reporter), ITEM, {**ITEM, "period": "2023M04", "value": "abc"},
                    {**ITEM, "unit": "410103", "period": "2023M05"})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert {"item": 2, "field": "value", "value": "abc", "reason": "不是数字"} in detail
    assert any(d["item"] == 3 and d["field"] == "unit" for d in detail)
    assert not FigureRevision.objects.exists()


def test_conflict_is_409_with_both_values(token_client, jinshui_reporter, analyst, assignments):
    reporter = token_client(jinshui_reporter)
    base = post(reporter, ITEM).json()["written"][0]["revision"]
    from django.test import Client

    other = Client()
    _, key = ApiToken.issue(analyst, "a")
    other.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
    assert post(other, {**ITEM, "value": 130, "based_on": base}).status_code == 201
    response = post(reporter, {**ITEM, "value": 125, "based_on": base})
    assert response.status_code == 409
    detail = response.json()["detail"][0]
    assert detail["theirs"]["value"] == 130 and detail["yours"]["value"] == 125


def test_reporters_read_only_their_units_figures_and_cannot_approve(token_client, client, jinshui_reporter,
                                                                    erqi_reporter, assignments):
    revision = post(token_client(jinshui_reporter), ITEM).json()["written"][0]["revision"]
    client.defaults.pop("HTTP_AUTHORIZATION")
    erqi = token_client(erqi_reporter)
    assert erqi.get(URL).json() == []
    assert erqi.post(f"/api/v1/revisions/{revision}/approve").status_code == 404
    jinshui = token_client(jinshui_reporter)
    assert [f["unit"] for f in jinshui.get(URL).json()] == ["410105"]
    assert jinshui.post(f"/api/v1/revisions/{revision}/approve").status_code == 403


def test_analyst_approves_through_the_api(token_client, jinshui_reporter, analyst, assignments):
    revision = post(token_client(jinshui_reporter), ITEM).json()["written"][0]["revision"]
    response = token_client(analyst).post(f"/api/v1/revisions/{revision}/approve")
    assert response.status_code == 200 and response.json()["status"] == "approved"


def test_status_endpoint_gives_the_2023_verdicts(client_for, leader, actuals):
    rows = client_for(leader).get("/api/v1/status?period=2023").json()
    gdp = next(r for r in rows if r["indicator"] == "地区生产总值")
    assert gdp["status"] == "green" and gdp["actual"] == 7.4
    assert client_for(leader).get("/api/v1/status?period=2023M13").status_code == 422


def test_status_for_a_reporter_is_their_units_assignments(client_for, jinshui_reporter, assignments):
    rows = client_for(jinshui_reporter).get("/api/v1/status?period=2023").json()
    assert [(r["unit_name"], r["target"]) for r in rows] == [("金水区", 900.0)]
