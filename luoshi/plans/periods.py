"""期间选择: the periods a picker offers are those of the plans the user works on, not of the calendar.

A reporter of the 2023 demo plan chooses 2023's months although the year is long past; a new plan's
year is offered as soon as the plan exists.
"""

import datetime as dt

from luoshi.lib.periods import Frequency, Period, latest_period, periods_in
from luoshi.plans.models import Plan


def plan_years(user, today: dt.date | None = None) -> list[int]:
    """The years of the plans USER sees (not archived), newest first; this year when there are none."""
    years = set(Plan.objects.restrict(user).filter(archived=False).values_list("year", flat=True))
    return sorted(years or {(today or dt.date.today()).year}, reverse=True)


def year_periods(year: int, *, monthly: bool = True, quarterly: bool = True) -> list[Period]:
    """A year's statistical calendar in order: 1–2月 … 1–11月 with 一季度, 上半年, 前三季度, and 全年."""
    found = [Period.year(year)]
    if monthly:
        found += periods_in(year, Frequency.MONTHLY)[:-1]  # 1–12月 is 全年
    if quarterly:
        found += periods_in(year, Frequency.QUARTERLY)[:-1]
    return sorted(found, key=lambda p: (p.end_month, p.frequency is Frequency.MONTHLY))


def picker_years(user, also: Period | None = None, today: dt.date | None = None) -> list[int]:
    """The plan years, and the year of ALSO (the period being shown) when it lies outside them."""
    years = set(plan_years(user, today)) | ({also.end_year} if also else set())
    return sorted(years, reverse=True)


def ended_months(user, also: Period | None = None, today: dt.date | None = None) -> list[Period]:
    """数据填报: the ended months (1–2月 … 1–12月) of the plan years, newest first."""
    today = today or dt.date.today()
    latest = latest_period(Frequency.MONTHLY, today)
    months = [p for year in picker_years(user, also, today) for p in periods_in(year, Frequency.MONTHLY)]
    return sorted((p for p in months if p.end_date <= latest.end_date), key=lambda p: p.sort_key, reverse=True)
