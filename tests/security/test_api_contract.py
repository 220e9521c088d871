"""The API's contract: one name per schema, every error status declared with the one error shape, and
every error — anonymous, CSRF, bad input, unexpected failure — answered as {"error", "detail"} JSON."""

import logging

import pytest
from django.test import Client

from luoshi.api import plans as plans_api
from luoshi.api.schemas import ERROR_STATUSES
from luoshi.api.urls import api
from luoshi.plans.models import Target

pytestmark = pytest.mark.django_db

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}


def operations():
    for path_view in api._get_bound_routers():
        for view in path_view.path_operations.values():
            yield from view.operations


def models_of(model, seen):
    """MODEL and every pydantic model its fields name, however deeply nested."""
    if not isinstance(model, type) or not hasattr(model, "model_fields") or model in seen:
        return
    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            kind = stack.pop()
            stack.extend(getattr(kind, "__args__", ()))
            models_of(kind, seen)


def test_no_two_schemas_share_a_component_name():
    seen = set()
    for operation in operations():
        for model in operation.response_models.values():
            models_of(model, seen)
        for model in operation.models:
            models_of(model, seen)
    by_name = {}
    for model in seen:
        if model.__name__ not in ("NinjaResponseSchema",) and not model.__name__.endswith("Params"):
            by_name.setdefault(model.__name__, set()).add(f"{model.__module__}.{model.__qualname__}")
    assert {name: where for name, where in by_name.items() if len(where) > 1} == {}


def test_every_operation_declares_every_error_status_as_error_out(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    for path, methods in paths.items():
        for method, operation in methods.items():
            for status in ERROR_STATUSES:
                declared = operation["responses"].get(str(status))
                assert declared, f"{method.upper()} {path} does not declare {status}"
                assert declared["content"]["application/json"]["schema"] == ERROR_REF


def test_an_anonymous_post_is_401_not_a_csrf_failure(plan):
    response = Client(enforce_csrf_checks=True).post(f"/api/v1/plans/{plan.pk}/unpublish")
    assert response.status_code == 401
    assert response.json() == {"error": "需要登录", "detail": []}


def test_a_signed_in_post_without_csrf_token_is_403_in_the_error_shape(analyst, plan):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(analyst)
    response = browser.post(f"/api/v1/plans/{plan.pk}/unpublish")
    assert response.status_code == 403
    assert response.json() == {"error": "CSRF 校验失败:请刷新页面后重试", "detail": []}


@pytest.mark.parametrize("query", ["plan=abc", "plan=18446744073709551616", "plan=0", "target=-3"])
def test_unreadable_ids_in_the_query_are_422(client_for, analyst, plan, query):
    endpoint = "/api/v1/assignments" if query.startswith("target") else "/api/v1/targets"
    response = client_for(analyst).get(f"{endpoint}?{query}")
    assert response.status_code == 422
    assert response.json()["error"] == "请求参数无效" and response.json()["detail"]


def test_an_id_past_the_column_in_the_path_is_422(client_for, leader, plan):
    response = client_for(leader).get(f"/api/v1/plans/{2**63}")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "plan_id"


def test_an_unexpected_failure_is_a_logged_500_in_the_error_shape(client_for, leader, plan, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("磁盘已满(测试)")

    monkeypatch.setattr(plans_api, "plan_record", broken)
    client = client_for(leader)
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR, logger="luoshi.api"):
        response = client.get("/api/v1/plans")
    assert response.status_code == 500 and response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json() == {"error": "服务器内部错误,已记录,请稍后重试或联系管理员", "detail": []}
    assert "GET /api/v1/plans failed" in caplog.text and "磁盘已满(测试)" in caplog.text


def test_the_roll_up_of_a_target_with_no_region_has_no_city_row(client_for, analyst, fai_target):
    Target.objects.filter(pk=fai_target.pk).update(region_unit=None)
    response = client_for(analyst).get(f"/api/v1/projects-rollup/{fai_target.pk}")
    assert response.status_code == 200 and response.json()["city"] is None


@pytest.mark.parametrize("days", [10**9, -5, 0])
def test_obstacle_routing_days_outside_one_year_are_refused_by_the_schema(client_for, analyst, plan, days):
    response = client_for(analyst).post("/api/v1/obstacles/1/route", {"department": "410102", "days": days},
                                        content_type="application/json")
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"][-1] == "days"


def test_a_project_plan_year_past_2100_is_refused_before_any_lookup(client_for, analyst, plan):
    response = client_for(analyst).put("/api/v1/projects/1/plan", {"year": 70000, "months": {"1": 3}},
                                       content_type="application/json")
    assert response.status_code == 422 and response.json()["detail"][0]["loc"][-1] == "year"
