"""The /units/ page: the jurisdiction's tree; analysts add zones and departments, rename, archive."""

import pytest

from luoshi.accounts.models import User
from luoshi.core.models import ObjectChange
from luoshi.units.models import Unit

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def kaifeng_analyst(units):
    from luoshi.units.importing import import_divisions

    import_divisions("410200")
    return User.objects.create_user("kf", password="pw-kf", role=User.Role.ANALYST,
                                    unit=Unit.objects.get(code="410200"))


def test_the_analyst_sees_the_city_tree_with_people_and_holdings(client_for, analyst, assignments, units):
    page = client_for(analyst).get("/units/").content.decode()
    assert "金水区" in page and "郑州市发展和改革委员会" in page and "<details" in page
    assert "分解任务 1" in page  # 金水区's share of the investment target
    assert "analyst(分析员" in page
    assert "河南省" not in page  # above the analyst's unit: not theirs


def test_a_reporter_sees_only_their_unit_and_no_maintenance(client_for, jinshui_reporter):
    page = client_for(jinshui_reporter).get("/units/").content.decode()
    assert "金水区" in page and "二七区" not in page
    assert "维护" not in page and "导入行政区划" not in page


def test_a_leader_reads_the_tree_but_cannot_change_it(client_for, leader, units):
    client = client_for(leader)
    assert "二七区" in client.get("/units/").content.decode()
    assert client.get(f"/units/{units['二七区'].pk}/actions/", **HTMX).status_code == 403
    response = client.post(f"/units/{units['二七区'].pk}/rename/", {"name": "二七新区"}, **HTMX)
    assert response.status_code == 403
    assert Unit.objects.get(pk=units["二七区"].pk).name == "二七区"


def test_the_analyst_adds_a_department_with_a_suggested_code(client_for, analyst, units):
    city = units["郑州市"]
    response = client_for(analyst).post(f"/units/{city.pk}/add/", {
        "kind": "department", "name": "郑州市审计局", "short_name": "市审计局"}, **HTMX)
    added = Unit.objects.get(name="郑州市审计局")
    assert added.parent == city and added.kind == Unit.Kind.DEPARTMENT and added.code == "410100.dept1"
    html = response.content.decode()
    assert f'id="unit-row-{city.pk}"' in html and f"beforeend:#unit-children-{city.pk}" in html
    assert ObjectChange.objects.filter(changed_object_id=added.pk, action="create", user=analyst).exists()


def test_a_taken_code_is_refused_in_the_form(client_for, analyst, units):
    response = client_for(analyst).post(f"/units/{units['郑州市'].pk}/add/", {
        "kind": "zone", "name": "另一个高新区", "code": "410100.gxq"}, **HTMX)
    assert "代码“410100.gxq”已被单位“郑州高新技术产业开发区”使用" in response.content.decode()
    assert not Unit.objects.filter(name="另一个高新区").exists()


def test_a_division_cannot_be_added_by_hand(client_for, analyst, units):
    client_for(analyst).post(f"/units/{units['郑州市'].pk}/add/", {"kind": "county", "name": "某新设县"}, **HTMX)
    assert not Unit.objects.filter(name="某新设县").exists()


def test_the_analyst_renames_a_unit_and_the_title_follows(client_for, analyst, units):
    zone = units["郑州经济技术开发区"]
    response = client_for(analyst).post(f"/units/{zone.pk}/rename/", {
        "name": "郑州经济技术开发区管委会", "short_name": "经开区"}, **HTMX)
    assert Unit.objects.get(pk=zone.pk).name == "郑州经济技术开发区管委会"
    assert f'id="unit-title-{zone.pk}" hx-swap-oob="true"' in response.content.decode()


def test_archiving_a_unit_with_accounts_is_refused_with_the_reason(client_for, analyst, jinshui_reporter, units):
    response = client_for(analyst).post(f"/units/{units['金水区'].pk}/archive/", **HTMX)
    assert "不能归档“金水区”:有 1 个在用账号:jinshui" in response.content.decode()
    assert not Unit.objects.get(pk=units["金水区"].pk).archived


