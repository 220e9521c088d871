"""统计期: the Chinese statistical calendar.

Figures are year-to-date cumulative (累计). January and February are published together as
1–2月; there is no January figure. A `Period` therefore always starts on 1 January of its first
year and ends at the close of `end_month` in `end_year`.

Codes (canonical output of `Period.code`, accepted by `parse`):

==============  ==========  ==================================
``2023M1-2``    1–2月        January–February cumulative
``2023M03``     1–3月        January–March cumulative (… ``2023M12``)
``2023Q1``      一季度        quarterly series (GDP)
``2023H1``      上半年
``2023Q1-3``    前三季度
``2023``        全年          the whole year
``2023-2027``   2023—2027年  a multi-year span
==============  ==========  ==================================

``2023Q1`` and ``2023M03`` cover the same months but belong to different series, so a Period
carries its `frequency`; use `Period.same_span` to compare coverage regardless of series.
Codes do not sort lexically (``M1-2`` vs ``M03``): sort by `Period.sort_key`.

Public API: `Period`, `PeriodError`, `Frequency`, `parse`, `periods_in`, `due_date`, `is_late`,
`elapsed_fraction`, `latest_period`.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import cached_property, lru_cache

from django.utils.translation import gettext as _

__all__ = [
    "Frequency",
    "Period",
    "PeriodError",
    "due_date",
    "elapsed_fraction",
    "is_late",
    "latest_period",
    "parse",
    "periods_in",
]


class PeriodError(ValueError):
    """统计期代码错误: a period code or label that names no publishable period."""


class Frequency(StrEnum):
    """报送频率: how often a figure is published."""

    MONTHLY = "monthly"  # 月度 (1–2月, 1–3月 … 1–12月)
    QUARTERLY = "quarterly"  # 季度 (一季度, 上半年, 前三季度, 全年)
    ANNUAL = "annual"  # 年度
    MULTI_YEAR = "multi_year"  # 多年 (2023—2027年)


_QUARTER_END_MONTHS = (3, 6, 9)
_QUARTER_CODES = {3: "Q1", 6: "H1", 9: "Q1-3"}
_QUARTER_ZH = {3: "一季度", 6: "上半年", 9: "前三季度"}
_QUARTER_EN = {3: "Q1", 6: "H1", 9: "Q1–Q3"}
_FREQUENCY_RANK = {
    Frequency.MULTI_YEAR: 0,
    Frequency.ANNUAL: 1,
    Frequency.QUARTERLY: 2,
    Frequency.MONTHLY: 3,
}


@dataclass(frozen=True)
class Period:
    """统计期: a year-to-date span from 1 January of `start_year` to the end of `end_month` of `end_year`.

    `frequency` defaults from the span: several years → multi_year, a whole year → annual,
    otherwise monthly. Quarterly periods (一季度, 上半年, 前三季度) must say so, or use
    `Period.quarter`.
    """

    start_year: int
    end_year: int
    end_month: int = 12
    frequency: Frequency = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.frequency is None:
            object.__setattr__(self, "frequency", self._default_frequency())
        else:
            object.__setattr__(self, "frequency", Frequency(self.frequency))
        self._validate()

    # -- constructors -------------------------------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> Period:
        """1–N月 cumulative; month 2 is 1–2月, month 1 does not exist."""
        return cls(year, year, month, Frequency.MONTHLY)

    @classmethod
    def quarter(cls, year: int, end_month: int) -> Period:
        """一季度 (3), 上半年 (6), 前三季度 (9); 12 gives the whole year."""
        if end_month == 12:
            return cls.year(year)
        return cls(year, year, end_month, Frequency.QUARTERLY)

    @classmethod
    def year(cls, year: int) -> Period:
        """全年."""
        return cls(year, year, 12, Frequency.ANNUAL)

    @classmethod
    def years(cls, start_year: int, end_year: int) -> Period:
        """A multi-year span, e.g. 2023—2027年 (五年内)."""
        return cls(start_year, end_year, 12, Frequency.MULTI_YEAR)

    # -- validation ---------------------------------------------------------------------------
    def _default_frequency(self) -> Frequency:
        if self.end_year > self.start_year:
            return Frequency.MULTI_YEAR
        return Frequency.ANNUAL if self.end_month == 12 else Frequency.MONTHLY

    def _validate(self) -> None:
        if not 1 <= self.start_year <= 9999 or not 1 <= self.end_year <= 9999:
            raise PeriodError(_("年份超出范围:%(start)s–%(end)s") % {"start": self.start_year, "end": self.end_year})
        if self.end_year < self.start_year:
            raise PeriodError(_("结束年份早于开始年份:%(start)s-%(end)s") % {"start": self.start_year, "end": self.end_year})
        if not 1 <= self.end_month <= 12:
            raise PeriodError(_("月份无效:%(year)sM%(month)02d") % {"year": self.start_year, "month": self.end_month})
        self._validate_frequency()

    def _validate_frequency(self) -> None:
        multi = self.end_year > self.start_year
        if multi != (self.frequency is Frequency.MULTI_YEAR):
            raise PeriodError(_("多年期须跨年:%(start)s-%(end)s") % {"start": self.start_year, "end": self.end_year})
        if multi and self.end_month != 12:
            raise PeriodError(_("多年期须至年末:%(start)s-%(end)s") % {"start": self.start_year, "end": self.end_year})
        if self.frequency is Frequency.ANNUAL and self.end_month != 12:
            raise PeriodError(_("年度期须至12月:%(year)s") % {"year": self.end_year})
        if self.frequency is Frequency.QUARTERLY and self.end_month not in _QUARTER_END_MONTHS:
            raise PeriodError(_("季度期只有一季度、上半年、前三季度,全年请用年度:%(year)s年%(month)s月") % {
                "year": self.end_year, "month": self.end_month})
        if self.frequency is Frequency.MONTHLY and self.end_month == 1:
            raise PeriodError(_("1月数据不单独发布,与2月合并为1–2月,请用 %(year)sM1-2") % {"year": self.end_year})

    # -- codes and labels ---------------------------------------------------------------------
    @property
    def code(self) -> str:
        """统计期代码, e.g. ``2023M1-2``, ``2023M03``, ``2023H1``, ``2023``, ``2023-2027``."""
        y = self.end_year
        match self.frequency:
            case Frequency.MULTI_YEAR:
                return f"{self.start_year}-{self.end_year}"
            case Frequency.ANNUAL:
                return str(y)
            case Frequency.QUARTERLY:
                return f"{y}{_QUARTER_CODES[self.end_month]}"
        return f"{y}M1-2" if self.end_month == 2 else f"{y}M{self.end_month:02d}"

    @property
    def label_zh(self) -> str:
        """中文简称: 1–2月, 1–3月, 一季度, 上半年, 前三季度, 全年, 2023—2027年."""
        match self.frequency:
            case Frequency.MULTI_YEAR:
                return f"{self.start_year}—{self.end_year}年"
            case Frequency.ANNUAL:
                return "全年"
            case Frequency.QUARTERLY:
                return _QUARTER_ZH[self.end_month]
        return f"1–{self.end_month}月"

    @property
    def label_zh_full(self) -> str:
        """中文全称: 2023年1–2月, 2023年上半年, 2023年, 2023—2027年."""
        if self.frequency is Frequency.MULTI_YEAR:
            return self.label_zh
        if self.frequency is Frequency.ANNUAL:
            return f"{self.end_year}年"
        return f"{self.end_year}年{self.label_zh}"

    @property
    def label_en(self) -> str:
        """English label: Jan–Feb 2023, Jan–Mar 2023, Q1 2023, H1 2023, Q1–Q3 2023, 2023, 2023–2027."""
        match self.frequency:
            case Frequency.MULTI_YEAR:
                return f"{self.start_year}–{self.end_year}"
            case Frequency.ANNUAL:
                return str(self.end_year)
            case Frequency.QUARTERLY:
                return f"{_QUARTER_EN[self.end_month]} {self.end_year}"
        return f"Jan–{calendar.month_abbr[self.end_month]} {self.end_year}"

    def __str__(self) -> str:
        return self.code

    # -- arithmetic ---------------------------------------------------------------------------
    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological key: by end, then longer spans first, then series (annual before monthly)."""
        return (self.end_year, self.end_month, self.start_year, _FREQUENCY_RANK[self.frequency])

    @cached_property
    def start_date(self) -> date:
        return date(self.start_year, 1, 1)

    @cached_property
    def end_date(self) -> date:
        return date(self.end_year, self.end_month, calendar.monthrange(self.end_year, self.end_month)[1])

    @property
    def months(self) -> int:
        """Number of months covered (1–2月 → 2, 全年 → 12, 2023—2027年 → 60)."""
        return (self.end_year - self.start_year) * 12 + self.end_month

    @property
    def is_multi_year(self) -> bool:
        return self.end_year > self.start_year

    @property
    def year_fraction(self) -> float:
        """时序进度 at this period's end: share of its year elapsed (end_month / 12).

        A multi-year span is measured over the whole span, so at its end this is 1.0. For the
        share of *another* (target) period elapsed, use `elapsed_fraction`.
        """
        return 1.0 if self.is_multi_year else self.end_month / 12

    def previous_year(self) -> Period:
        """上年同期: the same months one year earlier."""
        return Period(self.start_year - 1, self.end_year - 1, self.end_month, self.frequency)

    def contains(self, other: Period) -> bool:
        """True when `other`'s months all fall inside this period (2023 contains 2023H1)."""
        return self.start_date <= other.start_date and other.end_date <= self.end_date

    def same_span(self, other: Period) -> bool:
        """True when both cover the same months, whatever the series (2023Q1 and 2023M03)."""
        return (self.start_year, self.end_year, self.end_month) == (
            other.start_year,
            other.end_year,
            other.end_month,
        )


