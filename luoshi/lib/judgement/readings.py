"""读数: what one published figure says about a target, per kind, before any status is decided."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from luoshi.lib.periods import Frequency, Period, elapsed_fraction

from .model import Accumulation, Kind, Observation, TargetSpec, Tolerances
from .words import gettext_noop

# The basis of a forecast and a reading's note: msgids (`words`), said as they are in Chinese.
SEASONAL = gettext_noop("按去年同期进度推算")
LINEAR = gettext_noop("按时间进度推算")
FROM_BASELINE = gettext_noop("按时间进度自基数线性推算")
CURRENT_GROWTH = gettext_noop("按当前累计增速")
CURRENT_LEVEL = gettext_noop("按当前水平")
CURRENT_STOCK = gettext_noop("按当前存量")
NO_BASELINE = gettext_noop("无基数,进度按现值÷目标计")
WHOLE_YEAR = gettext_noop("已是全年数")
WHOLE_PERIOD = gettext_noop("已是期末数")


@dataclass(frozen=True)
class Reading:
    """读数: the judged figure, its forecast and how far along it is.

    `width` is the yellow zone short of the target and `band` the 左右 band, both in target units;
    `basis` and `note` are msgids (the constants above).
    """

    actual: float
    forecast: float
    basis: str
    progress: float | None = None
    expected: float | None = None
    pace_ratio: float | None = None
    width: float = 0.0
    band: float = 0.0
    note: str = ""


def judged_figure(spec: TargetSpec, obs: Observation) -> float | None:
    """The number a target is judged on: growth for growth kinds, the value otherwise.

    A reduction in % prefers the published rate; a 下降 X target turns it into the size of the
    fall (growth −3.5 → 3.5), so that a larger fall reads as a larger number.
    """
    if spec.kind is Kind.GROWTH:
        return obs.growth
    if spec.kind is not Kind.REDUCTION:
        return obs.value
    if spec.decline:
        return -obs.growth if obs.growth is not None else obs.value
    if spec.is_percent and obs.growth is not None:
        return obs.growth
    return obs.value


def read(
    spec: TargetSpec, obs: Observation, actual: float, last_year: Sequence[Observation], tol: Tolerances
) -> Reading:
    """Dispatch on the target's kind and accumulation."""
    if spec.kind is Kind.GROWTH:
        return _growth(spec, obs, actual, tol)
    if spec.kind is Kind.REDUCTION:
        return _reduction(spec, obs, actual, tol)
    if spec.kind is Kind.SHARE:
        return _share(spec, obs, actual, tol)
    if spec.accumulation is Accumulation.STOCK:
        return _stock(spec, obs, actual, tol)
    return _flow(spec, obs, actual, last_year, tol)


def final_basis(target_period: Period) -> str:
    """已是全年数 / 已是期末数: the figure already covers the target period."""
    return WHOLE_YEAR if target_period.frequency is Frequency.ANNUAL else WHOLE_PERIOD


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    """numerator ÷ denominator, None when either is missing or the denominator is zero."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def _is_final(spec: TargetSpec, obs: Observation) -> bool:
    return obs.period.end_date >= spec.period.end_date


def _elapsed(spec: TargetSpec, obs: Observation) -> float:
    """时序进度 of the target period at the figure's period (never zero)."""
    return max(elapsed_fraction(spec.period, obs.period), 1 / spec.period.months)


def _flow(
    spec: TargetSpec, obs: Observation, actual: float, last_year: Sequence[Observation], tol: Tolerances
) -> Reading:
    """Flows (流量): progress = YTD ÷ target, expected = last year's YTD share or months elapsed."""
    share, basis = _expected_share(spec, obs, last_year)
    progress = ratio(actual, spec.value)
    return Reading(
        actual=actual,
        forecast=actual / share,
        basis=basis,
        progress=progress,
        expected=share,
        pace_ratio=ratio(progress, share),
        width=tol.level_yellow * abs(spec.value),
        band=tol.approx_band * abs(spec.value),
    )


def _expected_share(
    spec: TargetSpec, obs: Observation, last_year: Sequence[Observation]
) -> tuple[float, str]:
    """序时进度: share of the period's total expected by the figure's period, and its basis."""
    if _is_final(spec, obs):
        return 1.0, final_basis(spec.period)
    seasonal = None if spec.period.is_multi_year else _seasonal_share(spec, obs, last_year)
    if seasonal is not None:
        return seasonal, SEASONAL
    return _elapsed(spec, obs), LINEAR


