"""分别 (respectively): "A、B分别增长7%、8%左右" pairs names, places and figures in order."""

from collections.abc import Iterator
from dataclasses import replace

from .indicators import MIN_LENGTH, canonical, clean
from .target import Target

#: A run: the words before each figure of a clause, with the targets read from that figure.
Run = list[tuple[str, list[Target]]]


def respectively(runs: Run) -> Iterator[Target]:
    """分别: "A、B分别增长7%、8%左右" gives A 7% and B 8%, the last bound holding for both."""
    index = 0
    while index < len(runs):
        end = index + 1
        if "分别" in runs[index][0]:
            while end < len(runs) and runs[end][0].strip() == "、":
                end += 1
        yield from _share_out(runs[index:end])
        index = end


def _share_out(run: Run) -> Iterator[Target]:
    if len(run) == 1:
        yield from run[0][1]
        return
    bound = run[-1][1][0].bound
    by_place = len(run[0][1]) == len(run)
    names = [clean(name) for name in run[0][0].split("分别")[0].split("、")]
    if by_place or len(names) != len(run) or min(map(len, names)) < MIN_LENGTH:
        names = [""] * len(run)
    for index, (name, (_, targets)) in enumerate(zip(names, run, strict=True)):
        for target in targets[index:index + 1] if by_place and len(targets) == len(run) else targets:
            shared_bound = bound if target.bound == "exact" else target.bound
            yield replace(target, bound=shared_bound, indicator=canonical(name) or target.indicator)
