"""Merging repeats: a target stated twice (headline, summary, enumeration) is one target.

Repeats have the same value, unit, kind, period and region and name one indicator (GDP, 生产总值 and
经济增速 are all 地区生产总值; "地区生产总值" and "地区生产总值总量" are one); a bound may differ
("7%及以上" in a summary). The statement kept is the one in the body's enumeration ("主要预期目标是:…"),
else the last, with the strongest modal of all the statements (确保 > 保 > 力争 > 争 > none).
"""

from dataclasses import replace

from .folding import fold_script
from .indicators import key, same_indicator
from .target import Target

STRENGTH = {"确保": 4, "保": 3, "力争": 2, "争": 1}


def _strength(target: Target) -> int:
    return STRENGTH.get(fold_script(target.commitment), 0)


def _preference(target: Target) -> tuple[bool, int]:
    return target.enumerated, target.start


def _merged(kept: Target, repeat: Target) -> Target:
    """The preferred statement of the two, with the stronger modal of the two."""
    first, second = (repeat, kept) if _preference(repeat) >= _preference(kept) else (kept, repeat)
    if _strength(second) > _strength(first):
        return replace(first, commitment=second.commitment)
    return first


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
                group[index] = _merged(other, target)
                break
        else:
            group.append(target)
    merged = [target for group in kept.values() for target in group]
    return sorted(merged, key=lambda target: (target.start, target.end))
