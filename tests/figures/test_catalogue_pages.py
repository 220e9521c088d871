"""指标库 in the browser's pages, the API and the CLI; 未公布 marks on figure slots."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType

from luoshi.accounts.models import User
from luoshi.cli import main
from luoshi.core.models import ObjectChange
from luoshi.figures.catalogue import load_default_catalogue
from luoshi.figures.marks import MarkError, mark_all_not_published, mark_not_published
from luoshi.figures.models import Figure, Series
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(units):
    load_default_catalogue()
    return {s.name: s for s in Series.objects.all()}


def test_everyone_signed_in_reads_the_list_and_filters_it(catalogue, jinshui_reporter, client_for):
    client = client_for(jinshui_reporter)
    page = client.get("/catalogue/").content.decode()
    assert "地区生产总值" in page and "高新技术企业数" in page and "新建指标" not in page
    quarterly = client.get("/catalogue/", {"frequency": "quarterly"}).content.decode()
    assert "地区生产总值" in quarterly and "固定资产投资" not in quarterly
    by_alias = client.get("/catalogue/", {"q": "社零"}).content.decode()
    assert "社会消费品零售总额" in by_alias and "地区生产总值" not in by_alias
    owners = client.get("/catalogue/", {"publisher": "owner"}).content.decode()
    assert "城镇新增就业" in owners and "地区生产总值" not in owners


def test_the_list_is_for_signed_in_users_only(catalogue, client):
    assert client.get("/catalogue/").status_code == 302


def test_a_reporter_cannot_change_the_catalogue(catalogue, jinshui_reporter, client_for):
    client = client_for(jinshui_reporter)
    gdp = catalogue["地区生产总值"]
    assert client.get("/catalogue/add/").status_code == 403
    assert client.post(f"/catalogue/{gdp.pk}/archive/").status_code == 403
    assert not Series.objects.get(pk=gdp.pk).archived


def test_an_analyst_adds_a_series_with_aliases_in_one_field(catalogue, analyst, client_for):
    response = client_for(analyst).post("/catalogue/add/", {
        "name": "新能源汽车产量", "aliases": "新能源汽车产量(万辆), 新能源车产量、新能源汽车",
        "unit_of_measure": "万辆", "frequency": "monthly", "accumulation": "flow", "due_day": 15,
        "publisher": "statistics", "note": "规上工业统计"})
    assert response.status_code == 302
    added = Series.objects.get(name="新能源汽车产量")
    assert added.aliases == ["新能源汽车产量(万辆)", "新能源车产量", "新能源汽车"]
    assert ObjectChange.objects.filter(object_repr="新能源汽车产量", action="create", user=analyst).exists()


def test_a_name_that_another_series_carries_is_refused(catalogue, analyst, client_for):
    response = client_for(analyst).post("/catalogue/add/", {
        "name": "外贸总额", "aliases": "GDP", "unit_of_measure": "亿元", "frequency": "monthly",
        "accumulation": "flow", "due_day": 15, "publisher": "statistics"})
    assert response.status_code == 422
    assert "“GDP”已是指标“地区生产总值”的别名" in response.content.decode()
    assert not Series.objects.filter(name="外贸总额").exists()


def test_an_analyst_edits_and_archives_and_restores(catalogue, analyst, client_for):
    client = client_for(analyst)
    retail = catalogue["社会消费品零售总额"]
    form = client.get(f"/catalogue/{retail.pk}/").content.decode()
    assert "社会消费品零售额、社零" in form
    response = client.post(f"/catalogue/{retail.pk}/", {
        "name": retail.name, "aliases": "社零", "unit_of_measure": "亿元", "frequency": "quarterly",
        "accumulation": "flow", "due_day": 20, "publisher": "statistics"})
    assert response.status_code == 302
    retail.refresh_from_db()
    assert (retail.frequency, retail.aliases, retail.due_day) == ("quarterly", ["社零"], 20)
    client.post(f"/catalogue/{retail.pk}/archive/")
    assert Series.objects.get(pk=retail.pk).archived
    row = f'id="series-{retail.pk}"'
    assert row not in client.get("/catalogue/").content.decode()
    assert row in client.get("/catalogue/", {"archived": "1"}).content.decode()
    client.post(f"/catalogue/{retail.pk}/restore/")
    assert not Series.objects.get(pk=retail.pk).archived


def test_the_api_lists_reads_adds_and_patches(catalogue, analyst, token_client):
    client = token_client(analyst)
    listed = client.get("/api/v1/series", {"frequency": "annual", "q": "高新"}).json()
    assert [s["name"] for s in listed] == ["高新技术企业数"]
    gdp = client.get(f"/api/v1/series/{catalogue['地区生产总值'].pk}").json()
    assert gdp["frequency"] == "quarterly" and gdp["publisher"] == "statistics"
    created = client.post("/api/v1/series", {"name": "森林覆盖率", "unit_of_measure": "%", "frequency": "annual",
                                             "accumulation": "stock", "aliases": ["森林覆盖面积比例"]},
                          content_type="application/json")
    assert created.status_code == 201 and created.json()["aliases"] == ["森林覆盖面积比例"]
    patched = client.patch(f"/api/v1/series/{created.json()['id']}", {"due_day": 28, "archived": True},
                           content_type="application/json")
    assert patched.status_code == 200
    assert (patched.json()["due_day"], patched.json()["archived"], patched.json()["unit_of_measure"]) == (28, True, "%")


def test_the_api_refuses_clashes_and_reporters(catalogue, analyst, jinshui_reporter, token_client):
    refused = token_client(analyst).patch(f"/api/v1/series/{catalogue['进出口总额'].pk}", {"aliases": ["社零"]},
                                          content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["detail"] == [{"field": "aliases", "reason": "“社零”已是指标“社会消费品零售总额”的别名"}]
    reporter = token_client(jinshui_reporter)
    assert reporter.get("/api/v1/series").status_code == 200
    assert reporter.post("/api/v1/series", {"name": "x", "unit_of_measure": "个"},
                         content_type="application/json").status_code == 403


def test_the_cli_loads_then_lists(units, capsys):
    assert main(["catalogue", "load"]) == 0
    assert "新建\t地区生产总值" in capsys.readouterr().out
    Series.objects.filter(name="城镇新增就业").update(unit_of_measure="人")
    assert main(["catalogue", "load"]) == 0
    out = capsys.readouterr().out
    assert "新建" not in out.split("\n")[0] and "城镇新增就业:unit 现为 '人'" in out
    assert main(["catalogue", "list", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"name": "城镇新增就业", "unit_of_measure": "人"}.items() <= next(
        r for r in rows if r["name"] == "城镇新增就业").items()
    assert main(["catalogue", "list"]) == 0
    assert capsys.readouterr().out.startswith("指标名称\t别名")


def test_marking_not_published_creates_the_slot_and_logs_it(catalogue, units, analyst):
    gdp = catalogue["地区生产总值"]
    figure = mark_not_published(gdp, units["金水区"], "2023H1", analyst, "区级只公布年度数据")
    assert (figure.period, figure.not_published, figure.not_published_note) == ("2023H1", True, "区级只公布年度数据")
    changes = ObjectChange.objects.filter(changed_object_type=ContentType.objects.get_for_model(Figure),
                                          changed_object_id=figure.pk)
    change = changes.get(action="create")
    assert change.user == analyst and change.postchange_data["not_published"] is True
    again = mark_not_published(gdp, units["金水区"], "2023H1", analyst, "", value=False)
    assert again.pk == figure.pk and not again.not_published
    assert changes.get(action="update").prechange_data == {
        "not_published": True, "not_published_note": "区级只公布年度数据"}


def test_many_marks_go_together_or_not_at_all(catalogue, units, analyst):
    gdp = catalogue["地区生产总值"]
    held = mark_not_published(gdp, units["金水区"], "2023", analyst, "旧说明")
    figures = mark_all_not_published([(gdp, units["金水区"], "2023"), (gdp, units["二七区"], "2023"),
                                      (gdp, units["金水区"], "2023H1")], analyst, "区级只公布年度数据")
    assert figures[0].pk == held.pk and [f.period for f in figures] == ["2023", "2023", "2023H1"]
    assert set(Figure.objects.values_list("not_published_note", flat=True)) == {"区级只公布年度数据"}
    logged = ObjectChange.objects.filter(changed_object_type=ContentType.objects.get_for_model(Figure))
    assert sorted(logged.values_list("action", flat=True)) == ["create", "create", "create", "update"]
    assert logged.get(action="update").prechange_data["not_published_note"] == "旧说明"
    jinshui = make_user("jinshui-analyst", User.Role.ANALYST, units["金水区"])
    with pytest.raises(MarkError, match="410103"):  # 二七区 is outside 金水区's reach: neither is marked
        mark_all_not_published([(gdp, units["二七区"], "2024"), (gdp, units["金水区"], "2024")], jinshui)
    assert not Figure.objects.filter(period="2024").exists()


def test_marks_are_for_analysts_and_real_periods(catalogue, units, jinshui_reporter, analyst):
    with pytest.raises(MarkError):
        mark_not_published(catalogue["地区生产总值"], units["金水区"], "2023H1", jinshui_reporter)
    with pytest.raises(MarkError, match="没有"):
        mark_not_published(catalogue["地区生产总值"], units["金水区"], "2023M05", analyst)
    assert not Figure.objects.exists()


def test_the_api_marks_and_lists_the_mark(catalogue, analyst, jinshui_reporter, token_client):
    body = {"series": "GDP", "unit": "410105", "period": "2023Q1", "note": "未单独发布"}
    assert token_client(jinshui_reporter).post("/api/v1/figures/not-published", body,
                                               content_type="application/json").status_code == 403
    client = token_client(analyst)
    marked = client.post("/api/v1/figures/not-published", body, content_type="application/json")
    assert marked.status_code == 200 and marked.json()["not_published"] is True
    listed = client.get("/api/v1/figures", {"unit": "410105"}).json()
    assert [(f["series"], f["period"], f["not_published_note"]) for f in listed] == [
        ("地区生产总值", "2023Q1", "未单独发布")]
    bad = client.post("/api/v1/figures/not-published", {**body, "period": "2023M13"}, content_type="application/json")
    assert bad.status_code == 422


def test_the_entry_page_marks_and_shows_it(actuals, analyst, client_for):
    client = client_for(analyst)
    gdp = Series.objects.get(name="地区生产总值")
    page = client.get("/figures/entry/", {"unit": "410100", "period": "2023M03"}).content.decode()
    assert "标记未公布" in page
    response = client.post("/figures/not-published/", {"unit": "410100", "series": gdp.pk, "period": "2023Q1",
                                                       "page_period": "2023M03", "note": "一季度未发布"})
    assert response.status_code == 302 and "period=2023M03" in response["Location"]
    page = client.get(response["Location"]).content.decode()
    assert "一季度未发布" in page and "取消未公布" in page
    assert Figure.objects.get(series=gdp, unit__code="410100", period="2023Q1").not_published
