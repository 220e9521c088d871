"""企业库: the credit-code check digit, uniqueness when given, outside firms, jurisdiction, pages and API."""

import pytest
from django.core.exceptions import PermissionDenied

from luoshi.core.errors import FieldErrors
from luoshi.core.models import ObjectChange
from luoshi.enterprises import register
from luoshi.enterprises.credit_code import normalise, problem
from luoshi.enterprises.models import Enterprise

#: Made for these tests: valid check characters computed over our own 17 characters.
VALID, OTHER_VALID = "91410100MA0000001X", "91410105MA0000004F"


def test_the_check_character_is_verified():
    assert problem(VALID) == ""
    assert "校验位" in problem(VALID[:-1] + "Y")
    assert "18 位" in problem("9141010")
    assert "不含 I" in problem("91410100MA000000IX")  # I is not in the alphabet
    assert normalise(" 91410100-ma0000001x ") == VALID


def make(user, units, **values):
    values = {"name": "测试企业", "register_unit": units["郑州市"], "unit": units["金水区"], **values}
    return register.create_enterprise(user, **values)


def test_a_bad_or_duplicate_code_is_refused_an_empty_one_repeats(analyst, units):
    with pytest.raises(FieldErrors) as bad:
        make(analyst, units, credit_code=VALID[:-1] + "Y")
    assert bad.value.detail[0]["field"] == "credit_code"
    make(analyst, units, credit_code=VALID)
    with pytest.raises(FieldErrors) as twice:
        make(analyst, units, name="另一测试企业", credit_code=VALID.lower())
    assert "已有" in twice.value.detail[0]["message"]
    make(analyst, units, name="无代码一")
    make(analyst, units, name="无代码二")
    assert Enterprise.objects.filter(credit_code="").count() == 2


def test_an_outside_firm_has_no_unit_and_a_city_firm_needs_one(analyst, units):
    outside = make(analyst, units, outside=True, location="测试市")
    assert outside.unit is None
    with pytest.raises(FieldErrors):
        make(analyst, units, name="无单位企业", unit=None)


def test_jurisdiction_who_sees_and_who_changes(analyst, leader, jinshui_reporter, erqi_reporter, units):
    from tests.conftest import make_user

    kf = make_user("kf", "analyst", units["开封市"])
    firm = make(analyst, units, credit_code=OTHER_VALID)
    assert register.visible(jinshui_reporter).filter(pk=firm.pk).exists()
    assert not register.visible(erqi_reporter).filter(pk=firm.pk).exists()
    assert not register.visible(kf).filter(pk=firm.pk).exists()
    assert register.visible(leader).filter(pk=firm.pk).exists() and not register.may_edit(leader, firm)
    with pytest.raises(PermissionDenied):
        register.update_enterprise(kf, firm, scale="above")
    with pytest.raises(FieldErrors):
        make(kf, units, name="越界企业", register_unit=units["开封市"], unit=units["金水区"])


def test_archive_never_deletes_and_is_logged(analyst, units):
    firm = make(analyst, units)
    register.archive_enterprise(analyst, firm)
    assert Enterprise.objects.get(pk=firm.pk).archived
    assert not register.visible(analyst).active().filter(pk=firm.pk).exists()
    change = ObjectChange.objects.filter(changed_object_type__model="enterprise", action="update").first()
    assert change.diff["archived"] == (False, True)


def test_pages_list_search_detail_and_edit(client_for, analyst, jinshui_reporter, units):
    firm = make(analyst, units, name="测试搜索企业", credit_code=VALID)
    client = client_for(analyst)
    assert "测试搜索企业" in client.get("/enterprises/?q=搜索").content.decode()
    assert "测试搜索企业" not in client.get("/enterprises/?q=没有").content.decode()
    assert "测试搜索企业" in client.get(f"/enterprises/?q={VALID}").content.decode()
    assert client.get(f"/enterprises/{firm.pk}/").status_code == 200
    response = client.post(f"/enterprises/{firm.pk}/edit/", {
        "name": "测试搜索企业", "credit_code": VALID, "scale": "specialised", "register_unit": units["郑州市"].pk,
        "unit": units["金水区"].pk, "location": ""})
    assert response.status_code == 302 and Enterprise.objects.get(pk=firm.pk).scale == "specialised"
    reporter = client_for(jinshui_reporter)
    assert reporter.get(f"/enterprises/{firm.pk}/").status_code == 200
    assert reporter.get(f"/enterprises/{firm.pk}/edit/").status_code == 403
    assert reporter.get("/enterprises/new/").status_code == 403


def test_the_api_adds_lists_and_archives(client_for, analyst, units):
    client = client_for(analyst)
    created = client.post("/api/v1/enterprises", {"name": "测试接口企业", "credit_code": VALID, "scale": "above",
                                                  "unit": "410105"}, content_type="application/json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["register_unit"], body["unit"], body["scale_label"]) == ("410100", "410105", "规上")
    bad = client.post("/api/v1/enterprises", {"name": "坏代码", "credit_code": VALID[:-1] + "Y", "unit": "410105"},
                      content_type="application/json")
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "credit_code"
    assert [e["name"] for e in client.get("/api/v1/enterprises?q=接口").json()] == ["测试接口企业"]
    archived = client.post(f"/api/v1/enterprises/{body['id']}/archive", {"archived": True},
                           content_type="application/json")
    assert archived.json()["archived"] and client.get("/api/v1/enterprises?q=接口").json() == []


def test_a_key_projects_investor_is_an_enterprise_of_the_register(analyst, units):
    from luoshi.projects.models import Project

    firm = make(analyst, units, name="测试投资企业")
    project = Project.objects.create(code="T-INV-1", name="测试投资项目", owner=units["金水区"], investor=firm)
    assert list(firm.invested_projects.all()) == [project]
