"""Attraction on lower apps' pages: the leads on a chain node (and a column of open leads on the map's table),
the leads of an enterprise, and the leads' roll-up on the 招商引资 target's page — registered in
`AttractionConfig.ready` (chains, enterprises and plans import none of this)."""

from django.db.models import Count

from luoshi.attraction.filters import default_period
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import series_name, summary
from luoshi.lib.periods import Period, PeriodError, parse

OPEN = ("clue", "talks", "signed", "landed")


def _visible(user):
    return Lead.objects.restrict(user).active().select_related("company", "task_force", "unit")


def leads_on_node(user, node) -> dict:
    """The leads USER may see that fill NODE, open ones first."""
    leads = sorted(_visible(user).filter(node=node), key=lambda lead: (lead.stage not in OPEN, lead.name))
    return {"leads": leads, "node": node}


def open_leads(user, node_ids: list[int]) -> dict[int, int]:
    """{node id: how many open leads (not yet started) USER may see on it}."""
    rows = _visible(user).filter(node_id__in=node_ids, stage__in=OPEN).values("node_id").annotate(n=Count("pk"))
    return {row["node_id"]: row["n"] for row in rows}


def leads_of_enterprise(user, enterprise) -> dict:
    return {"leads": list(_visible(user).filter(company=enterprise))}


def _period_of(target, leads) -> Period:
    """The target's own period (the year, 一季度…), or its year to date while that runs."""
    try:
        period = parse(target.period)
    except PeriodError:
        return default_period(leads)
    period = Period.year(period.end_year) if period.is_multi_year else period
    latest = default_period(leads)
    return latest if latest.end_year == period.end_year and latest.end_date < period.end_date else period


def target_rollup(user, target) -> dict:
    """招商引资 target: the signed amount of the leads USER sees beside the reported figure (商务部门报数) and the
    difference, as on 招商汇总; nothing for any other target. The reported figure only for a reader who reaches
    the target's region."""
    if target.series_id is None or target.series.name != series_name() or target.kind != "level":
        return {}
    leads = Lead.objects.restrict(user).active()
    reaches = target.region_unit_id is not None and user.jurisdiction.contains(target.region_unit)
    return {"result": summary(leads, _period_of(target, leads), "task-force", target if reaches else None)}
