"""Reading numbers written in Arabic digits, Chinese numerals (一千五百) or both (1.2万).

Only the numeral itself is read here; 万/亿 written after it belong to the unit
("1.2万亿元" is 1.2 in 万亿元), as the plan writes it.
"""

import math
import re

CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
CHINESE_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000}
CHINESE_NUMERAL_CHARS = "".join(CHINESE_DIGITS) + "".join(CHINESE_MULTIPLIERS)

ARABIC = r"(?<![\d.A-Za-z第])\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?|(?<![\d.A-Za-z第])\d+(?:\.\d+)?"
CHINESE = rf"(?<![第{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_CHARS}]+"
NUMBER = rf"(?:{ARABIC}|{CHINESE})"

_ARABIC_RE = re.compile(r"[\d,.]+")


def is_chinese(numeral: str) -> bool:
    """True when the numeral is written in Chinese characters (三, 两, 一千五百)."""
    return bool(numeral) and numeral[0] in CHINESE_NUMERAL_CHARS


def read_number(numeral: str) -> float | None:
    """The value of "7.5", "1,000", "一千五百", "两", "二〇二三"; None if it is not a numeral."""
    if _ARABIC_RE.fullmatch(numeral):
        try:
            value = float(numeral.replace(",", ""))
        except ValueError:
            return None
        return value if math.isfinite(value) else None
    if not numeral or any(ch not in CHINESE_NUMERAL_CHARS for ch in numeral):
        return None
    if not any(ch in CHINESE_MULTIPLIERS for ch in numeral):
        return float("".join(str(CHINESE_DIGITS[ch]) for ch in numeral))
    return float(_read_positional(numeral))


def _read_positional(numeral: str) -> int:
    """一千五百 → 1500, 十二 → 12, 百 → 100 (a bare multiplier counts once)."""
    total, digit = 0, None
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * CHINESE_MULTIPLIERS[ch]
            digit = None
    return total + (digit or 0)


def plain(value: float) -> int | float:
    """7000.0 → 7000, 2.6 → 2.6: the number as the plan wrote it."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value
