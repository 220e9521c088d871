"""公开承诺: what the public may read — published, real plans; approved figures; public units only.

Nothing here reads a draft, a simulated plan, a pending or returned revision, a note or a reviewer's
comment: every query below is the whole of what the pledge pages show.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from luoshi.figures.models import FigureRevision
from luoshi.plans.models import Plan, Target
from luoshi.plans.views import wording_of
from luoshi.verdicts.keeping import Kept, kept_assignments, kept_targets

TARGET_RELATED = ("plan", "front", "series", "region_unit", "owner")
PUBLIC_REVISION_FIELDS = ("figure__series_id", "figure__unit_id", "figure__period", "value", "growth", "source",
                          "reviewed_at")


def public_plans() -> QuerySet:
    return Plan.objects.filter(status=Plan.Status.PUBLISHED, simulated=False, archived=False)


def public_targets() -> QuerySet:
    return Target.objects.active().filter(plan__in=public_plans()).select_related(*TARGET_RELATED)


@dataclass(frozen=True)
class Published:
    """One approved figure as the public sees it: period, value, growth, source, when approved."""

    period: str
    value: object
    growth: object
    source: str
    approved_at: object


@dataclass
class Pledge:
    """承诺: a target with its sentence, status in words, latest figure with its source, and history."""

    judged: Kept
    row: dict
    wording: str
    history: list[Published] = field(default_factory=list)
    assignments: list[dict] = field(default_factory=list)

    @property
    def target(self) -> Target:
        return self.judged.target

    @property
    def latest(self) -> Published | None:
        code = self.row["actual_period"]
        return next((p for p in reversed(self.history) if p.period == code), None)


def approved_history(targets: list[Target]) -> dict[tuple[int, int], list[Published]]:
    """Approved revisions of the targets' own figures (series × region unit), oldest first, in one query."""
    pairs = {(t.series_id, t.region_unit_id) for t in targets if t.series_id and t.region_unit_id}
    if not pairs:
        return {}
    rows = FigureRevision.objects.filter(
        status=FigureRevision.Status.APPROVED, figure__subject_kind="",
        figure__series_id__in={s for s, _ in pairs}, figure__unit_id__in={u for _, u in pairs},
    ).order_by("figure__period_end", "number").values_list(*PUBLIC_REVISION_FIELDS)
    found = defaultdict(list)
    for series_id, unit_id, period, value, growth, source, approved_at in rows:
        found[(series_id, unit_id)].append(Published(period, value, growth, source, approved_at))
    return found


def pledges(targets, today=None) -> list[Pledge]:
    """The TARGETS as the public reads them, judged on TODAY (default: today)."""
    targets = list(targets)
    history = approved_history(targets)
    return [Pledge(k, k.row, wording_of(k.target), history.get((k.target.series_id, k.target.region_unit_id), []))
            for k in kept_targets(targets, today=today)]


def public_assignments(target: Target) -> list[dict]:
    """The target's assignments to public units (对外公开), each with its verdict row."""
    assignments = target.assignments.filter(unit__is_public=True).select_related(
        "unit", *(f"target__{name}" for name in TARGET_RELATED))
    return [k.row for k in kept_assignments(assignments)]
