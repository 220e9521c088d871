"""研判说明: the short Chinese reason that goes with a verdict."""

from __future__ import annotations

from luoshi.lib.periods import Frequency, Period

from .model import Kind, TargetSpec
from .readings import Reading


def number(x: float) -> str:
    """5712.04 → "5712", 6.25 → "6.25", 0.7 → "0.7"; no thousands separators, no "-0"."""
    digits = 1 if abs(x) >= 10 else 2
    text = f"{round(x, digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(x: float) -> str:
    """A relative gap in %, one decimal: 3.05 → "3.1" (rounded half-even on the float), 11.0 → "11"."""
    return f"{x:.1f}".removesuffix(".0")


def target_word(spec: TargetSpec) -> str:
    """目标 or 力争目标."""
    return "力争目标" if spec.commitment.is_stretch else "目标"


def span_word(period: Period) -> str:
    """全年 for a year, 期末 for several years, else the period's label (一季度)."""
    if period.frequency is Frequency.ANNUAL:
        return "全年"
    return "期末" if period.is_multi_year else period.label_zh


def figure(spec: TargetSpec, value: float) -> str:
    """增长 7.4% / 下降 3.5% / 为 66% / 5623 亿元."""
    if spec.kind is Kind.GROWTH:
        return f"增长 {number(value)}%" if value >= 0 else f"下降 {number(-value)}%"
    if spec.kind is Kind.REDUCTION and spec.decline:
        return f"下降 {number(value)}{_unit(spec)}"
    if spec.is_percent:
        return f"为 {number(value)}{_unit(spec)}"
    return f"{number(value)} {spec.unit}".rstrip()


def _unit(spec: TargetSpec) -> str:
    return "%" if spec.kind is Kind.GROWTH or not spec.unit else spec.unit


def relation(spec: TargetSpec, value: float) -> str:
    """高于目标 0.4 个百分点 / 低于力争目标 3.1% / 与目标持平 (a plain fact; the status says good or bad)."""
    diff = value - spec.value
    word = target_word(spec)
    if diff == 0:
        return f"与{word}持平"
    side = ("降幅" if spec.kind is Kind.REDUCTION and spec.decline else "") + ("高于" if diff > 0 else "低于")
    if spec.is_percent:
        return f"{side}{word} {number(abs(diff))} 个百分点"
    if spec.value == 0:
        return f"{side}{word} {number(abs(diff))} {spec.unit}".rstrip()
    return f"{side}{word} {percent(abs(diff) / abs(spec.value) * 100)}%"


def describe(spec: TargetSpec, at: Period, obs_period: Period, reading: Reading, met: bool | None) -> str:
    """The reason: done / not done at the end, else the forecast with its basis."""
    if met is not None:
        head = "已完成" if met else "未完成"
        return (
            f"{head}:{span_word(spec.period)}{_spaced(spec, reading.actual)},{relation(spec, reading.actual)}"
        )
    text = _progress_text(spec, obs_period, reading)
    if reading.note:
        text = f"{text};{reading.note}"
    if obs_period.end_date < min(at.end_date, spec.period.end_date):
        text = f"{text}(最新数据:{obs_period.label_zh_full})"
    return text


def _progress_text(spec: TargetSpec, obs_period: Period, reading: Reading) -> str:
    if reading.forecast == reading.actual and reading.progress is None:
        return f"{obs_period.label_zh}{_spaced(spec, reading.actual)},{relation(spec, reading.actual)}"
    forecast = f"{span_word(spec.period)}预计{_spaced(spec, reading.forecast)}"
    return f"{reading.basis},{forecast},{relation(spec, reading.forecast)}"


def _spaced(spec: TargetSpec, value: float) -> str:
    """A figure ready to follow a period word: "上半年增长 6.3%", "全年 5623 亿元" (space before a number)."""
    is_phrase = spec.is_percent or (spec.kind is Kind.REDUCTION and spec.decline)
    return figure(spec, value) if is_phrase else f" {figure(spec, value)}"
