"""Write validated figures as new revisions, and approve or return submitted ones.

Reporters' figures arrive as 待审核 (submitted); an analyst's or a system import's are approved at
once. A figure's current value is always its latest approved revision.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.figures.models import Figure, FigureRevision
from luoshi.figures.validation import Change, Conflict, Validation, validate


class FiguresRejected(Exception):
    """The submission has bad cells or conflicts; nothing was written."""

    def __init__(self, validation: Validation):
        super().__init__(f"{len(validation.errors)} 处错误,{len(validation.conflicts)} 处冲突")
        self.validation = validation


class ReviewError(Exception):
    """An approval or return that cannot happen (wrong state or not allowed)."""


@dataclass(frozen=True)
class Outcome:
    validation: Validation
    written: list[FigureRevision]


def submit(user, entries: list[Entry], *, channel: str = "web", today: dt.date | None = None,
           dry_run: bool = False) -> Outcome:
    """Validate ENTRIES and, unless DRY_RUN, write them all in one transaction (or none)."""
    with transaction.atomic():
        validation = validate(user, entries, today=today)
        if not validation.ok:
            raise FiguresRejected(validation)
        if dry_run:
            return Outcome(validation, [])
        written = [_write(user, change, channel) for change in validation.to_write]
    return Outcome(validation, written)


def _slot(change: Change) -> Figure:
    figure, _ = Figure.objects.select_for_update().get_or_create(
        series=change.series, unit=change.unit, project=change.project, period_start=change.period.start_date,
        period_end=change.period.end_date, defaults={"period": change.period.code})
    return figure


def _approves(user) -> bool:
    return user is None or user.edits_plans


def _write(user, change: Change, channel: str) -> FigureRevision:
    """A new revision on the locked figure; refused if the figure moved on since validation."""
    figure = _slot(change)
    entry = change.entry
    if entry.based_on is not ANY_BASE and figure.head_revision_id != (change.head.pk if change.head else None):
        raise FiguresRejected(Validation(conflicts=[Conflict(entry.row, figure, figure.head_revision,
                                                             change.value, change.growth)]))
    number = (figure.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    now = timezone.now()
    revision = FigureRevision.objects.create(
        figure=figure, number=number, value=change.value, growth=change.growth, source=entry.source[:500],
        note=entry.note[:500], reason=entry.reason[:500], channel=channel, based_on=figure.head_revision,
        submitted_by=user, submitted_by_name=_name(user), submitted_at=now, client_key=entry.client_key or None,
        status=FigureRevision.Status.SUBMITTED)
    figure.head_revision = revision
    figure.save(update_fields=["head_revision"])
    if _approves(user):
        _approve(revision, user, "", now)
    return revision


def _name(user) -> str:
    return (str(user) if user is not None else "system")[:150]


def _approve(revision: FigureRevision, user, note: str, now) -> None:
    revision.status = FigureRevision.Status.APPROVED
    revision.reviewed_by, revision.reviewed_by_name = user, _name(user)
    revision.reviewed_at, revision.review_note = now, note
    revision.save(update_fields=["status", "reviewed_by", "reviewed_by_name", "reviewed_at", "review_note"])
    Figure.objects.filter(pk=revision.figure_id).update(
        approved_revision=revision, value=revision.value, growth=revision.growth)


def _reviewable(revision: FigureRevision, user) -> None:
    if not _approves(user):
        raise ReviewError("只有分析员可以审核数据")
    if revision.status != FigureRevision.Status.SUBMITTED:
        raise ReviewError(f"该数据已是“{revision.get_status_display()}”状态,不能再审核")


@transaction.atomic
def approve(revision: FigureRevision, user, note: str = "") -> FigureRevision:
    """审核通过: the revision becomes the figure's current value."""
    revision = FigureRevision.objects.select_for_update().get(pk=revision.pk)
    _reviewable(revision, user)
    _approve(revision, user, note, timezone.now())
    return revision


@transaction.atomic
def return_revision(revision: FigureRevision, user, reason: str) -> FigureRevision:
    """退回: the reporter is asked to correct it; the figure keeps its current value."""
    if not reason.strip():
        raise ReviewError("退回时必须写明原因")
    revision = FigureRevision.objects.select_for_update().get(pk=revision.pk)
    _reviewable(revision, user)
    revision.status = FigureRevision.Status.RETURNED
    revision.reviewed_by, revision.reviewed_by_name = user, _name(user)
    revision.reviewed_at, revision.review_note = timezone.now(), reason.strip()[:500]
    revision.save(update_fields=["status", "reviewed_by", "reviewed_by_name", "reviewed_at", "review_note"])
    return revision
