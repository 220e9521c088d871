"""Read-only API tokens beside read-write ones: a read-only token reads everything its user may read and
changes nothing (403 in the error shape on every non-GET)."""

import pytest
from django.core.management import call_command

from luoshi.accounts.models import ApiToken
from luoshi.figures.models import Series

pytestmark = pytest.mark.django_db

NEW_SERIES = {"name": "夜间经济营业额", "unit_of_measure": "亿元"}


def bearer(key: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}


def test_a_read_only_token_reads_but_may_not_write(client, analyst, plan):
    _, key = ApiToken.issue(analyst, "看板抓取", ApiToken.Scope.READ)
    assert client.get("/api/v1/plans", **bearer(key)).status_code == 200
    response = client.post("/api/v1/series", NEW_SERIES, content_type="application/json", **bearer(key))
    assert response.status_code == 403
    assert response.json() == {"error": "只读令牌只能读取数据(GET),不能修改", "detail": []}
    assert not Series.objects.filter(name="夜间经济营业额").exists()


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_every_non_get_method_is_refused_to_a_read_only_token(client, analyst, plan, method):
    _, key = ApiToken.issue(analyst, "只读", ApiToken.Scope.READ)
    response = getattr(client, method)(f"/api/v1/plans/{plan.pk}/unpublish", content_type="application/json",
                                       **bearer(key))
    assert response.status_code in (403, 405)
    if method == "post":
        assert response.status_code == 403 and response.json()["error"].startswith("只读令牌")


def test_a_read_write_token_keeps_its_users_rights(client, analyst, series):
    _, key = ApiToken.issue(analyst, "同步")
    response = client.post("/api/v1/series", NEW_SERIES, content_type="application/json", **bearer(key))
    assert response.status_code == 201 and response.json()["name"] == "夜间经济营业额"


def test_the_command_issues_a_read_only_token(analyst, capsys):
    call_command("create_api_token", "analyst", "--read-only", "--name", "大屏")
    key = capsys.readouterr().out.strip()
    token = ApiToken.active(key)
    assert token.name == "大屏" and token.read_only and token.user == analyst


def test_the_command_issues_read_write_by_default(analyst, capsys):
    call_command("create_api_token", "analyst")
    assert ApiToken.active(capsys.readouterr().out.strip()).scope == ApiToken.Scope.WRITE


def test_a_revoked_token_is_anonymous(client, analyst, plan):
    token, key = ApiToken.issue(analyst, "旧", ApiToken.Scope.READ)
    token.revoked = True
    token.save()
    assert client.get("/api/v1/plans", **bearer(key)).status_code == 401
