"""Merging repeats: a target stated twice (headline, summary, enumeration) is one target.

Repeats name the same indicator (GDP, 生产总值 and 经济增速 are all 地区生产总值 by then) with the
same value, unit, kind, period and region; a bound may differ ("7%及以上" in a summary).
The occurrence kept is the one in the body's enumeration ("主要预期目标是:…"), else the last.
"""

from .target import Target


def _preference(target: Target) -> tuple[bool, int]:
    return target.enumerated, target.start


def merge_repeats(targets: list[Target]) -> list[Target]:
    """One target per (region, indicator, value, unit, kind, period), in text order."""
    kept: dict[tuple, Target] = {}
    for target in targets:
        key = (target.region, target.indicator, target.value, target.unit, target.kind, target.period)
        if key not in kept or _preference(target) >= _preference(kept[key]):
            kept[key] = target
    return sorted(kept.values(), key=lambda target: (target.start, target.end))
