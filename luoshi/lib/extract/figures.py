"""Figures (数值): a number with its unit, as written in a clause, ranges read as two figures."""

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .numerals import NUMBER, is_chinese, read_number
from .vocabulary import COUNT_UNITS, PEOPLE, RANGE_SEPARATOR, RATE_UNITS, VALUE

CJK = re.compile(r"[\u4e00-\u9fff]")
RATE_FOLLOWERS = "以左"
#: "每千人口", "每万人": the denominator of a ratio, no figure of its own.
PER = re.compile(r"每\s?$")
#: "百分之七" is 7 %, "翻一番" is 1 番 (a doubling), "翻两番" 2 番.
WORDED = re.compile(rf"百分之(?P<percent>{NUMBER})|翻(?P<times>[一两二三四1-4])番")


@dataclass(frozen=True)
class Figure:
    """数值: clause-relative offsets, the numeral as written, its value and unit."""

    start: int
    end: int
    numeral: str
    value: float
    unit: str
    range_bound: str = ""

    @property
    def is_count(self) -> bool:
        return self.unit.endswith(COUNT_UNITS)

    @property
    def is_rate(self) -> bool:
        return self.unit in RATE_UNITS

    @property
    def in_chinese(self) -> bool:
        return is_chinese(self.numeral)


def unit_of(match: re.Match, after: str) -> str:
    """The unit as written: 亿元, %, 家; 万 before a noun of people is 万人; "" if none."""
    magnitude, unit = match["mag"] or "", match["unit"] or ""
    if unit in RATE_UNITS:
        unit = "%" if unit == "％" else unit
        if magnitude or (unit == "成" and after[:1] and CJK.match(after[0]) and after[0] not in RATE_FOLLOWERS):
            return ""
        return unit
    if unit or not magnitude:
        return magnitude + unit
    if PEOPLE.search(after[:4]):
        return magnitude + "人"
    return magnitude if not after[:1] or not (CJK.match(after[0]) or after[0] == "级") else ""


def _worded(clause: str) -> list[Figure]:
    found = []
    for match in WORDED.finditer(clause):
        numeral = match["percent"] or match["times"]
        value = read_number(numeral)
        if value is not None:
            written = numeral if match["percent"] else match.group()
            found.append(Figure(match.start(), match.end(), written, value, "%" if match["percent"] else "番"))
    return found


def figures(clause: str) -> Iterator[Figure]:
    """Every number with a unit in the clause, in order; "6.5%-7%" and "6.5-7%" give a min and a max."""
    worded = _worded(clause) if ("百分之" in clause or "番" in clause) else []
    if not worded:
        yield from _figures(clause)
        return
    plain = [f for f in _figures(clause) if not any(w.start < f.end and f.start < w.end for w in worded)]
    yield from sorted(plain + worded, key=lambda figure: figure.start)


def _figures(clause: str) -> Iterator[Figure]:
    matches = list(VALUE.finditer(clause))
    for index, match in enumerate(matches):
        value = read_number(match["num"])
        if value is None or PER.search(clause, 0, match.start()):
            continue
        unit = unit_of(match, clause[match.end():])
        bound = ""
        following = matches[index + 1] if index + 1 < len(matches) else None
        previous = matches[index - 1] if index else None
        if following and RANGE_SEPARATOR.fullmatch(clause[match.end():following.start()]):
            unit = unit or unit_of(following, clause[following.end():])
            bound = "min" if unit else ""
        elif previous and unit and RANGE_SEPARATOR.fullmatch(clause[previous.end():match.start()]):
            bound = "max"
        if unit:
            yield Figure(match.start(), match.end(), match["num"], value, unit, bound)
