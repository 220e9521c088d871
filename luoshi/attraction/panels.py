"""Attraction on lower apps' pages: the leads on a chain node (and a column of open leads on the map's table),
and the leads of an enterprise — registered in `AttractionConfig.ready` (chains and enterprises import none
of this)."""

from django.db.models import Count

from luoshi.attraction.models import Lead

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
