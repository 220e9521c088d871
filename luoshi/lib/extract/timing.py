"""The plan year and the period (期限) each target is set for."""

import re
from collections import Counter
from dataclasses import dataclass

from luoshi.lib import periods as statistical

from .folding import fold, source_line
from .numerals import read_number
from .vocabulary import ADDRESS_DATE, COMING, HEADER, PUBLISHED, TARGET_YEAR, TIME, YEAR_MENTION

FIVE_YEAR_PLAN_END = {"十一": 2010, "十二": 2015, "十三": 2020, "十四": 2025, "十五": 2030, "十六": 2035}
#: A five-year plan's own title, at the head of a line or in 《》 ("…第十四个五年规划纲要", "“十四五”规划").
FIVE_YEAR_PLAN_TITLE = re.compile(
    r"(?:^|《)[^\n《》]{0,30}?第?(十[一二三四五六])(?:个五年|[”\"]?五[”\"]?)(?:规划|发展规划)(?![^\n》]{0,6}(?:之年|收官|开局))",
    re.MULTILINE)
QUARTERS = {"一": 1, "二": 2, "三": 3, "四": 4}
#: "第十四届全国人民代表大会第二次会议", "十三届全国人大四次会议".
NATIONAL_SESSION = re.compile(r"第?(十[一二三四五六])届全国人(?:民代表)?大(?:会)?第?([一二三四五])次会议")
FIRST_SESSION_13TH = 2018
#: "河南省第十四届人民代表大会第二次会议", "郑州市十六届人大三次会议" (not the national congress).
LOCAL_SESSION = re.compile(r"(?P<level>省|自治区|市|州|盟|县|区|旗)第?[一二三四五六七八九十]{1,3}届人(?:民代表)?大(?:会)?"
                           r"(?:常委会)?第?(?P<session>[一二三四五六七八九十])次(?:全体)?会议")
PROVINCIAL = ("省", "自治区")
PROVINCIAL_FIRST_SESSIONS = (2018,)
LOCAL_FIRST_SESSIONS = (2021, 2022)
#: Weights of the evidence for the plan year: a year named with the targets, the publication date, the
#: plan's own five-year title; each written year counts once.
TARGET_WEIGHT, PUBLISHED_WEIGHT, TITLE_WEIGHT = 2, 5, 6
LATE_MONTH = 10
DECEMBER = 12
QUARTER_ENDS = (3, 6, 9)


@dataclass(frozen=True)
class Period:
    """期限: "2023", "2023Q1", "2023-2027"; `year` is the last year it covers; `unsure` when the
    conventions say nothing of it (a deadline within the year: "9月底前" is 2023Q1-3)."""

    label: str
    year: int | None
    unsure: bool = False


@dataclass(frozen=True)
class Dating:
    """What the text says of its own time: the plan year, the month it is dated, and whether the year
    rests on a date, a title or a year named with the targets (or only on the years it mentions)."""

    year: int | None
    month: int | None = None
    dated: bool = False
    written: int | None = None

    @property
    def current_year(self) -> int | None:
        """今年: the year the text is written in."""
        return self.written or self.year

    @property
    def coming_year(self) -> int | None:
        """明年: the year after the one the text is written in (the plan year itself in a text of
        December that sets next year's targets)."""
        base = self.written or self.year
        return base + 1 if base else None

    @property
    def next_years_start(self) -> int | None:
        """今后五年 in a text of October–December start the next year."""
        if self.year is None:
            return None
        return self.year + 1 if self.month and self.month >= LATE_MONTH else self.year


def published(text: str, source: str) -> tuple[int | None, int | None]:
    """The (year, month) the text is dated: its source address, else a date near its top."""
    address = ADDRESS_DATE.search(source)
    if address:
        return int(address.group(1)), int(address.group(2)) if address.group(2) else None
    dated = PUBLISHED.search(text[:HEADER])
    if dated:
        return int(dated.group(1)), int(dated.group(2) or dated.group(3))
    return None, None


def session_year(text: str) -> int | None:
    """The year of a session of the National People's Congress named in `text` ("十四届全国人大一次会议"
    is 2023: each congress sits five years, the 13th from 2018)."""
    named = NATIONAL_SESSION.search(text)
    if not named:
        return None
    congress, session = read_number(named.group(1)), read_number(named.group(2))
    return int(FIRST_SESSION_13TH + (congress - 13) * 5 + session - 1) if congress and session else None


def local_session_year(text: str, counts: Counter) -> int | None:
    """The year of a provincial, city or county congress session named in `text` ("洛阳市第十六届人民
    代表大会第四次会议"): provincial congresses sit from 2018, 2023, …, city and county ones from 2021
    or 2022 (换届 differs), so the session fixes the year within five; of those years, the one nearest
    the years the text names (a later one on a tie: a report cites last year's results). None when
    the text names no year."""
    named = LOCAL_SESSION.search(text)
    if not named or not counts:
        return None
    session = read_number(named["session"])
    if not session:
        return None
    firsts = PROVINCIAL_FIRST_SESSIONS if named["level"] in PROVINCIAL else LOCAL_FIRST_SESSIONS
    near = max(counts, key=lambda candidate: (counts[candidate], candidate))
    years = [near + shift for shift in range(-2, 3) if any((near + shift - first - session + 1) % 5 == 0
                                                           for first in firsts)]
    return min(years, key=lambda candidate: (abs(candidate - near), -candidate)) if years else None


