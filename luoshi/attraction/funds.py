"""到位资金: the funds paid in to a lead, reported each month as a year-to-date amount (亿元).

Every report is a new `PaidIn` row (who, when, source); the latest row of a month is the lead's figure for
that month, earlier ones stay as its revisions. This module is the one place that reads and writes them:
pages, API, roll-up and simulation call only these functions, so that once a figure's subject is a general
notion (figures plugged into by leads) the rows become ordinary figures here and nowhere else.
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from luoshi.attraction.models import Lead, PaidIn
from luoshi.attraction.stages import InvalidLead, LeadError, NotAllowed, may_edit
from luoshi.core import limits
from luoshi.lib.periods import Frequency, PeriodError, parse
from luoshi.projects.stages import actor


@dataclass(frozen=True)
class PaidInFigure:
    """A lead's paid-in figure for one month: its current value and how many times it was reported."""

    period: str
    value: Decimal
    by_name: str
    at: dt.datetime
    source: str
    revisions: int


def may_report(user, lead: Lead) -> bool:
    """Whoever may move the lead reports its funds."""
    return may_edit(user, lead)


def figures_of(lead: Lead) -> list[PaidInFigure]:
    """LEAD's figures, month by month, each its latest report."""
    latest: dict[str, list[PaidIn]] = {}
    for row in lead.paid_in.order_by("period_end", "pk"):
        latest.setdefault(row.period, []).append(row)
    return [PaidInFigure(period, rows[-1].value, rows[-1].by_name, rows[-1].at, rows[-1].source, len(rows))
            for period, rows in latest.items()]


def _month(code: str, today: dt.date):
    try:
        period = parse(code)
    except PeriodError as exc:
        raise LeadError(f"期间无法识别:{str(exc)[:80]}") from None
    if period.frequency is not Frequency.MONTHLY:
        raise LeadError("到位资金按月报送累计数,期间应为月份,如 2023M06")
    if period.end_date.replace(day=1) > today:
        raise LeadError(f"{period.label_zh_full}还没有到")
    return period


@transaction.atomic
def report(user, lead: Lead, period: str, value, source: str = "", today: dt.date | None = None) -> PaidIn:
    """到位资金填报: LEAD's year-to-date funds paid in by the end of PERIOD; never below an earlier month's."""
    if not may_report(user, lead):
        raise NotAllowed("只有该项目的专班成员、落地单位或分析员可以填报到位资金")
    at = _month(period, today or dt.date.today())
    value = limits.as_decimal(value)
    if value is None or value < 0:
        raise LeadError("到位资金应为不小于 0 的数(亿元)")
    limits.require(PaidIn, {"value": value, "source": source}, error=InvalidLead)
    earlier = current_at(Lead.objects.filter(pk=lead.pk), at.end_date - dt.timedelta(days=at.end_date.day))
    if earlier.get(lead.pk, Decimal(0)) > value:
        raise LeadError(f"累计到位资金不能少于上月的 {earlier[lead.pk].normalize()} 亿元")
    return PaidIn.objects.create(lead=lead, period=at.code, period_end=at.end_date, value=value, source=source,
                                 by=user, by_name=actor(user)[0])


def current_at(leads, day: dt.date) -> dict[int, Decimal]:
    """Each lead's year-to-date funds at DAY: its latest report of DAY's year ending on or before it."""
    rows = PaidIn.objects.filter(lead__in=leads, period_end__lte=day, period_end__year=day.year).order_by(
        "period_end", "pk").values_list("lead_id", "value")
    return dict(rows)


def paid_between(leads, start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """What LEADS had paid in from START to END (within one year): year-to-date at END less that before START."""
    after = current_at(leads, end)
    if start.month == 1 and start.day == 1:
        return after
    before = current_at(leads, start - dt.timedelta(days=1))
    return {lead: value - before.get(lead, Decimal(0)) for lead, value in after.items()}


def remove_figures(leads) -> None:
    """Take LEADS' paid-in rows away (the simulation's own, when it is removed)."""
    PaidIn.objects.filter(lead__in=leads).delete()