def _seasonal_share(spec: TargetSpec, obs: Observation, last_year: Sequence[Observation]) -> float | None:
    """去年同期进度: last year's YTD at the same months ÷ last year's full-period value."""
    ytd = _value_at(last_year, obs.period.previous_year())
    full = _value_at(last_year, spec.period.previous_year())
    share = ratio(ytd, full)
    if share is None or not 0 < share <= 1:
        return None
    return share


def _value_at(series: Sequence[Observation], period: Period) -> float | None:
    for obs in series:
        if obs.period.same_span(period) and obs.value is not None:
            return obs.value
    return None


def _has_baseline(spec: TargetSpec) -> bool:
    return spec.baseline is not None and spec.baseline != spec.value


def _from_baseline(spec: TargetSpec, obs: Observation, actual: float, width: float, band: float) -> Reading:
    """Linear in time from the baseline (自基数线性): progress = (now − base) ÷ (target − base)."""
    base = float(spec.baseline)  # type: ignore[arg-type]
    elapsed = 1.0 if _is_final(spec, obs) else _elapsed(spec, obs)
    progress = (actual - base) / (spec.value - base)
    basis = final_basis(spec.period) if _is_final(spec, obs) else FROM_BASELINE
    return Reading(
        actual=actual,
        forecast=base + (actual - base) / elapsed,
        basis=basis,
        progress=progress,
        expected=elapsed,
        pace_ratio=ratio(progress, elapsed),
        width=width,
        band=band,
    )


def _stock(spec: TargetSpec, obs: Observation, actual: float, tol: Tolerances) -> Reading:
    """Stocks (存量): against the baseline when there is one, else the current total ÷ target."""
    band = tol.approx_band * abs(spec.value)
    if _has_baseline(spec):
        width = tol.stock_yellow * abs(spec.value - float(spec.baseline))  # type: ignore[arg-type]
        return _from_baseline(spec, obs, actual, width, band)
    return Reading(
        actual=actual,
        forecast=actual,
        basis=final_basis(spec.period) if _is_final(spec, obs) else CURRENT_STOCK,
        progress=ratio(actual, spec.value),
        width=tol.level_yellow * abs(spec.value),
        band=band,
        note=NO_BASELINE,
    )


def _share(spec: TargetSpec, obs: Observation, actual: float, tol: Tolerances) -> Reading:
    """Shares (比重/覆盖率): value vs target; linear from the baseline when there is one."""
    if _has_baseline(spec):
        return _from_baseline(spec, obs, actual, tol.share_yellow_pp, tol.approx_band_pp)
    return Reading(
        actual=actual,
        forecast=actual,
        basis=final_basis(spec.period) if _is_final(spec, obs) else CURRENT_LEVEL,
        expected=spec.value,
        width=tol.share_yellow_pp,
        band=tol.approx_band_pp,
    )


def _growth(spec: TargetSpec, obs: Observation, actual: float, tol: Tolerances) -> Reading:
    """Growth (增速): the published YTD rate stands for the period; gaps in percentage points."""
    return Reading(
        actual=actual,
        forecast=actual,
        basis=final_basis(spec.period) if _is_final(spec, obs) else CURRENT_GROWTH,
        expected=spec.value,
        pace_ratio=ratio(actual, spec.value),
        width=tol.growth_yellow_pp,
        band=tol.approx_band_pp,
    )


def _reduction(spec: TargetSpec, obs: Observation, actual: float, tol: Tolerances) -> Reading:
    """Reductions (下降/控制在): the current figure stands; a ceiling is lower-is-better."""
    if spec.is_percent:
        width, band = tol.reduction_yellow_pp, tol.approx_band_pp
    else:
        width, band = tol.level_yellow * abs(spec.value), tol.approx_band * abs(spec.value)
    return Reading(
        actual=actual,
        forecast=actual,
        basis=final_basis(spec.period) if _is_final(spec, obs) else CURRENT_LEVEL,
        expected=spec.value,
        pace_ratio=ratio(actual, spec.value) if spec.decline else None,
        width=width,
        band=band,
    )
