"""A chain and its map as plain data (JSON): the export command, the API and the tests read this shape."""

from luoshi.chains.maps import ChainMap, NodeView, build_map
from luoshi.chains.models import Chain


def _firm(enterprise) -> dict:
    return {"id": enterprise.pk, "name": enterprise.name, "credit_code": enterprise.credit_code,
            "scale": enterprise.scale, "scale_label": enterprise.get_scale_display()}


def node_dict(view: NodeView) -> dict:
    """One node with its firms (anchor marked), targets, standing (set or proposed) and children."""
    node = view.node
    return {
        "id": node.pk, "name": node.name, "path": view.path, "segment": node.segment, "note": node.note,
        "standing": node.standing, "proposed_standing": view.proposed, "shown_standing": view.standing,
        "shown_standing_label": view.standing_label, "confirmed": view.confirmed, "gap": view.gap,
        "enterprises": [{**_firm(link.enterprise), "anchor": link.is_anchor,
                         "unit": link.enterprise.unit.code if link.enterprise.unit_id else None,
                         "unit_name": link.enterprise.unit.name if link.enterprise.unit_id else ""}
                        for link in view.links],
        "target_firms": [{**_firm(t.enterprise), "location": t.enterprise.location, "note": t.note}
                         for t in view.targets],
        "children": [node_dict(child) for child in view.children],
    }


def chain_dict(chain: Chain, chain_map: ChainMap | None = None) -> dict:
    """CHAIN with its leaders, lead department, targets and map by segment."""
    chain_map = chain_map or build_map(chain)
    alliance = chain.alliance_enterprise
    return {
        "id": chain.pk, "name": chain.name, "unit": chain.unit.code, "unit_name": chain.unit.name,
        "leader": {"name": chain.leader_name, "title": chain.leader_title},
        "alliance_head": {"name": chain.alliance_head_name, "title": chain.alliance_head_title,
                          "enterprise": alliance.name if alliance else "",
                          "enterprise_id": alliance.pk if alliance else None},
        "department": chain.department.code if chain.department_id else None,
        "department_name": chain.department.name if chain.department_id else "",
        "targets": [{"id": t.pk, "indicator": t.indicator} for t in chain.targets.all()],
        "archived": chain.archived, "standings": chain_map.tally(),
        "segments": [{"segment": s.code, "label": s.label, "nodes": [node_dict(v) for v in s.nodes]}
                     for s in chain_map.segments],
    }
