"""What the compare page offers to pick, and its defaults: indicators from the catalogue, years, parent units."""

import datetime as dt

from django.db.models import Count, Q

from luoshi.compare.comparison import visible_targets
from luoshi.figures.models import Series
from luoshi.lib.periods import parse
from luoshi.units.models import Unit

DEFAULT_INDICATOR = "地区生产总值"
PARENT_KINDS = (Unit.Kind.PROVINCE, Unit.Kind.CITY)


def indicators():
    """The catalogue's series, those that targets are measured by first."""
    return Series.objects.filter(archived=False, simulated=False).annotate(
        targeted=Count("targets", filter=Q(targets__archived=False))).order_by("-targeted", "name")


def years(user, series: Series | None) -> list[str]:
    """The years for which SERIES has targets USER may read, newest first (last year when none)."""
    found = set()
    if series is not None:
        found = {str(parse(code).end_year) for code in visible_targets(user, series).values_list(
            "period", flat=True).distinct()}
    return sorted(found, reverse=True) or [str(dt.date.today().year - 1)]


def parents():
    """Units with areas below them: provinces and cities."""
    return Unit.objects.filter(archived=False, kind__in=PARENT_KINDS).order_by("path")


def default_parent(user) -> Unit | None:
    """The user's own unit when it has areas below it, else the unit above it, else the first province."""
    unit = user.unit if user.unit_id else None
    while unit is not None and unit.kind not in PARENT_KINDS:
        unit = unit.parent
    return unit or parents().first()
