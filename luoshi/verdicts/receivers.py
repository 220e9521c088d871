"""When the kept verdicts change: refreshed with the figures they are judged on, stale when what they
describe (target, assignment, milestone, plan, front, series, unit) is edited."""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_save
from django.dispatch import receiver

from luoshi.figures.models import Figure, Series
from luoshi.figures.signals import figures_changed
from luoshi.lib.periods import parse
from luoshi.plans.models import Assignment, Front, Plan, Target, TargetMilestone
from luoshi.units.models import Unit
from luoshi.verdicts.keeping import RELATED, refresh
from luoshi.verdicts.models import StoredVerdict


def _feeds(target: Target, year: int) -> bool:
    """A figure of YEAR counts for the target's own period and, as last year's, for the year after."""
    period = parse(target.period)
    return period.start_year - 1 <= year <= period.end_year


_batches = threading.local()


@contextmanager
def refreshed_once():
    """Inside, figures changed one at a time (a demo's hundreds of 未公布 marks) refresh the verdicts they feed
    once, when the block ends without an error, instead of once per change; the verdicts kept are the same."""
    stack = _batches.__dict__.setdefault("stack", [])
    stack.append(changed := set())
    try:
        yield
    finally:
        stack.pop()
    refresh_fed(Figure, figure_ids=sorted(changed))


@receiver(figures_changed)
def refresh_fed(sender, figure_ids, **kwargs):
    """The verdicts the changed figures feed — targets of their series and region, assignments of their
    series and unit — judged again in the same transaction; no other verdict is touched."""
    if stack := getattr(_batches, "stack", None):  # inside refreshed_once: at its end
        stack[-1].update(figure_ids)
        return
    fed = {(s, u, end.year) for s, u, end in Figure.objects.filter(pk__in=figure_ids, subject_kind="")
           .values_list("series_id", "unit_id", "period_end")}
    if not fed:
        return
    series, units = {s for s, _, _ in fed}, {u for _, u, _ in fed}
    active = Target.objects.active().filter(plan__archived=False, series_id__in=series)
    targets = [t for t in active.filter(region_unit_id__in=units).select_related(*RELATED).defer("plan__text")
               if any((t.series_id, t.region_unit_id, y) in fed and _feeds(t, y) for y in _years(fed))]
    assignments = [a for a in Assignment.objects.filter(target__in=active, unit_id__in=units).select_related(
        "unit", *(f"target__{name}" for name in RELATED)).defer("target__plan__text")
        if any((a.target.series_id, a.unit_id, y) in fed and _feeds(a.target, y) for y in _years(fed))]
    refresh(targets, assignments)


def _years(fed) -> set[int]:
    return {y for _, _, y in fed}


#: What an edit makes stale, by the model edited: the kept verdicts it describes, as filters on StoredVerdict.
STALE_ON_SAVE = {
    Target: lambda target: [{"target": target}],
    TargetMilestone: lambda milestone: [{"target_id": milestone.target_id}],
    Assignment: lambda assignment: [{"assignment": assignment}],
    Plan: lambda plan: [{"target__plan": plan}],
    Front: lambda front: [{"target__front": front}],
    Series: lambda series: [{"target__series": series}],
    Unit: lambda unit: [{"target__region_unit": unit}, {"target__owner": unit}, {"assignment__unit": unit}],
}


#: Models whose new row can make a kept verdict stale (a milestone added to a judged target); a new row of
#: the others is described by no kept verdict yet (a demo's hundreds of new units and targets: no query).
STALE_WHEN_NEW = {TargetMilestone}


def stale_on_save(sender, instance, raw=False, created=False, **kwargs):
    """The verdicts the saved INSTANCE describes are judged again when next read (not on a fixture load)."""
    if raw or (created and sender not in STALE_WHEN_NEW):
        return
    for where in STALE_ON_SAVE[sender](instance):
        StoredVerdict.objects.filter(**where).update(judged_on=None)


for model in STALE_ON_SAVE:
    post_save.connect(stale_on_save, sender=model, dispatch_uid=f"verdicts.stale.{model._meta.label_lower}")
