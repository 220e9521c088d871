"""A stored review (审核记录): apply an analyst's reviewed plan file to a plan created from its text.

The file is the one `luoshi.review.review_file` describes: fronts with their headings and targets with
their fields and clause. Each reviewed target accepts (with its fields as edits) the pending proposal
whose clause overlaps it with the same value; a target no proposal matches is added as if selected by
hand; proposals the review does not name are rejected.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction

from luoshi.plans.models import Plan
from luoshi.review import decisions, publishing
from luoshi.review.drafting import create_plan_from_text
from luoshi.review.models import Proposal
from luoshi.review.review_file import ReviewFileError, decimal_or_none, series_by_name, span_of, unit_by_code


def set_fronts(plan: Plan, entries: list[dict]) -> None:
    """The plan's fronts become exactly ENTRIES, in order; a detected front the review drops goes."""
    names = [entry["name"] for entry in entries]
    plan.fronts.exclude(name__in=names).filter(targets__isnull=True).delete()
    for front in plan.fronts.all():
        front.order = 1000 + front.order
        front.save()
    for order, entry in enumerate(entries, start=1):
        start, end = span_of(entry, plan.text, f"fronts[{order - 1}] ({entry['name']})")
        plan.fronts.update_or_create(name=entry["name"], defaults={
            "order": order, "heading": entry.get("heading", ""), "span_start": start, "span_end": end})


def reviewed_fields(plan: Plan, index: int, entry: dict) -> dict:
    """The proposal fields of one reviewed target; ReviewFileError names the entry and field."""
    where = f"targets[{index}] ({entry.get('indicator', '?')})"
    start, end = span_of(entry, plan.text, where)
    if entry.get("front") and not plan.fronts.filter(name=entry["front"]).exists():
        raise ReviewFileError(f"{where}: front {entry['front']!r} is not one of the plan's fronts")
    return {
        "indicator": entry["indicator"], "value": decimal_or_none(entry["value"], f"{where}.value"),
        "unit_of_measure": entry["unit"], "kind": entry["kind"], "accumulation": entry.get("accumulation", ""),
        "period": str(entry["period"]), "bound": entry.get("bound", "exact"),
        "bound_word": entry.get("bound_word", ""), "commitment": entry.get("commitment", ""),
        "region": entry.get("region", plan.region), "front_name": entry.get("front", ""),
        "owner": unit_by_code(entry["owner"], f"{where}.owner") if entry.get("owner") else None,
        "baseline": decimal_or_none(entry.get("baseline"), f"{where}.baseline"),
        "baseline_period": str(entry.get("baseline_period", "")), "span_start": start, "span_end": end,
        "region_unit": unit_by_code(entry["region_unit"], f"{where}.region_unit") if entry.get("region_unit")
        else plan.issuer,
        "series": series_by_name(entry.get("series"), f"{where}.series"), "new_series": False,
        "reported_by_owner": bool(entry.get("reported_by_owner", False)),
    }


def matching_proposal(plan: Plan, fields: dict) -> Proposal | None:
    """The pending proposal whose clause overlaps the reviewed one with the same value, most overlap first."""
    start, end = fields["span_start"], fields["span_end"]
    candidates = plan.proposals.filter(status=Proposal.Status.PENDING, value=fields["value"],
                                       span_start__lt=end, span_end__gt=start)
    return max(candidates, default=None,
               key=lambda p: (p.unit_of_measure == fields["unit_of_measure"], p.kind == fields["kind"],
                              min(end, p.span_end) - max(start, p.span_start), -p.pk))


def decide(plan: Plan, fields: dict, user) -> None:
    proposal = matching_proposal(plan, fields)
    if proposal is None:
        decisions.add_from_selection(plan, user, fields.pop("span_start"), fields.pop("span_end"), fields)
    else:
        decisions.accept(proposal, user, **fields)


def apply_review(plan: Plan, data: dict, user=None) -> Plan:
    """Decide every proposal of PLAN as the stored review DATA did; publish if the review did."""
    set_fronts(plan, data.get("fronts", []))
    for index, entry in enumerate(data.get("targets", [])):
        fields = reviewed_fields(plan, index, entry)
        try:
            decide(plan, fields, user)
        except ValidationError as error:
            raise ReviewFileError(f"targets[{index}] ({entry['indicator']}): {'; '.join(error.messages)}") from None
    decisions.reject_rest(plan, user)
    if data["plan"].get("status") == Plan.Status.PUBLISHED:
        publishing.publish(plan, user, confirmed=True)
    return plan


@transaction.atomic
def create_reviewed_plan(data: dict, text: str, user=None) -> Plan:
    """The plan of a reviewed plan file, made the analyst's way: extraction, then the stored review."""
    try:
        meta, source = data["plan"], data["plan"].get("source", {})
        plan = create_plan_from_text(
            user, title=meta["title"], year=int(meta["year"]), region=meta["region"],
            issuer=unit_by_code(meta["issuer"], "plan.issuer"), text=text,
            source_title=source.get("title", ""), source_publisher=source.get("publisher", ""),
            source_date=dt.date.fromisoformat(source["date"]) if source.get("date") else None,
            source_url=source.get("url", ""))
        return apply_review(plan, data, user)
    except KeyError as missing:
        raise ReviewFileError(f"missing field {missing}") from None
