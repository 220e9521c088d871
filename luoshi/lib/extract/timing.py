"""The plan year and the period (期限) each target is set for."""

import re
from collections import Counter
from dataclasses import dataclass

from .numerals import read_number
from .vocabulary import HEADER, PUBLISHED, TARGET_YEAR, TIME, YEAR_MENTION

FIVE_YEAR_PLAN_END = {"十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
#: A five-year plan's own title ("…第十四个五年规划纲要", "“十四五”规划"): its first year is the plan year.
FIVE_YEAR_PLAN_TITLE = re.compile(r"第?(十[三四五六])(?:个五年|[”\"]?五[”\"]?)(?:规划|发展规划)")
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}


@dataclass(frozen=True)
class Period:
    """期限: "2023", "2023Q1", "2023-2027"; `year` is the last year it covers."""

    label: str
    year: int | None


def plan_year(text: str) -> int | None:
    """The year the plan is for: the year named most often, with the targets or as the date of
    publication (the later one on a tie)."""
    counts = Counter(int(year) for year in YEAR_MENTION.findall(text))
    for year in TARGET_YEAR.findall(text):
        counts[int(year)] += 2
    published = PUBLISHED.search(text[:HEADER])
    if published:
        counts[int(published.group(1))] += 3
    titled = FIVE_YEAR_PLAN_TITLE.search(text[:HEADER])
    if titled:
        counts[FIVE_YEAR_PLAN_END[titled.group(1)] - 4] += 3
    if not counts:
        return None
    return max(counts, key=lambda year: (counts[year], year))


def whole_year(year: int | None) -> Period:
    return Period(str(year) if year else "", year)


def period_of(match: re.Match, year: int | None) -> Period:
    """The period a time word (matched by vocabulary.TIME) sets, in a plan for `year`."""
    if match["year"]:
        return whole_year(int(match["year"]))
    if match["fyp"]:
        return whole_year(FIVE_YEAR_PLAN_END[match["fyp"]])
    if match["fyp_span"]:
        end = FIVE_YEAR_PLAN_END[match["fyp_span"]]
        return Period(f"{end - 4}-{end}", end)
    if year is None:
        return whole_year(None)
    if match["years"] or match["next"]:
        span = int(read_number(match["years"] or match["next"]) or 1)
        return Period(f"{year}-{year + span - 1}" if span > 1 else str(year), year + span - 1)
    if match["quarter"]:
        return Period(f"{year}Q{QUARTERS.get(match['quarter'], match['quarter'])}", year)
    if match["half"]:
        return Period(f"{year}H1", year)
    if match["last"]:
        return whole_year(year - 1)
    if match["coming"]:
        return whole_year(year + 1)
    return whole_year(year)


def last_period(text: str, year: int | None) -> Period | None:
    """The period set by the last time word in `text`, if any."""
    last = None
    for last in TIME.finditer(text):  # noqa: B007 - the last match is the one that counts
        pass
    return period_of(last, year) if last else None
