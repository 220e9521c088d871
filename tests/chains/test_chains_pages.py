"""Chain pages: list, map (chart data and table with words), node, import; who may read and who may edit."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.chains.models import Chain, ChainNode
from luoshi.chains.panels import NODE_PANELS
from tests.chains.conftest import workbook


def test_the_list_shows_the_chain_and_its_standings(client_for, analyst, chain, mapped):
    page = client_for(analyst).get("/chains/").content.decode()
    assert "测试新材料产业链" in page and "张测试" in page and "新建产业链" in page


def test_the_map_page_draws_a_tree_and_names_each_standing_in_words(client_for, analyst, chain, mapped):
    response = client_for(analyst).get(f"/chains/{chain.pk}/")
    page = response.content.decode()
    assert response.status_code == 200 and 'id="chain-map"' in page and "echarts.min.js" in page
    tree = json.loads(response.context["tree"] and json.dumps(response.context["tree"]))
    upstream = tree["children"][0]
    assert upstream["name"] == "上游"
    cathode = upstream["children"][0]["children"][0]
    assert cathode["name"] == "正极【建议强】\n★ 测试电池有限公司" and cathode["itemStyle"]["color"] == "#1b7a3a"
    assert "上游/电池/负极" in page and "外地测试材料公司" in page and "★ 测试电池有限公司" in page


def test_a_leader_reads_the_map_but_gets_no_forms(client_for, leader, chain, mapped):
    page = client_for(leader).get(f"/chains/{chain.pk}/").content.decode()
    assert "上游/电池/正极" in page and 'id="node-form"' not in page
    assert client_for(leader).post(f"/chains/{chain.pk}/nodes/", {"name": "越界", "segment": "upstream"}).status_code == 403
    assert not ChainNode.objects.filter(name="越界").exists()


def test_another_citys_analyst_sees_nothing_of_it(client_for, kf_analyst, chain, mapped):
    client = client_for(kf_analyst)
    assert "测试新材料产业链" not in client.get("/chains/").content.decode()
    assert client.get(f"/chains/{chain.pk}/").status_code == 404
    assert client.get(f"/chains/nodes/{mapped['cathode'].pk}/").status_code == 404
    assert client.get(f"/chains/{chain.pk}/export.xlsx").status_code == 404


def test_the_analyst_sets_a_standing_and_adds_a_node(client_for, analyst, chain, mapped):
    client = client_for(analyst)
    client.post(f"/chains/nodes/{mapped['anode'].pk}/edit/", {"name": "负极", "standing": "missing", "note": "缺口"})
    mapped["anode"].refresh_from_db()
    assert (mapped["anode"].standing, mapped["anode"].note) == ("missing", "缺口")
    client.post(f"/chains/{chain.pk}/nodes/", {"name": "电解液", "parent": mapped["battery"].pk})
    assert ChainNode.objects.get(name="电解液").parent == mapped["battery"]


def test_the_node_page_lists_firms_targets_and_registered_panels(client_for, analyst, mapped):
    NODE_PANELS.register("chains/enterprise_nodes.html", lambda user, node: {"links": [], "targets": []},
                         label="测试列", counts=lambda user, ids: {i: 7 for i in ids}, order=99)
    try:
        page = client_for(analyst).get(f"/chains/nodes/{mapped['anode'].pk}/").content.decode()
        assert "外地测试材料公司" in page and "测试说明" in page and "不在任何产业链环节上" in page
        chain_page = client_for(analyst).get(f"/chains/{mapped['anode'].chain_id}/").content.decode()
        assert "测试列" in chain_page and ">7<" in chain_page
    finally:
        NODE_PANELS._panels.pop("chains/enterprise_nodes.html")


def test_an_import_with_errors_lists_each_and_writes_nothing(client_for, analyst, chain, mapped):
    content = workbook([("侧游/电池", "", "", "", "", "", "", ""), ("上游/电池", "极强", "", "", "", "", "", "")])
    response = client_for(analyst).post(f"/chains/{chain.pk}/import/",
                                        {"file": SimpleUploadedFile("map.xlsx", content)})
    page = response.content.decode()
    assert response.status_code == 422 and "2 处错误" in page and "侧游/电池" in page and "极强" in page
    assert ChainNode.objects.filter(chain=chain).count() == 4


def test_a_valid_import_redirects_to_the_drawn_map(client_for, analyst, chain):
    content = workbook([("中游/整车制造", "强", "测试整车有限公司", "", "链主", "金水区", "是", "")])
    response = client_for(analyst).post(f"/chains/{chain.pk}/import/",
                                        {"file": SimpleUploadedFile("map.xlsx", content)})
    assert response.status_code == 302 and response["Location"] == f"/chains/{chain.pk}/"
    assert ChainNode.objects.get(chain=chain, name="整车制造").standing == "strong"


def test_a_new_chain_is_made_within_the_jurisdiction(client_for, analyst, units):
    client = client_for(analyst)
    client.post("/chains/new/", {"name": "越界链", "unit": units["开封市"].pk})
    assert not Chain.objects.filter(name="越界链").exists()
    response = client.post("/chains/new/", {"name": "测试新链", "unit": units["郑州市"].pk, "order": 0})
    assert response.status_code == 302 and Chain.objects.filter(name="测试新链").exists()
