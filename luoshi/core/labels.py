"""How a period reads to its reader, in the active language: one display used by pages, API text and CLI.

2023M10 → 2023年1–10月 (Jan–Oct 2023), 2023Q1 → 2023年一季度 (Q1 2023), 2023 → 2023年 (2023).
A code that names no period is shown as written rather than hidden.
"""

import calendar

from django.utils.translation import get_language, gettext

from luoshi.lib.judgement.words import render
from luoshi.lib.periods import Period, PeriodError, parse


def chinese() -> bool:
    return (get_language() or "zh-hans").startswith("zh")


def period_label(period: Period | str | None, short: bool = False) -> str:
    """The period as people say it; SHORT leaves out the year (1–10月, 一季度, 全年)."""
    if period is None or period == "":
        return ""
    if not isinstance(period, Period):
        try:
            period = parse(str(period))
        except PeriodError:
            return str(period)
    if chinese():
        return period.label_zh if short else period.label_zh_full
    return period.label_en


def month_label(month: int) -> str:
    """A calendar month (not a period: a month's own amount) as people say it: 3月, Mar."""
    return f"{month}月" if chinese() else calendar.month_abbr[month]


def sentence(words: dict | None, chinese_text: str = "") -> str:
    """A sentence kept as words (a verdict's reason) in the reader's language; CHINESE_TEXT, what it says in
    Chinese, stands for it in Chinese and where no words were kept."""
    if words is None or (chinese() and chinese_text):
        return chinese_text
    text = render(words, gettext, lambda code, full: period_label(code, short=not full)).strip()
    return text[:1].upper() + text[1:]