# -- parsing --------------------------------------------------------------------------------------
_DASH = r"\s*(?:-|–|—|~|～|至|到)\s*"
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"(\d{{4}}){_DASH}(\d{{4}})年?"), "multi"),
    (re.compile(r"(\d{4})年?(?:全年)?"), "year"),
    (re.compile(rf"(\d{{4}})M0?1{_DASH}0?2"), "m12"),
    (re.compile(r"(\d{4})M(\d{1,2})"), "month"),
    (re.compile(r"(\d{4})(Q1|H1|Q1-3|Q2|Q3|Q4|H2)"), "quarter"),
    (re.compile(rf"(\d{{4}})年(?:1{_DASH})?(\d{{1,2}})月(?:份)?"), "zh_month"),
    (re.compile(r"(\d{4})年(一季度|第一季度|1季度|上半年|前三季度|1-3季度|一至三季度)"), "zh_quarter"),
]
_QUARTER_FROM_CODE = {"Q1": 3, "H1": 6, "Q1-3": 9}
_QUARTER_HINTS = {  # messages built when raised, in the language then active
    "Q2": lambda: _("二季度不单独发布累计数,上半年请用 %(y)sH1:%(code)r"),
    "Q3": lambda: _("三季度不单独发布累计数,前三季度请用 %(y)sQ1-3:%(code)r"),
    "Q4": lambda: _("四季度累计即全年,请用 %(y)s:%(code)r"),
    "H2": lambda: _("下半年不单独发布累计数,全年请用 %(y)s:%(code)r"),
}
_ZH_QUARTER = {
    "一季度": 3,
    "第一季度": 3,
    "1季度": 3,
    "上半年": 6,
    "前三季度": 9,
    "1-3季度": 9,
    "一至三季度": 9,
}


