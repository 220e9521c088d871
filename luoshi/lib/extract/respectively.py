"""分别 (respectively): "A、B分别增长7%、8%左右" pairs names, places and figures in order."""

import re
from collections.abc import Iterator
from dataclasses import replace

from .indicators import MIN_LENGTH, canonical, clean
from .target import Target

#: A run: the words before each figure of a clause, with the targets read from that figure.
Run = list[tuple[str, list[Target]]]
#: Between two values of a 分别 list: a separator, after the first value's own hedge ("6%左右和6%以上").
BETWEEN = re.compile(r"\s?(?:及以上|以上|以内|以下|左右)?\s?[、和及与]\s?")
#: "在固定资产投资、社会消费品零售总额、进出口方面,分别…": names given in the clause before.
ARENA = re.compile(r"^在(?P<names>.+?)(?:方面|领域)?$")
#: 城乡居民…分别: the urban and the rural figure.
URBAN_RURAL = ("城镇", "农村")


def respectively(runs: Run, lead: str = "") -> Iterator[Target]:
    """分别: "A、B分别增长7%、8%左右" gives A 7% and B 8%, the last bound holding for the values
    with none of their own; the names may stand in the clause before ("在A、B方面,分别…")."""
    index = 0
    while index < len(runs):
        end = index + 1
        if "分别" in runs[index][0]:
            while end < len(runs) and BETWEEN.fullmatch(runs[end][0]):
                end += 1
        yield from _share_out(runs[index:end], lead)
        index = end


def _names(before: str, lead: str, count: int) -> list[str]:
    named = before.split("分别")[0]
    if not clean(named):
        arena = ARENA.match(lead.strip())
        named = arena.group("names") if arena else named
    names = [clean(name) for name in re.split(r"、|和|及", named)]
    if len(names) == 1 and names[0].startswith("城乡") and count == len(URBAN_RURAL):
        names = [prefix + names[0][2:] for prefix in URBAN_RURAL]
    if len(names) != count or min(map(len, names)) < MIN_LENGTH:
        return [""] * count
    last = names[-1]
    return [name + last[len(name):] if len(name) < len(last) - 2 and len(name) <= 2 else name for name in names]


def _share_out(run: Run, lead: str) -> Iterator[Target]:
    if len(run) == 1:
        yield from run[0][1]
        return
    bound = run[-1][1][0].bound
    by_place = len(run[0][1]) == len(run)
    names = [""] * len(run) if by_place else _names(run[0][0], lead, len(run))
    for index, (name, (_, targets)) in enumerate(zip(names, run, strict=True)):
        for target in targets[index:index + 1] if by_place and len(targets) == len(run) else targets:
            shared_bound = bound if target.bound == "exact" else target.bound
            yield replace(target, bound=shared_bound, indicator=canonical(name) or target.indicator)
