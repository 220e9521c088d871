"""The demo's industry chains: the two trillion-yuan clusters the seed names, their anchor firms on
their nodes, one example 靶向招商 firm each; what it assumes is written in the data file itself."""

import json
from pathlib import Path

from luoshi.chains import editing
from luoshi.chains.models import Chain, ChainNode
from luoshi.enterprises import register
from luoshi.enterprises.models import Enterprise
from luoshi.plans.models import Plan
from luoshi.units.models import Unit

CHAINS_FILE = Path(__file__).resolve().parents[1] / "demo" / "data" / "zhengzhou-chains.json"
SEGMENTS = {str(label): code for code, label in ChainNode.Segment.choices}
TARGET_NOTE = "演示假设:该环节国内知名的市外企业,示例,非公布的招商名单"


def _node(chain: Chain, path: str, nodes: dict) -> ChainNode:
    if path not in nodes:
        segment, *names = path.split("/")
        parent = _node(chain, "/".join([segment, *names[:-1]]), nodes) if len(names) > 1 else None
        nodes[path] = editing.add_node(None, chain, names[-1], segment=SEGMENTS[segment], parent=parent)
    return nodes[path]


def _firm(city: Unit, name: str, **values) -> Enterprise:
    found = Enterprise.objects.filter(register_unit=city, name=name).first()
    return found or register.create_enterprise(None, name=name, register_unit=city, **values)


def _targets_of(plan: Plan | None, chain_name: str) -> list:
    """The plan's targets whose indicator names the chain (电子信息产业集群…); none when the plan has none."""
    return list(plan.targets.filter(indicator__contains=chain_name)) if plan is not None else []


def load_chains(plan: Plan | None, city: Unit, path: Path = CHAINS_FILE) -> list[Chain]:
    """The chains of PATH for CITY (created once: a chain already there is left as it is)."""
    chains = []
    for entry in json.loads(path.read_text(encoding="utf-8"))["chains"]:
        if Chain.objects.filter(unit=city, name=entry["name"]).exists():
            continue
        chain = editing.create_chain(None, name=entry["name"], unit=city, order=len(chains),
                                     targets=_targets_of(plan, entry["name"]))
        nodes = {}
        for (node_path,) in entry["nodes"]:
            _node(chain, node_path, nodes)
        for node_path, name in entry["anchors"]:
            firm = _firm(city, name, scale=Enterprise.Scale.ANCHOR, unit=city)
            editing.attach_enterprise(None, _node(chain, node_path, nodes), firm, is_anchor=True)
        for node_path, name, location in entry["targets"]:
            firm = _firm(city, name, scale=Enterprise.Scale.ABOVE, outside=True, location=location)
            editing.add_target_firm(None, _node(chain, node_path, nodes), firm, TARGET_NOTE)
        chains.append(chain)
    return chains
