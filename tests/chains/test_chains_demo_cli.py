"""The demo's chains and `luoshi chains list|export|import`."""

import json

from luoshi.chains.models import Chain
from luoshi.cli import main
from luoshi.demo import loader
from tests.chains.conftest import workbook


def test_the_demo_chains_carry_the_seeds_anchor_firms_and_a_gap_with_targets(plan, capsys):
    assert loader.load_chains(plan) == 2
    assert loader.load_chains(plan) == 0  # loaded once
    assert main(["chains", "export", "--format", "json"]) == 0
    chains = {c["name"]: c for c in json.loads(capsys.readouterr().out)["chains"]}
    assert set(chains) == {"新能源汽车", "电子信息"}
    nodes = {n["path"]: n for c in chains.values() for s in c["segments"] for top in s["nodes"] for n in _walk(top)}
    anchors = {e["name"]: n["path"] for n in nodes.values() for e in n["enterprises"] if e["anchor"]}
    assert anchors == {"上汽": "中游/整车制造", "比亚迪": "中游/整车制造", "超聚变": "中游/服务器与计算设备"}
    assert all(n["standing"] == "" for n in nodes.values())  # left for the analyst
    gaps = [n for n in nodes.values() if n["gap"] and n["target_firms"]]
    assert gaps and all(t["note"].startswith("演示假设") for n in gaps for t in n["target_firms"])
    assert {"leader", "alliance_head"} <= set(chains["新能源汽车"])


def _walk(node):
    yield node
    for child in node["children"]:
        yield from _walk(child)


def test_list_export_xlsx_and_import_from_the_command_line(chain, mapped, analyst, kf_analyst, tmp_path, capsys):
    assert main(["chains", "list", "--as", "analyst"]) == 0
    assert "测试新材料产业链" in capsys.readouterr().out
    assert main(["chains", "list", "--as", "kf_analyst"]) == 0
    assert "测试新材料产业链" not in capsys.readouterr().out
    out = tmp_path / "map.xlsx"
    assert main(["chains", "export", "--chain", chain.name, "--format", "xlsx", "-o", str(out)]) == 0
    assert main(["chains", "import", str(out), "--dry-run", "--as", "analyst"]) == 0
    assert "would write 4 nodes" in capsys.readouterr().out
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([("外游/x",)], title=chain.name))
    assert main(["chains", "import", str(bad), "--as", "analyst"]) == 1
    assert "第 2 行" in capsys.readouterr().err
    assert main(["chains", "import", str(out), "--as", "kf_analyst"]) == 2
    assert Chain.objects.get(pk=chain.pk).nodes.active().count() == 4
