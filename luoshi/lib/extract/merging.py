"""Merging repeats: a target stated twice (headline, summary, enumeration) is one target.

Repeats have the same value, unit, kind, period and region and name one indicator (GDP, 生产总值 and
经济增速 are all 地区生产总值; "地区生产总值" and "地区生产总值总量" are one); a bound may differ
("7%及以上" in a summary). The statement kept is the one with the strongest modal (确保 > 保 > 力争 >
争 > none), then the one in the body's enumeration ("主要预期目标是:…"), then the last.
"""

from .indicators import key, same_indicator
from .target import Target

STRENGTH = {"确保": 4, "保": 3, "力争": 2, "争": 1}


def _preference(target: Target) -> tuple[int, bool, int]:
    return STRENGTH.get(target.commitment, 0), target.enumerated, target.start


def merge_repeats(targets: list[Target]) -> list[Target]:
    """One target per (region, indicator, value, unit, kind, period), in text order; an amount (亿元,
    万人 …) merges with a repeat whose indicator contains the other's."""
    kept: dict[tuple, list[Target]] = {}
    for target in targets:
        rate = target.unit in ("%", "个百分点", "百分点", "‰", "成")
        group = kept.setdefault((target.region, key(target.indicator) if rate else "", target.value,
                                 target.unit, target.kind, target.period), [])
        for index, other in enumerate(group):
            if rate or same_indicator(other.indicator, target.indicator):
                if _preference(target) >= _preference(other):
                    group[index] = target
                break
        else:
            group.append(target)
    merged = [target for group in kept.values() for target in group]
    return sorted(merged, key=lambda target: (target.start, target.end))
