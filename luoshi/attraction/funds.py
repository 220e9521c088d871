"""到位资金: the funds paid in to a lead, reported each month as a year-to-date amount (亿元).

They are ordinary figures of the series 招商项目到位资金 (LUOSHI_PAID_IN_SERIES) whose subject is the lead
(`luoshi.attraction.subject`): reported by the lead's landing unit or an analyst, revised and approved like
any other figure, through the entry form, Excel and the API as well as here. The roll-up reads approved
values only. This module is the one place the attraction app reads and writes them.
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings

from luoshi.accounts.scoping import CHANGE, in_reach
from luoshi.attraction.models import Lead
from luoshi.attraction.stages import LeadError, NotAllowed
from luoshi.figures.catalogue import load_default_catalogue
from luoshi.figures.entries import Entry
from luoshi.figures.models import Figure, FigureRevision, Series
from luoshi.figures.submission import FiguresRejected, submit

KIND = "lead"
ANY_REVISION = object()


def series_name() -> str:
    return getattr(settings, "LUOSHI_PAID_IN_SERIES", "招商项目到位资金")


def ensure_series() -> None:
    """The paid-in series comes with the default catalogue: an installation without it gets the catalogue."""
    if not Series.objects.filter(name=series_name()).exists():
        load_default_catalogue()


def may_report(user, lead: Lead) -> bool:
    """The lead's landing unit (its reporters) and the analysts above it report, as for any subject."""
    return user is None or in_reach(user, lead.unit, CHANGE)


def figures_of(lead: Lead):
    """LEAD's paid-in figures, month by month, with their latest and approved revisions."""
    return Figure.objects.of(KIND, [lead]).filter(series__name=series_name()).select_related(
        "head_revision", "approved_revision").order_by("period_end")


def report(user, lead: Lead, period: str, value, source: str = "", today: dt.date | None = None,
           based_on=ANY_REVISION) -> FigureRevision:
    """到位资金填报: LEAD's year-to-date funds paid in by the end of PERIOD (a month), a new revision —
    approved at once when an analyst (or the system) reports it, else waiting for review. BASED_ON is the
    revision the reporter read (a page's hidden field): another one written since is a conflict; by default
    the figure's latest revision."""
    if not may_report(user, lead):
        raise NotAllowed(f"只有{lead.unit.name}或分析员可以填报该项目的到位资金")
    if based_on is ANY_REVISION:
        head = figures_of(lead).filter(period=period).values_list("head_revision_id", flat=True).first()
        based_on = head
    ensure_series()
    entry = Entry(row=1, series=series_name(), unit="", subject_kind=KIND, subject=lead.code, period=period,
                  value=value, source=source, based_on=based_on)
    try:
        outcome = submit(user, [entry], channel="web", today=today)
    except FiguresRejected as rejected:
        reasons = [e.reason for e in rejected.validation.errors] + [str(c) for c in rejected.validation.conflicts]
        raise LeadError(";".join(reasons)) from None
    if not outcome.written:
        raise LeadError("与已填报的数值相同,未写入新版本")
    return outcome.written[0]


def current_at(leads, day: dt.date) -> dict[int, Decimal]:
    """Each lead's approved year-to-date funds at DAY: its latest figure of DAY's year ending on or before it."""
    rows = Figure.objects.of(KIND, leads).filter(
        series__name=series_name(), approved_revision__isnull=False, value__isnull=False, period_end__lte=day,
        period_end__year=day.year).order_by("period_end").values_list("subject_id", "value")
    return dict(rows)


def paid_between(leads, start: dt.date, end: dt.date) -> dict[int, Decimal]:
    """What LEADS had paid in from START to END (within one year): year-to-date at END less that before START."""
    after = current_at(leads, end)
    if start.month == 1 and start.day == 1:
        return after
    before = current_at(leads, start - dt.timedelta(days=1))
    return {lead: value - before.get(lead, Decimal(0)) for lead, value in after.items()}


def remove_figures(leads) -> None:
    """Take LEADS' paid-in figures and their revisions away (the simulation's own, when it is removed)."""
    figures = Figure.objects.of(KIND, leads)
    Figure.objects.filter(pk__in=figures).update(approved_revision=None, head_revision=None)
    revisions = FigureRevision.objects.filter(figure__in=figures)
    revisions.update(based_on=None)
    revisions.delete()
    figures.delete()
