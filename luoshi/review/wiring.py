"""接线: what a proposal is measured by and who answers for it — its series, region unit, owner, flow/stock.

The review page proposes each, the analyst confirms or changes it, and a target made from the proposal
carries it (a "new series" is created then, from the target's own name and unit).
"""

from luoshi.figures.catalogue import load_default_catalogue, match_series, series_from_target_fields
from luoshi.figures.models import Series
from luoshi.plans.models import Plan, Target
from luoshi.review.models import Proposal
from luoshi.units.models import Unit

#: Kinds measured by no statistical series: their owner reports progress.
UNMEASURED = (Target.Kind.MILESTONE,)
#: Extractor key → proposal field, for the fields the extractor marks unsure.
UNSURE_FIELDS = {"unit": "unit_of_measure", "front": "front_name"}


def places_of(plan: Plan) -> dict[str, Unit]:
    """The units of the plan's region subtree by every name they go by (name and short name)."""
    places = {}
    for unit in Unit.objects.active().within(plan.issuer).order_by("path"):
        for name in (unit.name, unit.short_name):
            if name:
                places.setdefault(name, unit)
    return places


def region_unit_for(plan: Plan, place: str, places: dict[str, Unit]) -> Unit:
    """The unit of PLACE within the plan's region, else the plan's own region unit (its issuer)."""
    return places.get(place) or plan.issuer


def unsure_fields(found: dict) -> list[str]:
    """The proposal fields the extractor was not sure of (its "unsure" list, in proposal field names)."""
    return [UNSURE_FIELDS.get(key, key) for key in found.get("unsure") or []]


def catalogue(user=None) -> list[Series]:
    """The series a proposal may be matched to (loaded once per extraction). An installation with no
    series at all (a fresh data directory) gets the default catalogue (指标库) first."""
    if not Series.objects.exists():
        load_default_catalogue(user)
    return list(Series.objects.filter(archived=False))


def propose(proposal: Proposal, places: dict[str, Unit], pool: list[Series]) -> Proposal:
    """Fill the wiring of an unsaved PROPOSAL: its series matched in POOL (else a new one), region unit
    (by place name in PLACES), owner, flow/stock."""
    plan = proposal.plan
    proposal.region_unit = region_unit_for(plan, proposal.region, places)
    # A district's or county's own target is answered for by that district, not by the city.
    proposal.owner = proposal.owner or proposal.region_unit
    if proposal.kind in UNMEASURED:
        proposal.reported_by_owner = True
        return proposal
    proposal.series = match_series(proposal.indicator, proposal.unit_of_measure, pool)
    proposal.new_series = proposal.series is None
    if proposal.series and proposal.kind in (Target.Kind.LEVEL, Target.Kind.COUNT):
        # How the figure is published decides how it accumulates; the wording (达到 → stock) only guesses.
        proposal.accumulation = proposal.series.accumulation
    return proposal


def series_for(proposal: Proposal) -> Series | None:
    """The proposal's series; for a "new series" proposal, the series created now from its target fields."""
    if proposal.series_id or not proposal.new_series:
        return proposal.series
    fresh = series_from_target_fields(proposal.indicator, proposal.unit_of_measure, proposal.kind,
                                      proposal.accumulation)
    existing = Series.objects.filter(name=fresh.name).first()
    if existing is None:
        fresh.save()
    proposal.series, proposal.new_series = existing or fresh, False
    return proposal.series
