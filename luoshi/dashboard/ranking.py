"""排名 and 未报送: units ranked by progress against expectation, and the figures units owe past their due day."""

from collections import defaultdict
from dataclasses import dataclass
from statistics import mean

from luoshi.figures.lateness import Owed, late_list
from luoshi.lib import status as vocabulary
from luoshi.lib.judgement import Status
from luoshi.units.models import Unit
from luoshi.verdicts.keeping import Kept

ATTENTION = (Status.RED.value, Status.YELLOW.value)


@dataclass
class RankRow:
    """One unit's standing: its verdicts and their mean pace (progress ÷ expected; 1 = on schedule)."""

    unit: Unit
    judged: list[Kept]
    score: float | None
    rank: int | None = None

    @property
    def worst(self) -> str:
        return vocabulary.worst(j.status for j in self.judged)

    @property
    def worst_label(self) -> str:
        return Status(self.worst).label_zh

    @property
    def attention(self) -> list[tuple[str, str, list[Kept]]]:
        """The unit's red, then yellow verdicts, each status with its label: what the ranking names."""
        return [(status, Status(status).label_zh, kept) for status in ATTENTION
                if (kept := [j for j in self.judged if j.status == status])]

    @property
    def counts(self) -> dict[str, int]:
        return vocabulary.tally(j.status for j in self.judged)


def unit_of(judged: Kept) -> Unit | None:
    return judged.assignment.unit if judged.assignment else judged.target.region_unit


def rank_units(judged: list[Kept]) -> list[RankRow]:
    """Units by mean pace, best first (排名); units with no comparable figure come last, unranked."""
    by_unit: dict[int, list[Kept]] = defaultdict(list)
    units = {}
    for item in judged:
        unit = unit_of(item)
        if unit is not None:
            by_unit[unit.pk].append(item)
            units[unit.pk] = unit
    rows = []
    for pk, items in by_unit.items():
        paces = [j.row["pace_ratio"] for j in items if j.row["pace_ratio"] is not None]
        rows.append(RankRow(units[pk], items, round(mean(paces), 4) if paces else None))
    rows.sort(key=lambda r: (r.score is None, -(r.score or 0), r.unit.order, r.unit.code))
    for number, row in enumerate((r for r in rows if r.score is not None), start=1):
        row.rank = number
    return rows


def late_units(judged) -> list[Owed]:
    """未报送: the figures owed past their due day behind JUDGED (see `figures.lateness`), once each."""
    return late_list(j.owed for j in judged if j.owed is not None and j.owed.is_late)
