"""未公布: an analyst's mark that a figure slot was not published (so nobody owes it), logged.

Whether a figure is late is decided elsewhere; this module only stores the mark and its note.
"""

from django.db import IntegrityError, transaction

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.core.context import change_context, current
from luoshi.core.models import ObjectChange
from luoshi.core.signals import record_all
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


def mark_not_published(series: Series, unit: Unit, period: Period | str, user, note: str = "",
                       value: bool = True) -> Figure:
    """Mark (or, with VALUE False, unmark) the figure of SERIES, UNIT and PERIOD as 未公布, creating the
    slot when nothing was reported yet; the change is written to the change log."""
    return mark_all_not_published([(series, unit, period)], user, note, value)[0]


Slot = tuple[Series, Unit, Period | str]


@transaction.atomic
def mark_all_not_published(slots: list[Slot], user, note: str = "", value: bool = True) -> list[Figure]:
    """`mark_not_published` for each (series, unit, period) of SLOTS, all or none, in a few statements whatever
    their number: the figures, in SLOTS' order."""
    _check_reach(user, {unit for _, unit, _ in slots})
    keys, wanted = [], {}
    for series, unit, period in slots:
        own = _own_period(series, period)
        keys.append(key := (series.pk, unit.pk, own.start_date, own.end_date))
        wanted.setdefault(key, (series, unit, own))
    mark = {"not_published": value, "not_published_note": (note or "").strip()[:300] if value else ""}
    found = _locked(wanted)
    before = {key: _mark_fields(figure) for key, figure in found.items()}
    for figure in found.values():
        figure.not_published, figure.not_published_note = mark.values()
    Figure.objects.bulk_update(found.values(), list(mark))
    found.update(_create_slots([slot for key, slot in wanted.items() if key not in found], mark))
    figures_changed.send(Figure, figure_ids=[figure.pk for figure in found.values()])
    with change_context(user=user, request_id=current().request_id):
        record_all([(figure, ObjectChange.Action.UPDATE if key in before else ObjectChange.Action.CREATE,
                     before.get(key), _mark_fields(figure)) for key, figure in found.items()])
    return [found[key] for key in keys]


def _check_reach(user, units: set[Unit]) -> None:
    allowed = set() if user is None or not user.edits_plans else set(
        units_for(user, CHANGE).filter(pk__in=[u.pk for u in units]).values_list("pk", flat=True))
    outside = sorted(u.code for u in units if u.pk not in allowed)
    if outside:
        raise MarkError(f"单位 {'、'.join(outside)} 不在您的辖区内,不能标记其数据")


def _locked(wanted: dict) -> dict:
    """The existing figures of the WANTED slots (their own subject: none), locked, by slot key."""
    rows = Figure.objects.select_for_update().filter(
        subject_kind="", subject_id=0, series__in={k[0] for k in wanted}, unit__in={k[1] for k in wanted},
        period_start__in={k[2] for k in wanted})
    return {key: f for f in rows if (key := (f.series_id, f.unit_id, f.period_start, f.period_end)) in wanted}


def _create_slots(slots: list[tuple[Series, Unit, Period]], mark: dict) -> dict:
    figures = [Figure(series=series, unit=unit, subject_kind="", subject_id=0, period=own.code,
                      period_start=own.start_date, period_end=own.end_date, **mark) for series, unit, own in slots]
    try:
        with transaction.atomic():
            Figure.objects.bulk_create(figures)
    except IntegrityError:
        raise MarkError("该数据正被他人同时写入,请重新标记") from None
    return {(f.series_id, f.unit_id, f.period_start, f.period_end): f for f in figures}
