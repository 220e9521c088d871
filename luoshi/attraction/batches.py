"""三个一批 as one pipeline: 签约一批、开工一批、投产一批 counted over leads and key projects together.

A lead counts when it reaches 签约, 开工 or 投产 in the window; a key project counts when it moves to
签约, 开工 or 投产 — unless it is a lead's project (it became one at 开工, or was linked), for then the
lead has already counted it. One pipeline, not two registers.
"""

import datetime as dt
from dataclasses import dataclass

from luoshi.attraction.models import Lead, LeadStep
from luoshi.projects.models import Batch, Project, StageChange

BATCHES = ((Batch.Kind.SIGN, Lead.Stage.SIGNED, Project.Stage.SIGNED),
           (Batch.Kind.START, Lead.Stage.STARTED, Project.Stage.STARTED),
           (Batch.Kind.OPERATE, Lead.Stage.PRODUCING, Project.Stage.OPERATING))


@dataclass(frozen=True)
class BatchCount:
    kind: str
    label: str
    leads: int
    projects: int

    @property
    def total(self) -> int:
        return self.leads + self.projects

    def as_dict(self) -> dict:
        return {"kind": self.kind, "label": self.label, "leads": self.leads, "projects": self.projects,
                "total": self.total}


def three_batches(leads, projects, start: dt.date, end: dt.date) -> list[BatchCount]:
    """How many LEADS and PROJECTS (both scoped) were signed, started and put into production START–END."""
    own = projects.filter(lead__isnull=True)
    counts = []
    for kind, lead_stage, project_stage in BATCHES:
        n_leads = LeadStep.objects.filter(lead__in=leads, to_stage=lead_stage, date__range=(start, end)) \
            .values("lead").distinct().count()
        n_projects = StageChange.objects.filter(project__in=own, to_stage=project_stage, date__range=(start, end)) \
            .values("project").distinct().count()
        counts.append(BatchCount(kind, str(Batch.Kind(kind).label), n_leads, n_projects))
    return counts
