"""新建规划: a draft plan from its text, with its fronts and the extractor's proposals."""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.accounts.scoping import CHANGE, units_for
from luoshi.lib.extract import extract
from luoshi.plans.models import Front, Plan
from luoshi.review.acting import acting_as
from luoshi.review.headings import find_headings
from luoshi.review.models import Proposal
from luoshi.review.wiring import catalogue, places_of, propose, unsure_fields
from luoshi.units.models import Unit

FOUR_PLACES = Decimal("0.0001")


def normalise_text(text: str) -> str:
    """Line breaks as "\\n" only: a browser shows (and counts) CR LF as one character."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value)).quantize(FOUR_PLACES, rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return None


def proposal_from(plan: Plan, found: dict, places: dict[str, Unit], pool: list) -> Proposal | None:
    """The unsaved Proposal for one extractor result, wired (series from POOL, region unit from PLACES,
    owner); None when its value is unreadable."""
    value = _decimal(found.get("value"))
    start, end = (int(x) for x in found["span"])
    if value is None or not 0 <= start < end <= len(plan.text):
        return None
    return propose(Proposal(
        plan=plan, indicator=str(found.get("indicator", ""))[:100], value=value,
        unit_of_measure=str(found.get("unit", ""))[:20], kind=found.get("kind", ""),
        accumulation=found.get("accumulation") or "", period=str(found.get("period", ""))[:16],
        bound=found.get("bound") or "exact", commitment=found.get("commitment") or "",
        region=str(found.get("region") or plan.region)[:50], front_name=str(found.get("front") or "")[:50],
        span_start=start, span_end=end, sentence=plan.text[start:end], extracted=found,
        unsure=unsure_fields(found),
    ), places, pool)


def extract_proposals(plan: Plan) -> list[Proposal]:
    """Run the extractor on the plan's text; the proposals are not saved."""
    found = extract(plan.text, year=plan.year, region=plan.region)
    places, pool = places_of(plan), catalogue(plan.created_by)
    return [p for p in (proposal_from(plan, entry, places, pool) for entry in found) if p is not None]


def create_fronts(plan: Plan, proposals: list[Proposal]) -> list[Front]:
    """The headings found in the text, then any front the extractor named that has no heading."""
    names = {h.name: h for h in find_headings(plan.text)}
    for proposal in proposals:
        if proposal.front_name:
            names.setdefault(proposal.front_name, None)
    return [
        Front.objects.create(plan=plan, order=order, name=name[:50],
                             heading=heading.heading[:200] if heading else "",
                             span_start=heading.start if heading else None,
                             span_end=heading.end if heading else None)
        for order, (name, heading) in enumerate(names.items(), start=1)
    ]


@transaction.atomic
def create_plan_from_text(user, *, title: str, year: int, region: str, issuer: Unit, text: str,
                          source_title: str = "", source_publisher: str = "",
                          source_date: dt.date | None = None, source_url: str = "") -> Plan:
    """新建规划: a draft plan of TEXT, its fronts, and one pending proposal per extracted target.

    The issuer must lie within USER's jurisdiction (None: the system, which may issue for any unit)."""
    with acting_as(user):
        if user is not None and not units_for(user, CHANGE).filter(pk=issuer.pk).exists():
            raise PermissionDenied(_("“%(unit)s”不在您的辖区内,不能以它的名义新建规划") % {"unit": issuer.name})
        plan = Plan.objects.create(
            title=title, year=year, region=region, issuer=issuer, text=normalise_text(text),
            status=Plan.Status.DRAFT, source_title=source_title, source_publisher=source_publisher,
            source_date=source_date, source_url=source_url, created_by=user)
        proposals = extract_proposals(plan)
        create_fronts(plan, proposals)
        for proposal in proposals:
            proposal.created_by = user
            proposal.save()
    return plan
