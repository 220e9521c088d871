"""模拟招商情景: an optional, clearly labelled scenario of simulated leads, off by default.

`luoshi simulate-attraction` adds simulated firms (模拟企业NN), two simulated events and leads named
模拟招商项目NN, spread over the existing 专班, their regions and the chains' gap nodes (weak or missing, with
a target list, or with no firm), and walked through every stage: two stop at each stage from 线索 to 投产,
each step dated within the year, 签约 with a signed amount, 开工 creating its (simulated) key project, and approved paid-in figures whose source
says 模拟数据 for every lead past 签约. Nothing real is touched; `--remove` takes it all away.
Deterministic: the same year gives the same leads and numbers.
"""

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from luoshi.attraction import funds
from luoshi.attraction.models import Event, Lead, LeadStep, TaskForce
from luoshi.attraction.stages import ORDER, advance, open_lead
from luoshi.chains.models import ChainNode
from luoshi.enterprises.models import Enterprise
from luoshi.projects.models import Project, StageChange
from luoshi.projects.simulation import OWNERS
from luoshi.units.models import Unit

SOURCE = "模拟数据(非真实,仅供演示)"
FIRM_PLACE = "模拟"
PER_STAGE = 2
EVENTS = (("模拟长三角产业链招商推介会", Event.Kind.YANGTZE_DELTA), ("模拟日韩经贸交流活动", Event.Kind.JAPAN_KOREA))


class SimulationError(ValueError):
    """The scenario cannot be made here (no 专班 to carry the leads)."""


def _dates(year: int, months: int, number: int, steps: int) -> list[dt.date]:
    """STEPS dates, the first early in the year, spread over its first MONTHS months (one a month at most)."""
    span = max(months - 1, 1)
    return sorted(dt.date(year, 1 + min(span, round(i * span / max(steps - 1, 1))), 1 + (number * 3 + i) % 26)
                  for i in range(steps))


def _paid_in(lead: Lead, year: int, months: int, rng: random.Random) -> None:
    """Year-to-date paid-in figures each month from 落地 on, rising to part of the signed amount."""
    landed = lead.steps.filter(to_stage__in=("landed", "started", "producing")).order_by("date").first()
    if landed is None or landed.date.year != year:
        return
    share = Decimal(rng.randint(20, 70)) / 100
    first = max(landed.date.month, 2)
    for month in range(first, months + 1):
        paid = lead.signed_investment * share * (month - first + 1) / (months - first + 1)
        funds.report(None, lead, f"{year}M{month:02d}" if month > 2 else f"{year}M1-2", paid.quantize(Decimal("0.01")),
                     SOURCE, today=dt.date(year + 1, 12, 31))


def _lead(number: int, force: TaskForce, unit: Unit, node, event, year: int, months: int,
          rng: random.Random) -> Lead:
    stop = (number - 1) // PER_STAGE % len(ORDER)
    firm = Enterprise.objects.create(name=f"模拟企业{number:02d}", register_unit=force.lead_department, outside=True,
                                     location=FIRM_PLACE)
    dates = _dates(year, months, number, stop + 1)
    lead = open_lead(None, name=f"模拟招商项目{number:02d}", company=firm, task_force=force, unit=unit, node=node,
                     event=event, planned_investment=Decimal(rng.randint(5, 80)), date=dates[0], simulated=True,
                     note="模拟", today=dates[0])
    for stage, day in zip(ORDER[1:stop + 1], dates[1:], strict=True):
        advance(lead, stage, day, None, "模拟", signed_investment=lead.planned_investment * Decimal("0.9"),
                create_project=True, today=day)
    lead.refresh_from_db()
    _paid_in(lead, year, months, rng)
    return lead


def _places(force: TaskForce) -> list[Unit]:
    """Where the task force's leads land: its regions, else the districts and zones the simulated key
    projects sit in, else its own department."""
    return list(force.regions.all()) or list(Unit.objects.filter(code__in=OWNERS)) or [force.lead_department]


@transaction.atomic
def simulate(year: int = 2023, months: int = 12) -> list[Lead]:
    """Simulated leads through every stage, with figures up to month MONTHS of YEAR; replaces earlier ones."""
    remove()
    forces = list(TaskForce.objects.active().prefetch_related("regions", "members", "chains"))
    if not forces:
        raise SimulationError("还没有招商专班:先载入演示(luoshi demo)或新建专班")
    rng = random.Random(year)
    gaps = list(ChainNode.objects.active().filter(
        Q(standing__in=("weak", "missing")) | Q(target_firms__isnull=False) | Q(standing="", links__isnull=True))
        .distinct().select_related("chain").order_by("chain", "pk"))
    events = [Event.objects.create(name=name, kind=kind, date=dt.date(year, 1 + i, 15), organizer=forces[0].lead_department,
                                   task_force=forces[i % len(forces)], simulated=True)
              for i, (name, kind) in enumerate(EVENTS)]
    leads = []
    for number in range(1, PER_STAGE * len(ORDER) + 1):
        force = forces[number % len(forces)]
        places = _places(force)
        node = gaps[number % len(gaps)] if gaps and number % 3 else None
        leads.append(_lead(number, force, places[number % len(places)], node, events[number % len(events)]
                           if number % 2 else None, year, months, rng))
    return leads


@transaction.atomic
def remove() -> int:
    """Take every simulated lead, its steps, paid-in figures, key project, firm and event away."""
    leads = Lead.objects.filter(simulated=True)
    count = leads.count()
    funds.remove_figures(leads)
    projects = Project.objects.filter(lead__in=leads)
    firms = list(leads.values_list("company_id", flat=True))
    LeadStep.objects.filter(lead__in=leads).delete()
    project_ids = list(projects.values_list("pk", flat=True))
    leads.delete()
    StageChange.objects.filter(project_id__in=project_ids).delete()
    Project.objects.filter(pk__in=project_ids).delete()
    Enterprise.objects.filter(pk__in=firms, location=FIRM_PLACE).delete()
    Event.objects.filter(simulated=True).delete()
    return count