@lru_cache(maxsize=4096)
def parse(code: str) -> Period:
    """Read a period code (``2023M1-2``, ``2023H1``…) or a Chinese label (``2023年1-2月``, ``2023年上半年``).

    Raises `PeriodError` naming the problem, e.g. ``2023M01``: 1月不单独发布. Periods are immutable,
    so the same code gives the same (cached) Period: status computation parses the same few codes a
    million times.
    """
    text = unicodedata.normalize("NFKC", str(code)).strip().upper().replace(" ", "")
    for pattern, form in _PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            return _build(form, m.groups(), code)
    raise PeriodError(_("无法识别的统计期代码:%(code)r;应为 2023M1-2、2023M03…2023M12、2023Q1、2023H1、2023Q1-3、"
                        "2023 或 2023-2027") % {"code": code})


def _build(form: str, groups: tuple[str, ...], code: str) -> Period:
    year = int(groups[0])
    if form == "multi":
        end = int(groups[1])
        if end <= year:
            raise PeriodError(_("多年期结束年份须晚于开始年份:%(code)r") % {"code": code})
        return Period.years(year, end)
    if form == "year":
        return Period.year(year)
    if form == "m12":
        return Period.month(year, 2)
    if form == "zh_month" and int(groups[1]) == 2:
        return Period.month(year, 2)
    if form in ("month", "zh_month"):
        return _month(year, int(groups[1]), code)
    if form == "quarter":
        if groups[1] in _QUARTER_HINTS:
            raise PeriodError(_QUARTER_HINTS[groups[1]]() % {"y": year, "code": code})
        return Period.quarter(year, _QUARTER_FROM_CODE[groups[1]])
    return Period.quarter(year, _ZH_QUARTER[groups[1]])


