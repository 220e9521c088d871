"""The page, the briefing files and the API read the same comparison, scoped to the signed-in user."""

import pytest


def test_the_page_shows_every_city_and_points_at_the_shipped_map(scene, henan_analyst, client_for):
    page = client_for(henan_analyst).get("/compare/", {"indicator": "地区生产总值", "period": "2023", "under": "410000"})
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('<tr data-unit="') == 18
    assert "compare/maps/410000" in html and "保 增长 6%" in html and "待审核" in html


def test_another_citys_leader_gets_no_draft_and_no_pending_figure_on_the_page(scene, zz_leader, client_for):
    html = client_for(zz_leader).get("/compare/", {"period": "2023", "under": "410000"}).content.decode()
    assert "增长 7%" in html and "增长 9%" not in html and "待审核的更正" not in html


def test_a_bad_indicator_is_said_on_the_page(scene, henan_analyst, client_for):
    page = client_for(henan_analyst).get("/compare/", {"indicator": "没有的指标", "period": "2023", "under": "410000"})
    assert page.status_code == 400 and "没有的指标" in page.content.decode()


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
def test_the_province_briefing_downloads(scene, henan_analyst, client_for, fmt):
    response = client_for(henan_analyst).get("/compare/briefing/", {"period": "2023", "under": "410000", "format": fmt})
    assert response.status_code == 200 and len(response.content) > 1000
    assert "对比通报" in response["Content-Disposition"] or "%E5%AF%B9%E6%AF%94" in response["Content-Disposition"]


def test_years_and_peers_pages(scene, henan_analyst, client_for):
    client = client_for(henan_analyst)
    assert "增长 7%" in client.get("/compare/years/", {"indicator": "地区生产总值", "unit": "410200"}).content.decode()
    peers = client.get("/compare/peers/", {"indicator": "地区生产总值", "period": "2023", "unit": "410200",
                                           "peers": "410300"}).content.decode()
    assert peers.count('<tr data-unit="') == 2 and "目标中位数" in peers


def test_the_api_answers_as_the_page_does(scene, zz_leader, client_for):
    body = client_for(zz_leader).get("/api/v1/compare", {"indicator": "地区生产总值", "period": "2023",
                                                         "under": "410000"}).json()
    rows = {r["unit"]: r for r in body["rows"]}
    assert len(rows) == 18 and body["reference"]["measured"] == 4.4
    assert [t["value"] for t in rows["410200"]["targets"]] == [7.0] and rows["410200"]["pending"] is None
    assert rows["411300"]["actual"] is None and rows["411300"]["actual_label"] == "无公开数据"


def test_the_api_names_a_bad_field(scene, zz_leader, client_for):
    response = client_for(zz_leader).get("/api/v1/compare", {"indicator": "GDP", "period": "2023", "under": "1"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "under"


def test_the_api_wants_a_client_for_user(scene, client):
    assert client.get("/api/v1/compare", {"indicator": "GDP", "period": "2023", "under": "410000"}).status_code == 401


def test_the_pdf_briefing_embeds_its_font(scene, henan_analyst, client_for):
    response = client_for(henan_analyst).get("/compare/briefing/", {"period": "2023", "under": "410000", "format": "pdf"})
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_the_years_endpoint(scene, zz_leader, client_for):
    body = client_for(zz_leader).get("/api/v1/compare/years", {"indicator": "地区生产总值", "unit": "410200"}).json()
    assert [(y["period"], y["measured"], y["headline_target"]) for y in body] == [("2023", 5.5, 7.0)]


def test_a_saved_peer_list_is_its_owners_and_is_archived_not_deleted(scene, zz_leader, henan_analyst, client_for):
    from luoshi.compare.models import PeerGroup
    from luoshi.core.models import ObjectChange

    client = client_for(zz_leader)
    saved = client.post("/compare/peers/", {"indicator": "地区生产总值", "period": "2023", "unit": "410100",
                                            "peers": "410200,410300", "name": "近邻三市"})
    group = PeerGroup.objects.get(name="近邻三市")
    assert group.unit_codes == ["410100", "410200", "410300"] and f"group={group.pk}" in saved["Location"]
    page = client.get(saved["Location"]).content.decode()
    assert page.count('<tr data-unit="') == 3 and "近邻三市" in page
    assert ObjectChange.objects.filter(object_repr="近邻三市").exists()
    client_for(henan_analyst)
    other = client.get(f"/compare/peers/?indicator=地区生产总值&period=2023&unit=410100&group={group.pk}")
    assert other.content.decode().count('<tr data-unit="') == 18  # not theirs: the same province instead
    client_for(zz_leader).post("/compare/peers/", {"indicator": "地区生产总值", "period": "2023", "unit": "410100",
                                                   "archive": str(group.pk)})
    group.refresh_from_db()
    assert group.archived and PeerGroup.objects.filter(pk=group.pk).exists()


def test_a_peer_list_needs_a_name_and_known_units(scene, zz_leader, client_for):
    from luoshi.compare.models import PeerGroup

    client = client_for(zz_leader)
    client.post("/compare/peers/", {"indicator": "地区生产总值", "period": "2023", "unit": "410100",
                                    "peers": "410200", "name": ""})
    client.post("/compare/peers/", {"indicator": "地区生产总值", "period": "2023", "unit": "410100",
                                    "peers": "123456", "name": "坏的"})
    assert not PeerGroup.objects.exists()


def test_the_peers_endpoint_gives_the_medians(scene, zz_leader, client_for):
    body = client_for(zz_leader).get("/api/v1/compare/peers", {"indicator": "地区生产总值", "period": "2023",
                                                               "unit": "410200", "peers": "410300"}).json()
    assert {r["unit"] for r in body["rows"]} == {"410200", "410300"}
    assert body["median_target"] == 6.5 and body["median_actual"] == pytest.approx(5.85)
