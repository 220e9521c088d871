"""The map page's chart: a chain map as ECharts tree data, each node coloured by its standing and named
with the word of it (强/弱/缺, "建议" when only proposed), the anchor firms written under their node."""

from django.urls import reverse

from luoshi.chains.maps import ChainMap, NodeView

#: Colours of the standings on the chart (the page's --green/--yellow/--red/--grey); the word goes beside.
COLOURS = {"green": "#1b7a3a", "yellow": "#b7791f", "red": "#b42318", "grey": "#6b7280"}
#: A shape per standing as well, so the chart reads in grey print.
SYMBOLS = {"strong": "circle", "weak": "diamond", "missing": "rect", "": "emptyCircle"}


def _label(view: NodeView) -> str:
    word = view.standing_label if view.confirmed else f"建议{view.standing_label}"
    anchors = "、".join(link.enterprise.name for link in view.anchors)
    return f"{view.node.name}【{word}】" + (f"\n★ {anchors}" if anchors else "")


def _node(view: NodeView) -> dict:
    return {
        "name": _label(view), "id": view.node.pk, "url": reverse("chains:node", args=[view.node.pk]),
        "standing": view.standing,
        "symbol": SYMBOLS[view.standing], "symbolSize": 12,
        "itemStyle": {"color": COLOURS[view.colour], "borderColor": COLOURS[view.colour]},
        "children": [_node(child) for child in view.children],
    }


def tree_data(chain_map: ChainMap) -> dict:
    """{name: chain, children: [segment: [nodes…]]} for an ECharts series of type "tree"."""
    return {"name": chain_map.chain.name, "symbol": "roundRect", "symbolSize": 14,
            "itemStyle": {"color": "#8b1e1e"},
            "children": [{"name": s.label, "symbol": "roundRect", "symbolSize": 12, "itemStyle": {"color": "#5f6b7a"},
                          "children": [_node(v) for v in s.nodes]} for s in chain_map.segments]}
