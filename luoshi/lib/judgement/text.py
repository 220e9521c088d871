"""研判说明: the short Chinese reason that goes with a verdict, kept as words (`words`) to read in any language."""

from __future__ import annotations

from luoshi.lib.periods import Frequency, Period

from .model import Kind, TargetSpec
from .readings import Reading
from .words import Node, gettext_noop, msg, period

FULL_YEAR = gettext_noop("全年")
PERIOD_END = gettext_noop("期末")
DONE, NOT_DONE = gettext_noop("已完成"), gettext_noop("未完成")
# A figure after a period word: a phrase (增长 7.4%) follows it directly, a bare amount after a space.
GROWTH = gettext_noop("增长 %(n)s%%")
FALL = gettext_noop("下降 %(n)s%%")
FALL_BY = gettext_noop("下降 %(n)s%(unit)s")
AT_RATE = gettext_noop("为 %(n)s%(unit)s")
AMOUNT = gettext_noop(" %(n)s %(unit)s")
BARE_AMOUNT = gettext_noop(" %(n)s")
#: Where the figure stands, by (target, stretch target): level with, above, below; a fall's size above, below.
LEVEL = gettext_noop("与目标持平"), gettext_noop("与力争目标持平")
ABOVE = gettext_noop("高于目标"), gettext_noop("高于力争目标")
BELOW = gettext_noop("低于目标"), gettext_noop("低于力争目标")
FALL_ABOVE = gettext_noop("降幅高于目标"), gettext_noop("降幅高于力争目标")
FALL_BELOW = gettext_noop("降幅低于目标"), gettext_noop("降幅低于力争目标")
BY_POINTS = gettext_noop("%(side)s %(n)s 个百分点")
BY_AMOUNT = gettext_noop("%(side)s %(n)s %(unit)s")
BY_BARE_AMOUNT = gettext_noop("%(side)s %(n)s")
BY_PERCENT = gettext_noop("%(side)s %(n)s%%")
FINAL = gettext_noop("%(head)s:%(span)s%(figure)s,%(relation)s")
SO_FAR = gettext_noop("%(period)s%(figure)s,%(relation)s")
FORECAST = gettext_noop("%(basis)s,%(span)s预计%(figure)s,%(relation)s")
WITH_NOTE = gettext_noop("%(text)s;%(note)s")
LATEST = gettext_noop("%(text)s(最新数据:%(period)s)")


def number(x: float) -> str:
    """5712.04 → "5712", 6.25 → "6.25", 0.7 → "0.7"; no thousands separators, no "-0"."""
    digits = 1 if abs(x) >= 10 else 2
    text = f"{round(x, digits):.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def percent(x: float) -> str:
    """A relative gap in %, one decimal: 3.05 → "3.1" (rounded half-even on the float), 11.0 → "11"."""
    return f"{x:.1f}".removesuffix(".0")


def span_word(period_: Period) -> Node:
    """全年 for a year, 期末 for several years, else the period's label (一季度)."""
    if period_.frequency is Frequency.ANNUAL:
        return msg(FULL_YEAR)
    return msg(PERIOD_END) if period_.is_multi_year else period(period_)


def figure(spec: TargetSpec, value: float) -> Node:
    """增长 7.4% / 下降 3.5% / 为 66% / " 5623 亿元" (a bare amount with the space it follows a period word by)."""
    if spec.kind is Kind.GROWTH:
        return msg(GROWTH, n=number(value)) if value >= 0 else msg(FALL, n=number(-value))
    if spec.kind is Kind.REDUCTION and spec.decline:
        return msg(FALL_BY, n=number(value), unit=_unit(spec))
    if spec.is_percent:
        return msg(AT_RATE, n=number(value), unit=_unit(spec))
    return msg(AMOUNT, n=number(value), unit=spec.unit) if spec.unit else msg(BARE_AMOUNT, n=number(value))


def _unit(spec: TargetSpec) -> str:
    return "%" if spec.kind is Kind.GROWTH or not spec.unit else spec.unit


def relation(spec: TargetSpec, value: float) -> Node:
    """高于目标 0.4 个百分点 / 低于力争目标 3.1% / 与目标持平 (a plain fact; the status says good or bad)."""
    diff = value - spec.value
    stretch = int(spec.commitment.is_stretch)  # 目标 or 力争目标
    if diff == 0:
        return msg(LEVEL[stretch])
    falls = spec.kind is Kind.REDUCTION and spec.decline
    side = msg(((FALL_ABOVE if diff > 0 else FALL_BELOW) if falls else (ABOVE if diff > 0 else BELOW))[stretch])
    if spec.is_percent:
        return msg(BY_POINTS, side=side, n=number(abs(diff)))
    if spec.value == 0:
        if not spec.unit:
            return msg(BY_BARE_AMOUNT, side=side, n=number(abs(diff)))
        return msg(BY_AMOUNT, side=side, n=number(abs(diff)), unit=spec.unit)
    return msg(BY_PERCENT, side=side, n=percent(abs(diff) / abs(spec.value) * 100))


def describe(spec: TargetSpec, at: Period, obs_period: Period, reading: Reading, met: bool | None) -> Node:
    """The reason: done / not done at the end, else the forecast with its basis."""
    if met is not None:
        return msg(FINAL, head=msg(DONE if met else NOT_DONE), span=span_word(spec.period),
                   figure=figure(spec, reading.actual), relation=relation(spec, reading.actual))
    text = _progress_text(spec, obs_period, reading)
    if reading.note:
        text = msg(WITH_NOTE, text=text, note=msg(reading.note))
    if obs_period.end_date < min(at.end_date, spec.period.end_date):
        text = msg(LATEST, text=text, period=period(obs_period, full=True))
    return text


def _progress_text(spec: TargetSpec, obs_period: Period, reading: Reading) -> Node:
    if reading.forecast == reading.actual and reading.progress is None:
        return msg(SO_FAR, period=period(obs_period), figure=figure(spec, reading.actual),
                   relation=relation(spec, reading.actual))
    return msg(FORECAST, basis=msg(reading.basis), span=span_word(spec.period),
               figure=figure(spec, reading.forecast), relation=relation(spec, reading.forecast))