def plan_dating(text: str, source: str = "") -> Dating:
    """The year the plan is for: the plan's own five-year title gives its first year; else the year
    named most often, with the targets counting more and the publication date most (a text of
    October–December that names next year's targets is dated next year); None if the text names
    no year at all."""
    counts = Counter(int(year) for year in YEAR_MENTION.findall(text))
    target_years = [int(year) for year in TARGET_YEAR.findall(text)]
    for year in target_years:
        counts[year] += TARGET_WEIGHT
    year, month = published(text, source)
    if year is None:
        year = session_year(text[:HEADER]) or local_session_year(text[:HEADER], counts)
    written = year
    if year and month and month >= LATE_MONTH and (year + 1 in target_years or COMING.search(text)):
        year, month = year + 1, None
    if year:
        counts[year] += PUBLISHED_WEIGHT
    titled = FIVE_YEAR_PLAN_TITLE.search(text[:HEADER])
    if titled:
        counts[FIVE_YEAR_PLAN_END[titled.group(1)] - 4] += TITLE_WEIGHT
    if not counts:
        return Dating(None)
    best = max(counts, key=lambda candidate: (counts[candidate], candidate))
    return Dating(best, month if best == year else None, dated=best in (year, *target_years) or bool(titled),
                  written=written if best == year else None)


def plan_year(text: str) -> int | None:
    """The plan year of `text` as extract() reads it (see plan_dating)."""
    return plan_dating(fold(text).text, source_line(text)).year


def whole_year(year: int | None) -> Period:
    return Period(str(year) if year else "", year)


def period_of(match: re.Match, year: int | None, next_start: int | None = None,
              coming: int | None = None) -> Period:
    """The period a time word (matched by vocabulary.TIME) sets, in a plan for `year` (今后五年 and
    五年内 from `next_start`, the plan year unless said otherwise; 明年 is `coming`, else year + 1, and
    今年 the year before it)."""
    if match["year"]:
        return whole_year(int(match["year"]))
    if match["by_month"]:
        return by_deadline(int(match["by_year"]) if match["by_year"] else year, match["by_month"])
    if match["fyp"]:
        return whole_year(FIVE_YEAR_PLAN_END[match["fyp"]])
    if match["fyp_span"]:
        end = FIVE_YEAR_PLAN_END[match["fyp_span"]]
        return Period(f"{end - 4}-{end}", end)
    if year is None:
        return whole_year(None)
    if match["years"] or match["next"]:
        first = next_start or year
        span = int(read_number(match["years"] or match["next"]) or 1)
        return Period(f"{first}-{first + span - 1}" if span > 1 else str(first), first + span - 1)
    if match["within"]:
        return whole_year(year + int(read_number(match["within"]) or 1) - 1)
    if match["first_quarters"]:
        return Period(statistical.Period.quarter(year, 9).code, year, unsure=True)
    if match["quarter"]:
        return Period(f"{year}Q{QUARTERS.get(match['quarter'], match['quarter'])}", year)
    if match["half"]:
        return Period(f"{year}H1", year)
    if match["last"] or match["estimate"]:
        return whole_year(year - 1)
    if match["coming"]:
        return whole_year(coming or year + 1)
    return whole_year(coming - 1 if coming and match["this"] in ("今年", "本年") else year)


def by_deadline(year: int | None, month: str) -> Period:
    """"6月底前" is the statistical period that ends with the deadline's month: 2023H1 (3: Q1,
    9: Q1-3, 2: M1-2, 5: M05, 12: the year), marked unsure (the conventions name none of these)."""
    number = int(read_number(month) or 12)
    if year is None or number == DECEMBER:
        return whole_year(year)
    deadline = statistical.Period.quarter(year, number) if number in QUARTER_ENDS else \
        statistical.Period.month(year, max(number, 2))
    return Period(deadline.code, year, unsure=True)


def last_period(text: str, year: int | None, dating: Dating | None = None) -> Period | None:
    """The period set by the last time word in `text`, if any (今后五年 and 明年 as `dating` reads them)."""
    last = None
    for last in TIME.finditer(text):  # noqa: B007 - the last match is the one that counts
        pass
    if not last:
        return None
    return period_of(last, year, dating.next_years_start, dating.coming_year) if dating else period_of(last, year)


def whole_of(match: re.Match) -> bool:
    """"全年", "年内": the whole of a year named before ("2014年太原市预计全年…" is 2014)."""
    return bool(match["this"]) and match["this"] != "今年"