def test_archiving_a_unit_with_active_children_is_refused(client_for, admin_user, units):
    response = client_for(admin_user).post(f"/units/{units['郑州市'].pk}/archive/", **HTMX)
    assert "下级单位" in response.content.decode()
    assert not Unit.objects.get(pk=units["郑州市"].pk).archived


def test_archive_and_unarchive_never_delete(client_for, analyst, units):
    client = client_for(analyst)
    zone = units["郑东新区"]
    client.post(f"/units/{zone.pk}/archive/", **HTMX)
    assert Unit.objects.get(pk=zone.pk).archived
    assert "已归档" in client.get("/units/").content.decode()
    assert "取消归档" in client.get(f"/units/{zone.pk}/actions/", **HTMX).content.decode()
    client.post(f"/units/{zone.pk}/unarchive/")
    assert not Unit.objects.get(pk=zone.pk).archived
    assert ObjectChange.objects.filter(changed_object_id=zone.pk, action="update").count() == 2


def test_a_unit_of_another_city_is_not_there_for_the_analyst(client_for, analyst, kaifeng_analyst):
    longting = Unit.objects.get(name="龙亭区")
    client = client_for(analyst)
    assert client.post(f"/units/{longting.pk}/rename/", {"name": "x"}, **HTMX).status_code == 404
    assert "龙亭区" not in client.get("/units/").content.decode()


def test_an_analyst_imports_only_within_their_jurisdiction(client_for, kaifeng_analyst):
    client = client_for(kaifeng_analyst)
    response = client.post("/units/import/", {"code": "420100"}, follow=True)
    assert "行政区划 420100 不在您的辖区内" in response.content.decode()
    assert not Unit.objects.filter(code="420100").exists()
    response = client.post("/units/import/", {"code": "410200"}, follow=True)
    assert "无需更改" in response.content.decode()


def test_an_admin_imports_any_division_from_the_page(client_for, admin_user, units):
    response = client_for(admin_user).post("/units/import/", {"code": "420100"}, follow=True)
    assert Unit.objects.get(code="420100").parent.name == "湖北省"
    assert "新建 15 个,更新 0 个,未变 0 个" in response.content.decode()


def test_a_malformed_import_code_is_explained(client_for, admin_user):
    response = client_for(admin_user).post("/units/import/", {"code": "41"}, follow=True)
    assert "应为六位数字的行政区划代码" in response.content.decode()


def test_the_maintenance_forms_come_when_the_panel_is_opened(client_for, analyst, units):
    client = client_for(analyst)
    page = client.get("/units/").content.decode()
    actions = f"/units/{units['中牟县'].pk}/actions/"
    assert f'hx-get="{actions}"' in page and "更名" not in page
    forms = client.get(actions, **HTMX).content.decode()
    assert 'value="中牟县"' in forms and "添加下级功能区或部门" in forms and "归档" in forms


def test_a_refused_form_comes_back_open_with_what_was_typed(client_for, analyst, units):
    response = client_for(analyst).post(f"/units/{units['郑州市'].pk}/add/", {
        "kind": "department", "name": "", "code": "bad code"}, **HTMX)
    html = response.content.decode()
    assert 'class="unit-actions" open' in html and 'value="bad code"' in html


def test_an_analyst_import_leaves_what_lies_above_their_unit_alone(client_for, analyst, units):
    from luoshi.units.importing import import_divisions

    Unit.objects.filter(code="410000").update(name="河南省人民政府")
    Unit.objects.filter(code="410105").update(short_name="")
    report = import_divisions("410100", analyst)
    assert Unit.objects.get(code="410000").name == "河南省人民政府"
    assert [(u.code, fields) for u, fields in report.updated] == [("410105", ["简称"])]
    assert import_divisions("410100").updated[0][0].code == "410000"  # the system may put it right
