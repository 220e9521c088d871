from django import template

from luoshi.lib import numbers
from luoshi.lib import status as vocabulary

register = template.Library()


@register.filter
def status_icon(status: str) -> str:
    """A shape for each status, so that it reads without colour (see `luoshi.lib.status`)."""
    return vocabulary.icon(status)


@register.filter
def figure(value, digits: int = 2) -> str:
    """A number as people read it (`luoshi.lib.numbers`): 7797 → 7797, 0.8765 → 0.88, None → —."""
    return numbers.number(value, int(digits))


@register.filter
def percent(value) -> str:
    """A share as a percentage: 0.4512 → 45.1%."""
    if value is None:
        return "—"
    return numbers.quantity(float(value) * 100, "%", places=1)


@register.filter
def get_item(mapping: dict, key):
    return mapping.get(key)


@register.filter
def with_unit(value, unit: str) -> str:
    """A figure with its unit of measure as written (`luoshi.lib.numbers`): 15%, 6.8%, 7000 亿元."""
    return numbers.quantity(value, unit, places=2)
