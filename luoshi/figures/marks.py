"""未公布: an analyst's mark that a figure slot was not published (so nobody owes it), logged.

Whether a figure is late is decided elsewhere; this module only stores the mark and its note.
"""

from django.db import transaction

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core.context import change_context, current
from luoshi.core.models import ObjectChange
from luoshi.core.signals import record
from luoshi.figures.models import Figure, Series
from luoshi.figures.signals import figures_changed
from luoshi.figures.validation import normalized
from luoshi.lib.periods import Period, PeriodError, parse
from luoshi.units.models import Unit


class MarkError(Exception):
    """The mark cannot be set: not allowed, or no such period for the series."""


def _mark_fields(figure: Figure) -> dict:
    return {"not_published": figure.not_published, "not_published_note": figure.not_published_note}


def _own_period(series: Series, period: Period | str) -> Period:
    try:
        return normalized(parse(period) if isinstance(period, str) else period, series.frequency)
    except PeriodError as exc:
        raise MarkError(f"{series.name}按{series.get_frequency_display()}发布,没有“{period}”这一期") from exc


@transaction.atomic
def mark_not_published(series: Series, unit: Unit, period: Period | str, user, note: str = "",
                       value: bool = True) -> Figure:
    """Mark (or, with VALUE False, unmark) the figure of SERIES, UNIT and PERIOD as 未公布, creating the
    slot when nothing was reported yet; the change is written to the change log."""
    if user is None or not user.edits_plans or not units_for(user, CHANGE).filter(pk=unit.pk).exists():
        raise MarkError(f"单位 {unit.code} 不在您的辖区内,不能标记其数据")
    own = _own_period(series, period)
    figure, created = Figure.objects.select_for_update().get_or_create(
        series=series, unit=unit, subject_kind="", subject_id=0, period_start=own.start_date, period_end=own.end_date,
        defaults={"period": own.code})
    before = None if created else _mark_fields(figure)
    figure.not_published, figure.not_published_note = value, (note or "").strip()[:300] if value else ""
    figure.save(update_fields=["not_published", "not_published_note"])
    figures_changed.send(Figure, figure_ids=[figure.pk])
    with change_context(user=user, request_id=current().request_id):
        record(figure, ObjectChange.Action.CREATE if created else ObjectChange.Action.UPDATE, before,
               _mark_fields(figure))
    return figure
