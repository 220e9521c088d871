"""产业链全景图 as data: a chain's nodes as trees by segment, each with its firms, targets and standing.

One reading of a map (three queries) serves the map page, the node page, the export (JSON and Excel),
the API and the briefing, so they all say the same standing the same way.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from luoshi.chains.models import STANDING_COLOURS, Chain, ChainNode, NodeEnterprise, TargetFirm
from luoshi.chains.standing import Firm, propose

SEPARATOR = "/"


@dataclass
class NodeView:
    """One node of the map with what hangs on it; `standing` is the analyst's, else the proposed one."""

    node: ChainNode
    path: str
    links: list[NodeEnterprise] = field(default_factory=list)
    targets: list[TargetFirm] = field(default_factory=list)
    children: list["NodeView"] = field(default_factory=list)
    proposed: str = ""

    @property
    def standing(self) -> str:
        return self.node.standing or self.proposed

    @property
    def confirmed(self) -> bool:
        """Whether the standing was set by the analyst (else it is only proposed)."""
        return bool(self.node.standing)

    @property
    def standing_label(self) -> str:
        return str(ChainNode.Standing(self.standing).label) if self.standing else ""

    @property
    def colour(self) -> str:
        return STANDING_COLOURS[self.standing]

    @property
    def gap(self) -> bool:
        """补链 node: weak or missing."""
        return self.standing in (ChainNode.Standing.WEAK, ChainNode.Standing.MISSING)

    @property
    def anchors(self) -> list[NodeEnterprise]:
        return [link for link in self.links if link.is_anchor]

    def firms_below(self) -> list[Firm]:
        here = [Firm(link.enterprise_id, link.enterprise.scale, link.is_anchor) for link in self.links]
        return here + [firm for child in self.children for firm in child.firms_below()]

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Segment:
    code: str
    label: str
    nodes: list[NodeView]


@dataclass
class ChainMap:
    chain: Chain
    segments: list[Segment]

    def nodes(self) -> list[NodeView]:
        """Every node, each segment's trees in order, parents before their children."""
        return [view for segment in self.segments for top in segment.nodes for view in top.walk()]

    def find(self, node_id: int) -> NodeView | None:
        return next((v for v in self.nodes() if v.node.pk == node_id), None)

    def tally(self) -> dict[str, int]:
        """How many nodes of each standing (strong, weak, missing)."""
        counts = {s: 0 for s in ChainNode.Standing.values}
        for view in self.nodes():
            counts[view.standing] += 1
        return counts


def build_map(chain: Chain, *, archived: bool = False) -> ChainMap:
    """CHAIN's map: active nodes (and archived ones with ARCHIVED) as trees by segment, standings proposed."""
    nodes = chain.nodes.all() if archived else chain.nodes.active()
    nodes = list(nodes.order_by("order", "pk"))
    links, targets = defaultdict(list), defaultdict(list)
    for link in NodeEnterprise.objects.filter(node__in=nodes).select_related("enterprise__unit"):
        links[link.node_id].append(link)
    for target in TargetFirm.objects.filter(node__in=nodes).select_related("enterprise"):
        targets[target.node_id].append(target)
    views = {n.pk: NodeView(n, "", links[n.pk], targets[n.pk]) for n in nodes}
    tops = defaultdict(list)
    for node in nodes:
        parent = views.get(node.parent_id)
        (parent.children if parent else tops[node.segment]).append(views[node.pk])
    segments = [Segment(code, str(label), tops[code]) for code, label in ChainNode.Segment.choices]
    for segment in segments:
        for top in segment.nodes:
            _finish(top, segment.label)
    return ChainMap(chain, segments)


def _finish(view: NodeView, above: str) -> None:
    view.path = f"{above}{SEPARATOR}{view.node.name}"
    for child in view.children:
        _finish(child, view.path)
    view.proposed = propose(view.firms_below())
