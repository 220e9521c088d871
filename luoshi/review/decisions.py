"""审核决定: accept (with or without edits), reject, add by selecting text."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.core.signals import record_updates
from luoshi.plans.models import Front, Plan, Target
from luoshi.review.acting import acting_as
from luoshi.review.models import Proposal
from luoshi.review.wiring import series_for

#: What the analyst may change in a proposal before accepting it.
EDITABLE = ("indicator", "value", "unit_of_measure", "kind", "accumulation", "period", "bound", "bound_word",
            "commitment", "region", "front_name", "owner", "region_unit", "series", "new_series",
            "reported_by_owner", "baseline", "baseline_period", "span_start", "span_end")
#: Proposal field → the extractor's key, for telling an edited proposal from one accepted as proposed.
EXTRACTED_KEYS = {"indicator": "indicator", "unit_of_measure": "unit", "kind": "kind",
                  "accumulation": "accumulation", "period": "period", "bound": "bound",
                  "commitment": "commitment", "region": "region", "front_name": "front"}


def check_span(text: str, start, end) -> str:
    """The clause at START–END of TEXT; ValidationError unless it lies in the text and is not blank."""
    if start is None or end is None or not 0 <= start < end <= len(text):
        raise ValidationError({"span_end": _("出处位置 %(start)s–%(end)s 不在原文内(原文共 %(length)s 字)") % {
            "start": start, "end": end, "length": len(text)}})
    if not text[start:end].strip():
        raise ValidationError({"span_end": _("出处位置 %(start)s–%(end)s 上只有空白") % {"start": start, "end": end}})
    return text[start:end]


def _apply(proposal: Proposal, edits: dict) -> None:
    unknown = set(edits) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    for field, value in edits.items():
        setattr(proposal, field, value)
    proposal.region = proposal.region or proposal.plan.region
    clause = check_span(proposal.plan.text, proposal.span_start, proposal.span_end)
    span_confirmed = "span_start" in edits or "span_end" in edits
    if proposal.status == Proposal.Status.STALE and not span_confirmed and clause != proposal.sentence:
        raise ValidationError({"span_start": _("原文已修改,这条提议的出处不在原处了;请重新选定出处位置")})
    proposal.sentence = clause
    proposal.full_clean(exclude=["plan", "target", "owner", "region_unit", "series", "created_by", "extracted"])


def was_edited(proposal: Proposal) -> bool:
    """Whether the analyst changed anything the extractor proposed (value, span or a field)."""
    found = proposal.extracted
    if not found:
        return False
    if Decimal(str(found.get("value"))) != Decimal(proposal.value):
        return True
    if list(found.get("span", [])) != [proposal.span_start, proposal.span_end]:
        return True
    return any(str(found.get(key) or "") != str(getattr(proposal, field) or "")
               for field, key in EXTRACTED_KEYS.items())


def _order(proposal: Proposal) -> int:
    """Reading order: the proposals of the plan whose clause starts earlier (ties by creation)."""
    earlier = Q(span_start__lt=proposal.span_start)
    if proposal.pk:
        earlier |= Q(span_start=proposal.span_start, pk__lt=proposal.pk)
    return proposal.plan.proposals.filter(earlier).count()


def _save_target(proposal: Proposal, user) -> Target:
    target = proposal.target or Target(plan=proposal.plan, created_by=user)
    target.front = Front.objects.filter(plan=proposal.plan, name=proposal.front_name).first()
    target.series = series_for(proposal)
    for field in ("indicator", "kind", "accumulation", "value", "unit_of_measure", "period", "bound",
                  "bound_word", "commitment", "region", "owner", "region_unit", "reported_by_owner",
                  "baseline", "baseline_period", "span_start", "span_end"):
        setattr(target, field, getattr(proposal, field))
    target.order = _order(proposal)
    target.archived = False
    target.full_clean(exclude=["plan", "front", "owner", "region_unit", "series", "created_by"])
    target.save()
    return target


@transaction.atomic
def accept(proposal: Proposal, user, **edits) -> Target:
    """采纳: the proposal, with the analyst's EDITS, becomes (or updates) a target of the plan, wired as
    the proposal says (its series — created now for a "new series" —, region unit, owner)."""
    with acting_as(user):
        _apply(proposal, edits)
        if proposal.status != Proposal.Status.ADDED:
            proposal.status = Proposal.Status.EDITED if was_edited(proposal) else Proposal.Status.ACCEPTED
        proposal.target = _save_target(proposal, user)
        proposal.save()
    return proposal.target


@transaction.atomic
def reject(proposal: Proposal, user) -> Proposal:
    """驳回: not a target; a target it had become is archived, never deleted."""
    with acting_as(user):
        proposal.status = Proposal.Status.REJECTED
        proposal.save()
        if proposal.target and not proposal.target.archived:
            proposal.target.archived = True
            proposal.target.save()
    return proposal


@transaction.atomic
def reject_rest(plan: Plan, user) -> int:
    """驳回其余: every proposal of PLAN still undecided is not a target. None of them has become one, so they are
    rejected by one statement; each rejection is in the change log as `reject` would log it. Returns how many."""
    pending = list(plan.proposals.filter(status=Proposal.Status.PENDING, target__isnull=True))
    if not pending:
        return 0
    before = [proposal.snapshot() for proposal in pending]
    with acting_as(user):
        Proposal.objects.filter(pk__in=[p.pk for p in pending]).update(status=Proposal.Status.REJECTED,
                                                                      modified=timezone.now())
        for proposal in pending:
            proposal.status = Proposal.Status.REJECTED
        record_updates(pending, before)
    return len(pending)


def add_from_selection(plan: Plan, user, start: int, end: int, fields: dict) -> Proposal:
    """手工添加: a target the extractor missed, on the clause the analyst selected (START–END)."""
    proposal = Proposal(plan=plan, status=Proposal.Status.ADDED, created_by=user, region=plan.region,
                        owner=plan.issuer, region_unit=plan.issuer)
    accept(proposal, user, span_start=start, span_end=end, **fields)
    return proposal



@transaction.atomic
def accept_all(plan: Plan, user) -> list[Target]:
    """全部采纳: every pending proposal becomes a target as proposed (series, region unit, owner included)."""
    return [accept(proposal, user) for proposal in plan.proposals.filter(status=Proposal.Status.PENDING)]
