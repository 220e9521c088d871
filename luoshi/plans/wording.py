"""How a target reads to a Chinese reader: "确保 7000 亿元", "力争 突破 6000 家", "增长 15% 以上"."""

from luoshi.lib.numbers import number as format_number
from luoshi.lib.numbers import quantity

__all__ = ["describe", "format_number", "quantity", "verb"]

PREFIX_WORDS = {"突破", "超过", "不低于", "不少于", "约", "控制在", "达到", "高于", "低于", "不超过"}
DEFAULT_WORD = {"min": "以上", "max": "以内", "approx": "左右", "exact": ""}


def verb(kind: str, unit: str) -> str:
    if kind == "growth":
        return "提高" if unit.endswith("百分点") else "增长"
    if kind == "reduction":
        return "下降"
    return ""


def describe(*, kind: str, value, unit: str, bound: str, bound_word: str = "", commitment: str = "") -> str:
    """The target as a Chinese reader expects to see it."""
    word = bound_word or DEFAULT_WORD.get(bound, "")
    if kind == "reduction" and bound == "max" and word in ("以内", "以下", ""):
        word = "以内"
        action = "控制在"
    else:
        action = verb(kind, unit)
    parts = [commitment, action]
    if word in PREFIX_WORDS and word != action:
        parts.append(word)
    parts.append(quantity(value, unit))
    if word and word not in PREFIX_WORDS:
        parts.append(word)
    return " ".join(p for p in parts if p)
