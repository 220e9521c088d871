"""导入行政区划: a province or city with everything below it, its missing ancestors, and nothing twice."""

import pytest
from django.core.management import call_command

from luoshi.core.models import ObjectChange
from luoshi.units.importing import UnknownDivision, import_divisions
from luoshi.units.models import Unit

pytestmark = pytest.mark.django_db


def test_henan_brings_its_eighteen_cities_and_their_counties():
    report = import_divisions("410000")
    henan = Unit.objects.get(code="410000")
    assert len(report.created) == Unit.objects.count() == 175
    assert henan.kind == Unit.Kind.PROVINCE and henan.short_name == "河南"
    cities = henan.children.exclude(kind=Unit.Kind.COUNTY_CITY)
    assert cities.count() == 17 and set(cities.values_list("kind", flat=True)) == {Unit.Kind.CITY}
    assert henan.children.count() == 18  # with 济源市, a county-level city under the province itself
    assert Unit.objects.get(code="410105").path == "/410000/410100/410105/"


def test_kinds_follow_the_division_types():
    import_divisions("410000")
    kinds = dict(Unit.objects.values_list("name", "kind"))
    assert kinds["济源市"] == Unit.Kind.COUNTY_CITY and Unit.objects.get(name="济源市").parent.code == "410000"
    assert kinds["金水区"] == Unit.Kind.DISTRICT
    assert kinds["巩义市"] == Unit.Kind.COUNTY_CITY
    assert kinds["杞县"] == Unit.Kind.COUNTY


def test_a_municipality_is_a_province_and_its_districts_hang_on_it():
    import_divisions("500000")
    chongqing = Unit.objects.get(code="500000")
    assert chongqing.kind == Unit.Kind.PROVINCE
    assert Unit.objects.get(name="渝中区").parent == chongqing
    assert Unit.objects.get(name="渝中区").kind == Unit.Kind.DISTRICT
    assert Unit.objects.get(name="城口县").kind == Unit.Kind.COUNTY


def test_a_city_brings_its_missing_province_along():
    report = import_divisions("410200")
    kaifeng = Unit.objects.get(code="410200")
    assert kaifeng.parent.code == "410000" and kaifeng.kind == Unit.Kind.CITY
    assert [u.code for u in report.created][:2] == ["410000", "410200"]
    assert Unit.objects.get(name="龙亭区").path == "/410000/410200/410202/"
    assert not Unit.objects.filter(code="410100").exists()


def test_a_second_run_changes_nothing_and_says_so():
    import_divisions("410200")
    changes = ObjectChange.objects.count()
    again = import_divisions("410200")
    assert not again.changed and again.unchanged == Unit.objects.count()
    assert "无需更改" in again.summary()
    assert ObjectChange.objects.count() == changes


def test_an_existing_unit_keeps_its_pk_and_only_differing_fields_change():
    province = Unit.objects.create(code="410000", name="河南省", short_name="河南", kind=Unit.Kind.PROVINCE)
    old = Unit.objects.create(code="410200", name="开封", kind=Unit.Kind.CITY, parent=province, order=7)
    report = import_divisions("410200")
    kaifeng = Unit.objects.get(code="410200")
    assert kaifeng.pk == old.pk and kaifeng.name == "开封市" and kaifeng.order == 7
    assert [(u.code, fields) for u, fields in report.updated] == [("410200", ["名称", "简称"])]
    change = ObjectChange.objects.filter(changed_object_id=old.pk, action="update").get()
    assert change.diff["name"] == ("开封", "开封市")


def test_an_archived_unit_is_reported_not_resurrected():
    import_divisions("410200")
    Unit.objects.filter(code="410205").update(archived=True)
    report = import_divisions("410200")
    assert Unit.objects.get(code="410205").archived
    assert [u.code for u in report.archived] == ["410205"]
    assert any("已归档,未恢复" in line for line in report.lines())


def test_dry_run_writes_nothing_but_tells_what_it_would_do():
    report = import_divisions("410200", dry_run=True)
    assert len(report.created) == 11 and "试运行" in report.summary()
    assert not Unit.objects.exists() and not ObjectChange.objects.exists()


def test_every_created_unit_is_in_the_change_log():
    report = import_divisions("410200")
    logged = set(ObjectChange.objects.filter(action="create").values_list("changed_object_id", flat=True))
    assert {u.pk for u in report.created} <= logged


def test_an_unknown_code_is_refused_with_the_expected_shape():
    with pytest.raises(UnknownDivision, match="没有行政区划代码 4102"):
        import_divisions("4102")


def test_the_command_prints_the_report(capsys):
    call_command("units", "import", "--under", "410200", "--dry-run")
    out = capsys.readouterr().out
    assert "新建 龙亭区(410202)" in out and "试运行,未写入" in out
    assert not Unit.objects.exists()