def _month(year: int, month: int, code: str) -> Period:
    if month in (1, 2):
        raise PeriodError(_("1月数据不单独发布,与2月合并为1–2月,请用 %(year)sM1-2:%(code)r") % {"year": year, "code": code})
    if not 3 <= month <= 12:
        raise PeriodError(_("月份无效,应为 03–12:%(code)r") % {"code": code})
    return Period.month(year, month)


# -- calendars --------------------------------------------------------------------------------------
def periods_in(year_or_period: int | Period, frequency: Frequency | str) -> list[Period]:
    """The periods of one frequency published within a year (or each year of a period), in order.

    monthly → 1–2月, 1–3月 … 1–12月 (11 a year); quarterly → 一季度, 上半年, 前三季度, 全年;
    annual → 全年; multi_year → the span itself (for an int year: that year).
    """
    frequency = Frequency(frequency)
    if isinstance(year_or_period, Period):
        if frequency is Frequency.MULTI_YEAR:
            return [year_or_period]
        years = range(year_or_period.start_year, year_or_period.end_year + 1)
        found = [p for y in years for p in _periods_of_year(y, frequency)]
        return [p for p in found if year_or_period.contains(p)]
    return _periods_of_year(int(year_or_period), frequency)


def _periods_of_year(year: int, frequency: Frequency) -> list[Period]:
    match frequency:
        case Frequency.MONTHLY:
            return [Period.month(year, m) for m in range(2, 13)]
        case Frequency.QUARTERLY:
            return [Period.quarter(year, m) for m in (3, 6, 9, 12)]
    return [Period.year(year)]


def due_date(period: Period, due_day: int) -> date:
    """报送截止日: the `due_day`-th day of the month after the period ends (clamped to month length)."""
    year, month = (
        (period.end_year + 1, 1) if period.end_month == 12 else (period.end_year, period.end_month + 1)
    )
    last = calendar.monthrange(year, month)[1]
    return date(year, month, min(max(due_day, 1), last))


def is_late(period: Period, due_day: int, today: date, reported: bool) -> bool:
    """逾期未报: not reported and today is past the due date."""
    return not reported and today > due_date(period, due_day)


def elapsed_fraction(target_period: Period, at_period: Period) -> float:
    """时序进度: months of `target_period` elapsed at the end of `at_period`, as a share (0..1)."""
    elapsed = (at_period.end_year - target_period.start_year) * 12 + at_period.end_month
    return min(max(elapsed, 0), target_period.months) / target_period.months


def latest_period(frequency: Frequency | str, today: date, due_day: int | None = None) -> Period:
    """最新应报期: the most recent period whose figure should have been published by `today`.

    With a `due_day`, a period counts once its due date has come; without one, once it has ended.
    Multi-year frequencies report yearly, so they give the latest year.
    """
    frequency = Frequency(frequency)
    if frequency is Frequency.MULTI_YEAR:
        frequency = Frequency.ANNUAL
    candidates = [p for y in range(today.year - 2, today.year + 1) for p in _periods_of_year(y, frequency)]
    published = [p for p in candidates if _published_by(p, today, due_day)]
    return max(published, key=lambda p: p.sort_key)


def _published_by(period: Period, today: date, due_day: int | None) -> bool:
    if due_day is None:
        return period.end_date < today
    return due_date(period, due_day) <= today
