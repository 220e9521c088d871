"""研判引擎: progress, expected-by-now, status and forecast for every target kind.

One function, `judge`, computes a target's `Verdict`; pages, API, CLI and briefings all call it.
Pure Python, no Django: callers map their models to `TargetSpec`, `Observation` and `Tolerances`.

Rules (PRODUCT.md, "Target kinds and how progress is judged"):

- level/count flow: progress = YTD ÷ target; expected = last year's YTD share at the same months
  (去年同期进度) when last year's same-period and full-period values are given, else months elapsed
  (时间过半、任务过半); forecast = YTD ÷ expected share; status from forecast vs target.
- stock: progress = (now − baseline) ÷ (target − baseline), expected linear in time, forecast linear
  from the baseline. Without a baseline: progress = now ÷ target, forecast = the current total, and
  the reason says so (无基数).
- multi-year flow (2023—2027): cumulative since the start ÷ total, expected linear over the span.
- growth: judged on the published growth rate; gap in percentage points; forecast = current YTD rate.
- share: value vs target in percentage points; linear from the baseline when there is one.
- reduction: lower is better. ``decline=True`` (下降 X) judges the size of the fall (−growth);
  otherwise (控制在 X 以内) the figure must stay at or below X.
- milestone: done vs due by today (or the end of `at`).

Missing figures (PRODUCT.md, "Verdicts that are true"): the status always comes from the latest
figure there is, with its period named; grey only when there is none. Whether the figure of the
period judged at is missing is a flag beside the status: late (`Lateness`, someone owes it past its
due day; the caller decides who owes) or not published (未公布). A target whose own period has
closed before `at` is judged at its own period's end and the reason says so (按一季度数据).

Bounds: ``min`` at least; ``max`` at most (lower is better); ``exact`` is treated as ``min`` (a plan
figure such as 确保 7000 亿元 is a floor in practice; for reductions, as the ceiling); ``approx``
(左右) counts as met within `Tolerances.approx_band` / `approx_band_pp` short of the target.
Commitment (确保/保 vs 力争/争) does not change the rules; it is carried in the verdict and the reason
says 力争目标. At the end of the target period a figure is met (green, 已完成) or missed (red, 未完成);
a yellow zone exists only before the end.
"""

from .decomposition import DecompositionCheck, RollupGap, compare_rollup, judge_decomposition
from .engine import judge
from .model import (
    Accumulation,
    Bound,
    Commitment,
    Kind,
    Lateness,
    Milestone,
    Observation,
    Status,
    TargetSpec,
    Tolerances,
    Verdict,
)

__all__ = [
    "Accumulation",
    "Bound",
    "Commitment",
    "DecompositionCheck",
    "Kind",
    "Lateness",
    "Milestone",
    "Observation",
    "RollupGap",
    "Status",
    "TargetSpec",
    "Tolerances",
    "Verdict",
    "compare_rollup",
    "judge",
    "judge_decomposition",
]
