"""方面标题: the headings that divide a plan into fronts ("一是在经济发展上勇挑大梁", "二、创新引领")."""

import re
from dataclasses import dataclass

ORDINAL = "一二三四五六七八九十"
#: "一是在经济发展上勇挑大梁", at the start of a line or after a full stop or colon.
ITEM = re.compile(rf"(?:^|(?<=[\n。；;:：]))[ \t\u3000]*(?P<heading>[{ORDINAL}]{{1,2}}是[^，,。；;：:\n]{{2,40}})")
#: "一、经济发展", "（二）创新引领", "第三章 产业迭代" on a line of their own.
LINE = re.compile(
    rf"^[ \t\u3000]*(?P<heading>(?:[{ORDINAL}]{{1,2}}、|[（(][{ORDINAL}]{{1,2}}[）)]|第[{ORDINAL}]{{1,2}}[章部分节])"
    r"[ \t\u3000]*[^\n，,。；;：:]{2,30})",
    re.MULTILINE,
)
MARKER = re.compile(rf"^(?:[{ORDINAL}]{{1,2}}是|[{ORDINAL}]{{1,2}}、|[（(][{ORDINAL}]{{1,2}}[）)]|第[{ORDINAL}]{{1,2}}[章部分节])\s*")
ARENA = re.compile(r"在(?P<arena>[^在上]{2,12})上")
MAX_NAME = 12


@dataclass(frozen=True)
class Heading:
    """One front's heading: its short name, the heading as written and where it stands."""

    name: str
    heading: str
    start: int
    end: int


def front_name(heading: str) -> str:
    """"一是在经济发展上勇挑大梁" → "经济发展"; "二、创新引领" → "创新引领"."""
    arena = ARENA.search(heading)
    if arena:
        return arena.group("arena")
    return MARKER.sub("", heading).strip()[:MAX_NAME]


def find_headings(text: str) -> list[Heading]:
    """The plan's front headings in reading order, one per name."""
    matches = sorted([*ITEM.finditer(text), *LINE.finditer(text)], key=lambda m: m.start("heading"))
    headings, seen = [], set()
    for match in matches:
        heading = match.group("heading").rstrip()
        name = front_name(heading)
        if name and name not in seen:
            seen.add(name)
            start = match.start("heading")
            headings.append(Heading(name, heading, start, start + len(heading)))
    return headings
