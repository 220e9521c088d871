"""Fronts (方面/战线): the heading or "一是…二是…" item a target sits in."""

import bisect
import re
from dataclasses import dataclass

from .vocabulary import TIME

ORDINAL = "一二三四五六七八九十"
#: "一是在经济发展上勇挑大梁", at the start of a line or after a full stop or colon.
ITEM = re.compile(rf"(?:^|(?<=[\n。；;:：]))[ \t\u3000]*[{ORDINAL}]{{1,2}}是(?P<name>[^，,。；;：:\n]{{2,40}})")
#: "一、经济发展", "（二）创新引领" on a line of their own.
HEADING = re.compile(
    rf"^[ \t\u3000]*(?:[{ORDINAL}]{{1,2}}、|[（(][{ORDINAL}]{{1,2}}[）)]|第[{ORDINAL}]{{1,2}}[章部分节])"
    r"\s*(?P<name>[^\n，,。；;：:]{2,30})",
    re.MULTILINE,
)
ARENA = re.compile(r"在(?P<arena>[^在上]{2,12})上")
MAX_NAME = 12
MIN_NAME = 2
#: What a time phrase leaves behind once its time words are gone ("到…前", "在…期间").
TIME_LEFTOVERS = " \t\u3000在于从前后间期内以来起"


@dataclass(frozen=True)
class FrontMap:
    """Where each front starts and ends in the text."""

    starts: list[int]
    ends: list[int]
    names: list[str]

    def at(self, position: int) -> str:
        index = bisect.bisect_right(self.starts, position) - 1
        if index >= 0 and position < self.ends[index]:
            return self.names[index]
        return ""


def front_name(phrase: str) -> str:
    """"在经济发展上勇挑大梁" → "经济发展"; otherwise the phrase without its time words ("到2025年" is
    no front), kept short; "" when nothing else is left."""
    arena = ARENA.search(phrase)
    if arena:
        return arena.group("arena")
    name = TIME.sub("", phrase).strip(TIME_LEFTOVERS)
    return name[:MAX_NAME] if len(name) >= MIN_NAME else ""


def map_fronts(text: str) -> FrontMap:
    """Items run to the next item or the end of their paragraph; headings to the next heading."""
    marks = [(m.start(), "heading", m) for m in HEADING.finditer(text)]
    marks += [(m.start(), "item", m) for m in ITEM.finditer(text)]
    marks.sort(key=lambda mark: mark[0])
    starts, ends, names = [], [], []
    for index, (start, kind, match) in enumerate(marks):
        end = marks[index + 1][0] if index + 1 < len(marks) else len(text)
        if kind == "item":
            line_end = text.find("\n", start + 1)
            end = min(end, line_end if line_end >= 0 else len(text))
        starts.append(start)
        ends.append(end)
        names.append(front_name(match.group("name")))
    return FrontMap(starts, ends, names)
