"""Target (目标): one quantitative target read from a plan, with where it was read."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """目标: indicator, value and unit as written, with kind, bound, commitment and provenance."""

    indicator: str
    value: int | float
    unit: str
    kind: str
    period: str
    bound: str
    commitment: str
    region: str
    sentence: str
    start: int
    end: int
    front: str = ""
    accumulation: str = ""
    enumerated: bool = False
    unsure: tuple[str, ...] = ()

    def as_json(self) -> dict:
        """The JSON object of extraction/README.md, plus the proposed front and accumulation and the
        fields read with little to go on ("unsure": ["period", "indicator", …])."""
        return {
            "indicator": self.indicator, "value": self.value, "unit": self.unit, "kind": self.kind,
            "period": self.period, "bound": self.bound, "commitment": self.commitment,
            "region": self.region, "sentence": self.sentence, "span": [self.start, self.end],
            "front": self.front, "accumulation": self.accumulation, "unsure": list(self.unsure),
        }
