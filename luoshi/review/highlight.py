"""The plan text cut into pieces, each marked with the proposals whose clause covers it (标注原文)."""

from dataclasses import dataclass, field

from luoshi.review.models import Proposal

#: Where clauses overlap, the piece shows the most settled decision.
RANK = {"accepted": 4, "edited": 4, "added": 4, "stale": 3, "pending": 2, "rejected": 1}
LOOK = {4: "taken", 3: "stale", 2: "pending", 1: "rejected"}


@dataclass
class Piece:
    text: str
    proposals: list[Proposal] = field(default_factory=list)

    @property
    def look(self) -> str:
        """taken, stale, pending or rejected: how the piece is highlighted."""
        return LOOK[max(RANK[p.status] for p in self.proposals)] if self.proposals else ""

    @property
    def ids(self) -> str:
        return " ".join(f"proposal-{p.pk}" for p in self.proposals)

    @property
    def title(self) -> str:
        return ";".join(f"{p.get_status_display()}:{p.indicator}" for p in self.proposals)


def pieces(text: str, proposals) -> list[Piece]:
    """TEXT as consecutive pieces; a piece inside one or more proposals' clauses carries them.

    A proposal whose clause is no longer at its span (出处已变) is not highlighted anywhere.
    """
    spans = [p for p in proposals if text[p.span_start:p.span_end] == p.sentence and p.span_end > p.span_start]
    cuts = sorted({0, len(text), *(p.span_start for p in spans), *(p.span_end for p in spans)})
    return [Piece(text[a:b], [p for p in spans if p.span_start <= a and b <= p.span_end])
            for a, b in zip(cuts, cuts[1:], strict=False) if b > a]
