"""环节地位的建议: the standing (强/弱/缺) proposed for a node from the city's enterprises on it.

The rule, over the firms on the node and on every node below it (each firm counted once):

- 强 (strong): an anchor firm (链主: marked as the chain's anchor there, or of scale 链主), or at least
  `STRONG_ABOVE` (3; setting LUOSHI_CHAIN_STRONG_ABOVE) firms above designated size (规上) or 专精特新;
- 弱 (weak): some firm, but not enough for 强;
- 缺 (missing): no firm at all.

It is only a proposal: the standing a page, export or briefing states is the analyst's when set, this
one (said to be proposed) otherwise. Pure: no database, unit-tested alone.
"""

from collections.abc import Iterable
from dataclasses import dataclass

STRONG, WEAK, MISSING = "strong", "weak", "missing"
STRONG_ABOVE = 3
#: Scales that count toward 强 (the enterprises' Scale values).
ANCHOR_SCALE, SIZEABLE_SCALES = "anchor", ("above", "specialised")


@dataclass(frozen=True)
class Firm:
    """What the rule reads of one firm on a node: its scale and whether it is marked the anchor there."""

    key: object
    scale: str
    anchor: bool = False


def strong_above() -> int:
    from django.conf import settings

    return int(getattr(settings, "LUOSHI_CHAIN_STRONG_ABOVE", STRONG_ABOVE)) if settings.configured else STRONG_ABOVE


def propose(firms: Iterable[Firm], enough: int | None = None) -> str:
    """The proposed standing of a node holding FIRMS (itself and below); ENOUGH 规上 firms make it 强."""
    unique: dict = {}
    for firm in firms:
        anchored = unique.get(firm.key, (False, ""))[0] or firm.anchor or firm.scale == ANCHOR_SCALE
        unique[firm.key] = (anchored, firm.scale)
    if not unique:
        return MISSING
    if any(anchor for anchor, _ in unique.values()):
        return STRONG
    sizeable = sum(scale in SIZEABLE_SCALES for _, scale in unique.values())
    return STRONG if sizeable >= (strong_above() if enough is None else enough) else WEAK
