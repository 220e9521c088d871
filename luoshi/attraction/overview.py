"""招商汇总 as data: the roll-up and "三个一批" of the leads a reader may see, as the API and the CLI give it."""

from luoshi.attraction.batches import three_batches
from luoshi.attraction.filters import read_by, read_period
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import summary_for
from luoshi.projects.models import Project


def overview(user, period: str | None = None, by: str | None = None) -> dict:
    """The roll-up for USER (None: the system, every lead) at PERIOD grouped BY; raises FilterError."""
    leads = Lead.objects.active() if user is None else Lead.objects.restrict(user).active()
    projects = Project.objects.active() if user is None else Project.objects.restrict(user).active()
    at, by = read_period(period, leads), read_by(by)
    batches = three_batches(leads, projects, at.start_date, at.end_date)
    return {**summary_for(user, leads, at, by).as_dict(), "three_batches": [b.as_dict() for b in batches]}
