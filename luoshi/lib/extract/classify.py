"""Classifying a target (分类): its kind (类型), bound (界限) and flow or stock (流量/存量)."""

from . import vocabulary as words
from .figures import Figure
from .indicators import GDP


def bound_of(before: str, after: str) -> str:
    """界限: 左右/约 → approx (winning over 控制在); 以上/突破/不低于 → min; 以内/以下/控制在 → max."""
    following = words.BOUND_AFTER.match(after)
    if (following and following["approx"]) or words.BOUND_BEFORE_APPROX.search(before):
        return "approx"
    if following:
        return "min" if following["min"] else "max"
    if words.BOUND_BEFORE_MIN.search(before):
        return "min"
    if words.BOUND_BEFORE_MAX.search(before):
        return "max"
    return "exact"


def kind_of(figure: Figure, before: str, after: str, indicator: str, inherited_kind: str) -> str:
    """类型: level, count, growth, share or reduction, from the unit and the words around it."""
    if figure.unit == "番":
        return "growth"
    cue = words.GROWTH_MASK.sub("", before)
    if words.REDUCTION_CUE.search(cue) or after.startswith("以内"):
        return "reduction"
    if figure.is_rate:
        if words.GROWTH_CUE.search(cue) or figure.unit.endswith("百分点"):
            return "growth"
        if words.LEVEL_BEFORE.search(before) and not indicator.startswith(GDP):
            amount = inherited_kind == "growth" and not words.RATIO_NAME.search(indicator)
            return "growth" if amount else "share"
        if inherited_kind in ("growth", "share", "reduction"):
            return inherited_kind
        return "growth" if indicator.startswith(GDP) else "share"
    if words.GROWTH_BEFORE_AMOUNT.search(cue):
        return "growth"
    if words.PER_CAPITA.search(before):
        return "share"
    return "count" if figure.is_count else "level"


def accumulation_of(kind: str, head: str, unit: str = "") -> str:
    """流量/存量: 总量/总数/达到 → stock; 完成/新建/引进/吸引 → flow; days counted (优良天数) add up
    over the year, a flow; "" for rates."""
    if kind not in ("level", "count"):
        return ""
    if unit == "天":
        return "flow"
    if words.STOCK_CUE.search(head):
        return "stock"
    return "flow" if words.FLOW_CUE.search(head) else ""
