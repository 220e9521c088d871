"""分解与汇总: quotas against their target, and a city figure against the sum of its units."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class DecompositionCheck:
    """目标分解核对: the units' quotas summed against the target (level and count kinds).

    `gap` = total − target (negative: not fully assigned); `share` = total ÷ target (None for a zero target).
    """

    target: float
    total: float
    gap: float
    under_decomposed: bool
    share: float | None


@dataclass(frozen=True)
class RollupGap:
    """汇总差异: the reported city figure stands; the sum of its units is shown beside it.

    `difference` = city − units_total (None when the city has not reported).
    """

    city: float | None
    units_total: float
    difference: float | None
    units_reported: int


def judge_decomposition(target_value: float, quotas: Sequence[float]) -> DecompositionCheck:
    """分解到县区、到部门: is the target fully assigned? Under-decomposed when quotas sum below it."""
    total = float(sum(quotas))
    gap = total - target_value
    share = total / target_value if target_value else None
    return DecompositionCheck(float(target_value), total, gap, gap < 0, share)


def compare_rollup(city_value: float | None, unit_values: Sequence[float | None]) -> RollupGap:
    """The city figure is never replaced by the sum of units; missing unit figures are skipped."""
    reported = [v for v in unit_values if v is not None]
    total = float(sum(reported))
    difference = None if city_value is None else city_value - total
    return RollupGap(city_value, total, difference, len(reported))
