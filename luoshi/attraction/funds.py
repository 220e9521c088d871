"""到位资金 (interim, replaced once figure subjects land)."""

from decimal import Decimal


def figures_of(lead) -> list:
    return []


def may_report(user, lead) -> bool:
    return False


def report(user, lead, period: str, value, source: str = ""):
    raise ValueError("未实现")


def paid_between(leads, start, end) -> dict[int, Decimal]:
    return {}
