"""Chains through the API: the map with standings, nodes, firms, targets, map export and import."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from luoshi.chains.models import ChainNode, NodeEnterprise
from tests.chains.conftest import workbook


def test_the_chain_comes_with_its_leaders_and_map(client_for, analyst, chain, mapped):
    body = client_for(analyst).get(f"/api/v1/chains/{chain.pk}").json()
    assert body["leader"] == {"name": "张测试", "title": "副市长"} and body["unit"] == "410100"
    upstream = body["segments"][0]
    assert upstream["label"] == "上游" and upstream["nodes"][0]["children"][0]["enterprises"][0]["anchor"]
    assert body["standings"] == {"strong": 2, "weak": 0, "missing": 2}


def test_nodes_are_added_edited_moved_and_archived(client_for, analyst, chain, mapped):
    client = client_for(analyst)
    post = lambda url, body: client.post(url, body, content_type="application/json")  # noqa: E731
    node = post(f"/api/v1/chains/{chain.pk}/nodes", {"name": "电解液", "parent_id": mapped["battery"].pk})
    assert node.status_code == 201 and node.json()["path"] == "上游/电池/电解液"
    node_id = node.json()["id"]
    edited = client.put(f"/api/v1/nodes/{node_id}", {"name": "电解液", "standing": "weak", "note": "测试"},
                        content_type="application/json").json()
    assert (edited["standing"], edited["shown_standing_label"], edited["confirmed"]) == ("weak", "弱", True)
    moved = post(f"/api/v1/nodes/{node_id}/move", {"segment": "downstream"}).json()
    assert moved["path"] == "下游/电解液"
    assert post(f"/api/v1/nodes/{node_id}/move", {"parent_id": 10**9}).status_code == 422
    assert post(f"/api/v1/nodes/{node_id}/archive", {"archived": True}).status_code == 200
    assert ChainNode.objects.get(pk=node_id).archived
    assert post(f"/api/v1/chains/{chain.pk}/nodes", {"name": "无链段"}).status_code == 422


def test_firms_and_targets_are_attached_and_removed(client_for, analyst, mapped, firm, outside_firm):
    client = client_for(analyst)
    post = lambda url, body=None: client.post(url, body or {}, content_type="application/json")  # noqa: E731
    anode = mapped["anode"].pk
    assert post(f"/api/v1/nodes/{anode}/enterprises", {"enterprise_id": outside_firm.pk}).status_code == 409
    on = post(f"/api/v1/nodes/{anode}/enterprises", {"enterprise_id": firm.pk}).json()
    assert [e["name"] for e in on["enterprises"]] == ["测试电池有限公司"] and on["proposed_standing"] == "weak"
    off = post(f"/api/v1/nodes/{anode}/enterprises/{firm.pk}/remove").json()
    assert off["enterprises"] == [] and not NodeEnterprise.objects.filter(node_id=anode).exists()
    gone = post(f"/api/v1/nodes/{anode}/targets/{outside_firm.pk}/remove").json()
    assert gone["target_firms"] == []


def test_map_export_and_import_through_the_api(client_for, analyst, chain, mapped):
    client = client_for(analyst)
    exported = client.get(f"/api/v1/chains/{chain.pk}/map.xlsx")
    rows = list(load_workbook(io.BytesIO(exported.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "环节路径" and len(rows) == 5
    bad = client.post(f"/api/v1/chains/{chain.pk}/map", {"file": SimpleUploadedFile("m.xlsx", workbook([("外游/x",)]))})
    assert bad.status_code == 422 and bad.json()["detail"][0]["row"] == 2
    dry = client.post(f"/api/v1/chains/{chain.pk}/map?dry_run=true",
                      {"file": SimpleUploadedFile("m.xlsx", exported.content)})
    assert dry.status_code == 200 and dry.json()["dry_run"] and dry.json()["nodes"] == 4


def test_another_city_and_a_leader_cannot_write(client_for, kf_analyst, leader, chain, mapped):
    for user in (kf_analyst, leader):
        client = client_for(user)
        response = client.post(f"/api/v1/chains/{chain.pk}/nodes", {"name": "越界", "segment": "upstream"},
                               content_type="application/json")
        assert response.status_code in (403, 404) and "error" in response.json()
    assert client_for(kf_analyst).get("/api/v1/chains").json() == []
    assert not ChainNode.objects.filter(name="越界").exists()
