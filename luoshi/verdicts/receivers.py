"""When the kept verdicts change: refreshed with the figures they are judged on, stale when what they
describe (target, assignment, milestone, plan, front, series, unit) is edited."""

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


@receiver(figures_changed)
def refresh_fed(sender, figure_ids, **kwargs):
    """The verdicts the changed figures feed — targets of their series and region, assignments of their
    series and unit — judged again in the same transaction; no other verdict is touched."""
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


def _stale(**where) -> None:
    StoredVerdict.objects.filter(**where).update(judged_on=None)


@receiver(post_save, sender=Target)
def target_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(target=instance)


@receiver(post_save, sender=TargetMilestone)
def milestone_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(target_id=instance.target_id)


@receiver(post_save, sender=Assignment)
def assignment_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(assignment=instance)


@receiver(post_save, sender=Plan)
def plan_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(target__plan=instance)


@receiver(post_save, sender=Front)
def front_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(target__front=instance)


@receiver(post_save, sender=Series)
def series_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _stale(target__series=instance)


@receiver(post_save, sender=Unit)
def unit_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        for where in ({"target__region_unit": instance}, {"target__owner": instance}, {"assignment__unit": instance}):
            _stale(**where)
