from django import template

from luoshi.lib import status as vocabulary
from luoshi.plans.wording import format_number

register = template.Library()


@register.filter
def status_icon(status: str) -> str:
    """A shape for each status, so that it reads without colour (see `luoshi.lib.status`)."""
    return vocabulary.icon(status)


@register.filter
def figure(value, digits: int = 2) -> str:
    """A number as people read it: 7797 → 7797, 0.8765 → 0.88, None → —."""
    if value is None or value == "":
        return "—"
    return format_number(round(float(value), int(digits)))


@register.filter
def percent(value) -> str:
    """A share as a percentage: 0.4512 → 45.1%."""
    if value is None:
        return "—"
    return f"{format_number(round(float(value) * 100, 1))}%"


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)


@register.filter
def with_unit(value, unit: str) -> str:
    """A figure with its unit of measure as written: 15%, 7000 亿元."""
    text = figure(value)
    if text == "—" or not unit:
        return text
    return f"{text}{unit}" if unit in ("%", "‰") else f"{text} {unit}"
