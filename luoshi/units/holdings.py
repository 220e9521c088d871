"""What each unit owns (归属): counts of targets, assignments, projects and tasks, a fixed number of queries."""

from collections import defaultdict

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from luoshi.units.models import Unit

# Reverse relations onto Unit from the apps above it, named here so this app imports none of them.
HOLDINGS = (
    ("owned_targets", _("负责目标")),
    ("region_targets", _("地区目标")),
    ("assignments", _("分解任务")),
    ("projects", _("重点项目")),
    ("led_tasks", _("牵头督办")),
)


def holdings(unit_ids) -> dict[int, list[tuple[str, int]]]:
    """{unit pk: [(label, count), …]} for the relations where the unit owns anything."""
    found: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for relation, label in HOLDINGS:
        counts = (Unit.objects.filter(pk__in=unit_ids).annotate(n=Count(relation)).filter(n__gt=0)
                  .values_list("pk", "n"))
        for pk, n in counts:
            found[pk].append((str(label), n))
    return found
