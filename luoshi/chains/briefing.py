"""通报的产业链部分, as data the briefing lays out: for each chain of the plan issuer's jurisdiction its node
standings (strong, weak, missing; how many the analyst confirmed) and its gap nodes with their targets."""

from dataclasses import dataclass, field

from luoshi.chains.maps import build_map
from luoshi.chains.models import Chain

#: The gap table's columns as (title, format, layout) of the briefing's Column: 产业链, 环节, 地位, 本市企业, 靶向招商.
COLUMNS = (("产业链", "text", ""), ("环节", "text", ""), ("地位", "text", "nowrap"), ("本市企业(家)", "int", ""),
           ("靶向招商", "text", ""))


@dataclass
class Section:
    paragraphs: list[str] = field(default_factory=list)
    rows: list[list] = field(default_factory=list)


def _sentence(chain: Chain, chain_map) -> str:
    views, tally = chain_map.nodes(), chain_map.tally()
    confirmed = sum(v.confirmed for v in views)
    anchors = "、".join(dict.fromkeys(link.enterprise.name for v in views for link in v.anchors))
    text = (f"{chain.name}产业链:环节 {len(views)} 个,其中强 {tally['strong']} 个、弱 {tally['weak']} 个、"
            f"缺 {tally['missing']} 个(分析员认定 {confirmed} 个,其余为依链上企业提出的建议)")
    return text + (f";链主企业:{anchors}。" if anchors else "。")


def _standing(view) -> str:
    return view.standing_label if view.confirmed else f"{view.standing_label}(建议)"


def section(plan) -> Section:
    """The chains kept within PLAN's issuer's jurisdiction; empty when there is none."""
    out = Section()
    chains = Chain.objects.active().filter(unit__path__startswith=plan.issuer.path).select_related("unit")
    for chain in chains:
        chain_map = build_map(chain)
        out.paragraphs.append(_sentence(chain, chain_map))
        out.rows += [[chain.name, v.path, _standing(v), len(v.links), "、".join(t.enterprise.name for t in v.targets)]
                     for v in chain_map.nodes() if v.gap]
    return out
