"""Merging repeats: a target stated twice (headline, summary, enumeration) is one target.

The occurrence kept is the one in the body's enumeration ("主要预期目标是:…"), else the last.
"""

from collections import defaultdict

from .target import Target

SIMILAR = 0.5


def _bigrams(name: str) -> set[str]:
    name = "".join(ch for ch in name if ch not in " ()（）“”\"'")
    return {name[i:i + 2] for i in range(len(name) - 1)} or {name}


def similar(a: str, b: str) -> bool:
    """Two indicator names for the same thing ("GDP增速" was canonicalised before)."""
    if not a or not b:
        return a == b
    if a in b or b in a:
        return True
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) >= SIMILAR


def _preference(target: Target) -> tuple[bool, int]:
    return target.enumerated, target.start


def merge_repeats(targets: list[Target]) -> list[Target]:
    """One target per (region, value, unit, kind, period, similar indicator), in text order."""
    groups: dict[tuple, list[list[Target]]] = defaultdict(list)
    for target in targets:
        key = (target.region, target.value, target.unit, target.kind, target.period)
        for cluster in groups[key]:
            if similar(cluster[0].indicator, target.indicator):
                cluster.append(target)
                break
        else:
            groups[key].append([target])
    kept = [max(cluster, key=_preference) for clusters in groups.values() for cluster in clusters]
    return sorted(kept, key=lambda target: (target.start, target.end))
