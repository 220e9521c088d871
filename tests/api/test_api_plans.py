import pytest

from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_openapi_document_is_served(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "落实 Luoshi API"
    assert {"/api/v1/plans", "/api/v1/targets", "/api/v1/units", "/api/v1/assignments"} <= set(schema["paths"])


def test_anonymous_requests_get_an_error_body(client, plan):
    response = client.get("/api/v1/plans")
    assert response.status_code == 401
    assert response.json() == {"error": "需要登录", "detail": []}


def test_plan_with_fronts_targets_and_provenance(client_for, leader, plan):
    body = client_for(leader).get(f"/api/v1/plans/{plan.pk}").json()
    assert len(body["fronts"]) == 6 and len(body["targets"]) == 12
    for target in body["targets"]:
        start, end = target["span"]
        assert body["text"][start:end] == target["sentence"]
    retail = next(t for t in body["targets"] if t["value"] == 5800)
    assert retail["wording"] == "确保 突破 5800 亿元" and retail["bound"] == "min"


def test_targets_filter_by_front_and_kind(client_for, analyst, plan):
    client = client_for(analyst)
    growth = client.get(f"/api/v1/targets?plan={plan.pk}&kind=growth").json()
    assert sorted(t["indicator"] for t in growth) == ["固定资产投资", "地区生产总值", "社会消费品零售额"]
    innovation = client.get("/api/v1/targets?front=创新引领").json()
    assert len(innovation) == 4


def test_missing_objects_give_404_with_error_body(client_for, analyst, plan):
    response = client_for(analyst).get("/api/v1/targets/999999")
    assert response.status_code == 404 and response.json()["error"] == "未找到"


def test_reporters_do_not_see_draft_plans_through_the_api(client_for, jinshui_reporter, plan):
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.DRAFT)
    client = client_for(jinshui_reporter)
    assert client.get("/api/v1/plans").json() == []
    assert client.get(f"/api/v1/plans/{plan.pk}").status_code == 404
    assert client.get("/api/v1/targets").json() == []


def test_units_are_listed_with_their_parents(client_for, analyst, units):
    rows = {u["name"]: u for u in client_for(analyst).get("/api/v1/units").json()}
    assert rows["金水区"]["parent"] == "410100" and rows["郑州市"]["parent"] == "410000"
