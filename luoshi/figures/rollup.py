"""分解与汇总: is a target fully decomposed to units, and how does the city figure compare with their sum?"""

from dataclasses import dataclass

from luoshi.figures.status import load_observations
from luoshi.lib.judgement import DecompositionCheck, RollupGap, compare_rollup, judge_decomposition
from luoshi.lib.periods import Period, parse
from luoshi.plans.models import Target


@dataclass(frozen=True)
class Decomposition:
    """A target's quotas against it (level/count only) and, at one period, the city vs its units."""

    target: Target
    quotas: DecompositionCheck | None
    rollup: RollupGap | None
    at: Period | None


def _value_at(observations, at: Period, use_growth: bool):
    for obs in observations:
        if obs.period.same_span(at):
            return obs.growth if use_growth else obs.value
    return None


def decomposition(target: Target, at: Period | None = None) -> Decomposition:
    """Rates (growth, share, reduction) are never summed: each unit has its own and only the city's counts."""
    assignments = list(target.assignments.all())
    quotas = None
    if not target.is_rate and assignments:
        quotas = judge_decomposition(float(target.value), [float(a.value or 0) for a in assignments])
    rollup = None
    if at is not None and target.series_id and not target.is_rate:
        period = parse(target.period)
        pairs = {(target.series_id, target.region_unit_id)} | {(target.series_id, a.unit_id) for a in assignments}
        observed = load_observations(pairs, (period.start_year, period.end_year))
        city = _value_at(observed.get((target.series_id, target.region_unit_id), []), at, False)
        units = [_value_at(observed.get((target.series_id, a.unit_id), []), at, False) for a in assignments]
        rollup = compare_rollup(city, units)
    return Decomposition(target, quotas, rollup, at)
