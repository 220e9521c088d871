"""Reading numbers written in Arabic digits, Chinese numerals (一千五百, 三千五, 七点五) or both (1.2万).

Chinese numerals are read by cn2an (三千五 is 3500, not 3005). Only the numeral itself is read here; 万/亿 written after it belong to the unit
("1.2万亿元" is 1.2 in 万亿元), as the plan writes it.
"""

import math
import re
from functools import lru_cache

import cn2an

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
#: 万 inside a numeral ("二万五千" is 25000) belongs to it; written last ("一万亿元") it is the unit's.
INNER = "万"
CHINESE = (rf"(?<![第{CHINESE_NUMERAL_CHARS}])[{CHINESE_NUMERAL_CHARS}]+(?:{INNER}[{CHINESE_NUMERAL_CHARS}]+)?"
           rf"(?:点[{''.join(CHINESE_DIGITS)}]+)?")
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
    whole, _, fraction = numeral.partition("点")
    if not whole or any(ch not in CHINESE_NUMERAL_CHARS + INNER for ch in whole) or (
            "点" in numeral and not fraction) or any(ch not in CHINESE_DIGITS for ch in fraction):
        return None
    return _read_chinese(numeral)


@lru_cache(maxsize=4096)
def _read_chinese(numeral: str) -> float | None:
    """一千五百 → 1500, 三千五 → 3500, 二万五千 → 25000, 七点五 → 7.5, 百 → 100 (a bare multiplier
    counts once)."""
    if not any(ch in CHINESE_MULTIPLIERS or ch == INNER for ch in numeral) and "点" not in numeral:
        return float("".join(str(CHINESE_DIGITS[ch]) for ch in numeral))
    try:
        return float(cn2an.cn2an("一" + numeral if numeral[0] in CHINESE_MULTIPLIERS else numeral, "smart"))
    except (ValueError, KeyError, IndexError):
        return None


def plain(value: float) -> int | float:
    """7000.0 → 7000, 2.6 → 2.6: the number as the plan wrote it."""
    return int(value) if value.is_integer() and abs(value) < 1e15 else value
