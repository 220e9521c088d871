"""重新抽取: after the plan text changed, add only new proposals and keep every review decision.

Reviewed proposals (and their targets) whose clause moved are re-anchored on the same clause in the new
text; those whose clause is gone are flagged 出处已变 (stale) for the analyst; pending proposals whose
clause is gone are dropped, since nobody decided anything about them; rejected ones stay rejected.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from luoshi.plans.models import Plan
from luoshi.review.acting import acting_as
from luoshi.review.drafting import extract_proposals, normalise_text
from luoshi.review.headings import find_headings
from luoshi.review.models import Proposal


@dataclass
class Reextraction:
    """What a re-extraction did: proposals added, re-anchored, flagged stale, dropped."""

    added: int = 0
    moved: int = 0
    stale: int = 0
    dropped: int = 0


def reanchor(text: str, sentence: str, old_start: int) -> int | None:
    """Where SENTENCE now starts in TEXT (the occurrence nearest OLD_START), or None when it is gone."""
    if not sentence:
        return None
    found, at = [], text.find(sentence)
    while at >= 0:
        found.append(at)
        at = text.find(sentence, at + 1)
    return min(found, key=lambda start: abs(start - old_start)) if found else None


def _move(proposal: Proposal, start: int) -> None:
    proposal.span_start, proposal.span_end = start, start + len(proposal.sentence)
    proposal.save()
    target = proposal.target
    if target and (target.span_start, target.span_end) != (proposal.span_start, proposal.span_end):
        target.span_start, target.span_end = proposal.span_start, proposal.span_end
        target.save()


def _reanchor_proposal(proposal: Proposal, text: str, result: Reextraction) -> None:
    start = reanchor(text, proposal.sentence, proposal.span_start)
    if start is None and proposal.status == Proposal.Status.PENDING:
        proposal.delete()
        result.dropped += 1
    elif start is None:
        if proposal.status not in (Proposal.Status.STALE, Proposal.Status.REJECTED):
            proposal.status = Proposal.Status.STALE
            proposal.save()
            result.stale += 1
    elif start != proposal.span_start:
        _move(proposal, start)
        result.moved += 1


def _reanchor_fronts(plan: Plan) -> None:
    for front in plan.fronts.exclude(heading=""):
        start = reanchor(plan.text, front.heading, front.span_start or 0)
        span = (start, start + len(front.heading)) if start is not None else (None, None)
        if span != (front.span_start, front.span_end):
            front.span_start, front.span_end = span
            front.save()


def _add_new_fronts(plan: Plan) -> None:
    names = set(plan.fronts.values_list("name", flat=True))
    order = max(plan.fronts.values_list("order", flat=True), default=0)
    for heading in find_headings(plan.text):
        if heading.name not in names:
            order += 1
            plan.fronts.create(order=order, name=heading.name, heading=heading.heading[:200],
                               span_start=heading.start, span_end=heading.end)


def covers(existing: Proposal, new: Proposal) -> bool:
    """Whether an existing proposal already stands for a new one: overlapping clause, same value."""
    overlap = existing.span_start < new.span_end and new.span_start < existing.span_end
    values = {existing.value}
    if existing.extracted.get("value") is not None:
        values.add(Decimal(str(existing.extracted["value"])))
    return overlap and new.value in values


@transaction.atomic
def reextract(plan: Plan, user) -> Reextraction:
    """Run the extractor again on the plan's current text without touching what was reviewed."""
    result = Reextraction()
    with acting_as(user):
        for proposal in plan.proposals.select_related("target"):
            _reanchor_proposal(proposal, plan.text, result)
        _reanchor_fronts(plan)
        _add_new_fronts(plan)
        existing = [p for p in plan.proposals.all() if p.status != Proposal.Status.STALE]
        for new in extract_proposals(plan):
            if not any(covers(old, new) for old in existing):
                new.created_by = user
                new.save()
                existing.append(new)
                result.added += 1
    return result


@transaction.atomic
def edit_text(plan: Plan, user, text: str) -> Reextraction:
    """修改原文: store the new TEXT, then re-extract (new proposals only, reviewed ones re-anchored)."""
    with acting_as(user):
        plan.text = normalise_text(text)
        plan.save()
        return reextract(plan, user)
