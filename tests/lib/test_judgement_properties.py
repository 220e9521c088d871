"""研判 properties (hypothesis): safety of the status, monotonicity, and no crash on degenerate input.

All figures here are SIMULATED.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.lib.judgement import Kind, Observation, Status, TargetSpec, Tolerances, judge
from luoshi.lib.periods import Period, parse, periods_in

YEAR = parse("2023")
AT_PERIODS = periods_in(2023, "monthly") + periods_in(2023, "quarterly")
# Small values collide with small targets, so status boundaries are crossed; large ones probe overflow.
numbers = st.floats(min_value=-20, max_value=20) | st.floats(
    min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False
)
positive = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False, allow_infinity=False)
at_periods = st.sampled_from(AT_PERIODS)
tolerances = st.builds(
    Tolerances,
    level_yellow=st.floats(0, 0.5),
    stock_yellow=st.floats(0, 0.5),
    growth_yellow_pp=st.floats(0, 5),
    share_yellow_pp=st.floats(0, 5),
    reduction_yellow_pp=st.floats(0, 5),
    approx_band=st.floats(0, 0.1),
    approx_band_pp=st.floats(0, 1),
)


@st.composite
def specs(draw, bound=None, kind=None) -> TargetSpec:
    kind = kind or draw(st.sampled_from([k for k in Kind if k is not Kind.MILESTONE]))
    return TargetSpec(
        kind=kind,
        value=draw(numbers),
        period=draw(st.sampled_from([YEAR, parse("2023Q1"), parse("2023-2027")])),
        unit=draw(st.sampled_from(["亿元", "家", "%"])),
        accumulation=draw(st.sampled_from(["flow", "stock"])),
        bound=bound or draw(st.sampled_from(["min", "max", "approx", "exact"])),
        commitment=draw(st.sampled_from(["确保", "力争", "保", "争", ""])),
        baseline=draw(st.none() | st.just(0.0) | numbers),
        decline=draw(st.booleans()),
    )


def last_year_series(draw_from=numbers):
    periods = [p.previous_year() for p in AT_PERIODS]
    return st.lists(
        st.builds(Observation, st.sampled_from(periods), st.none() | draw_from, st.none() | draw_from),
        max_size=4,
    )


@settings(max_examples=300)
@given(
    st.sampled_from(["level", "count"]),
    st.sampled_from(["flow", "stock"]),
    positive,
    st.floats(0, 1.5),
    st.none() | positive,
    st.sampled_from([YEAR, *AT_PERIODS]),
    last_year_series(positive),
)
def test_never_green_when_the_forecast_misses_a_firm_minimum(
    kind, accumulation, target, ratio, baseline, at, last_year
):
    """确保 … 以上: a forecast below the target is never green, at the year end or before."""
    spec = TargetSpec(
        kind=kind,
        value=target,
        period=YEAR,
        accumulation=accumulation,
        baseline=baseline,
        bound="min",
        commitment="确保",
    )
    verdict = judge(spec, at, [Observation(at, target * ratio)], last_year=last_year)
    if verdict.forecast is not None and verdict.forecast < target:
        assert verdict.status is not Status.GREEN
        if verdict.is_final:
            assert verdict.met is False


@settings(max_examples=300)
@given(specs(bound="min"), at_periods, numbers, numbers, last_year_series(), tolerances)
def test_status_never_worsens_as_a_minimum_targets_actual_grows(spec, at, a, b, last_year, tol):
    low, high = sorted((a, b))
    rank = [_rank(spec, at, x, last_year, tol) for x in (low, high)]
    if spec.kind is Kind.REDUCTION and not spec.decline:
        assert rank[1] <= rank[0]  # a ceiling: more is never better
    else:
        assert rank[1] >= rank[0]


@settings(max_examples=300)
@given(specs(bound="max"), at_periods, numbers, numbers, last_year_series(), tolerances)
def test_status_never_improves_as_a_maximum_targets_actual_grows(spec, at, a, b, last_year, tol):
    low, high = sorted((a, b))
    rank = [_rank(spec, at, x, last_year, tol) for x in (low, high)]
    if spec.kind is Kind.REDUCTION and spec.decline:
        assert rank[1] >= rank[0]  # 下降 X: a larger fall is better, whatever the bound says
    else:
        assert rank[1] <= rank[0]


def _rank(spec: TargetSpec, at: Period, actual: float, last_year, tol: Tolerances) -> int:
    """The figure under test in the field this kind reads (growth for growth and decline kinds)."""
    if spec.kind is Kind.GROWTH:
        obs = Observation(at, None, actual)
    elif spec.kind is Kind.REDUCTION and spec.decline:
        obs = Observation(at, None, -actual)  # published as a signed change: −3.5 for 下降 3.5%
    else:
        obs = Observation(at, actual, None)
    return judge(spec, at, [obs], last_year=last_year, tolerances=tol).status.rank


@settings(max_examples=500)
@given(
    specs(),
    at_periods,
    st.lists(st.builds(Observation, at_periods, st.none() | numbers, st.none() | numbers), max_size=4),
    last_year_series(),
    tolerances,
)
def test_never_raises_on_degenerate_input(spec, at, actuals, last_year, tol):
    verdict = judge(spec, at, actuals, last_year=last_year, tolerances=tol)
    assert verdict.status in Status
    assert verdict.reason
    verdict.to_dict()


@given(st.sampled_from([0.0, -0.0]), st.none() | st.just(0.0), at_periods)
def test_zero_targets_and_baselines(target, baseline, at):
    for kind in ("level", "count", "share", "growth", "reduction"):
        for accumulation in ("flow", "stock"):
            spec = TargetSpec(kind, target, YEAR, accumulation=accumulation, baseline=baseline)
            for obs in ([], [Observation(at, 0.0, 0.0)]):
                assert judge(spec, at, obs, last_year=[Observation(at.previous_year(), 0.0)]).reason
