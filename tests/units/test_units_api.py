"""/api/v1/units: scoped list, add, rename, archive, import; refusals in the {"error", "detail"} shape."""

import pytest

from luoshi.accounts.models import User
from luoshi.units.importing import import_divisions
from luoshi.units.models import Unit


@pytest.fixture
def kaifeng(units):
    import_divisions("410200")
    return Unit.objects.get(code="410200")


def post(client, url, body=None):
    return client.post(url, body or {}, content_type="application/json")


def test_the_list_is_the_callers_jurisdiction(client_for, analyst, jinshui_reporter, kaifeng):
    rows = {u["code"] for u in client_for(analyst).get("/api/v1/units").json()}
    assert {"410100", "410105", "410100.fgw"} <= rows and "410200" not in rows and "410000" not in rows
    assert [u["name"] for u in client_for(jinshui_reporter).get("/api/v1/units").json()] == ["金水区"]


def test_the_analyst_adds_a_zone_and_renames_it(client_for, analyst, units):
    client = client_for(analyst)
    response = post(client, "/api/v1/units", {"parent": "410100", "kind": "zone", "name": "郑州金水科教园区",
                                              "code": "410100.kjy"})
    assert response.status_code == 201 and response.json()["parent"] == "410100"
    response = client.patch("/api/v1/units/410100.kjy", {"name": "金水科教园区", "short_name": "科教园"},
                            content_type="application/json")
    assert response.json()["short_name"] == "科教园" and Unit.objects.get(code="410100.kjy").name == "金水科教园区"


def test_invalid_units_come_back_field_by_field(client_for, analyst, units):
    response = post(client_for(analyst), "/api/v1/units", {"parent": "410100", "kind": "district", "name": "",
                                                           "code": "410100.fgw"})
    body = response.json()
    assert response.status_code == 422 and body["error"] == "单位信息无效"
    assert {d["field"] for d in body["detail"]} == {"kind", "name", "code"}


def test_archive_is_refused_while_accounts_hang_on_the_unit(client_for, analyst, erqi_reporter, units):
    response = post(client_for(analyst), "/api/v1/units/410103/archive")
    assert response.status_code == 422 and "有 1 个在用账号:erqi" in response.json()["detail"][0]["message"]
    User.objects.filter(username="erqi").update(is_active=False)
    assert post(client_for(analyst), "/api/v1/units/410103/archive").json()["archived"] is True
    assert "410103" not in {u["code"] for u in client_for(analyst).get("/api/v1/units").json()}
    assert post(client_for(analyst), "/api/v1/units/410103/unarchive").json()["archived"] is False


def test_units_outside_the_jurisdiction_are_404_and_a_leader_is_403(client_for, analyst, leader, kaifeng):
    assert post(client_for(analyst), "/api/v1/units/410202/archive").status_code == 404
    response = post(client_for(leader), "/api/v1/units/410103/archive")
    assert response.status_code == 403 and "不在您可维护的范围内" in response.json()["error"]
    response = post(client_for(leader), "/api/v1/units", {"parent": "410100", "kind": "zone", "name": "某园区"})
    assert response.status_code == 403


def test_import_through_the_api_reports_what_it_did(client_for, admin_user, analyst, units):
    response = post(client_for(admin_user), "/api/v1/units-import", {"code": "420100", "dry_run": True})
    assert response.status_code == 200 and response.json()["created"][:2] == ["420000", "420100"]
    assert response.json()["dry_run"] and not Unit.objects.filter(code__startswith="42").exists()
    response = post(client_for(analyst), "/api/v1/units-import", {"code": "420100"})
    assert response.status_code == 403 and response.json() == {"error": "行政区划 420100 不在您的辖区内", "detail": []}
    response = post(client_for(admin_user), "/api/v1/units-import", {"code": "123456"})
    assert response.status_code == 422 and response.json()["detail"][0]["field"] == "code"
