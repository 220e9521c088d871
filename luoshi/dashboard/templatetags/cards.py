"""{% cards panel.cards %}: the board's cards, each rendered once per kept verdict version and kept in the cache.

A card's HTML depends only on its kept verdict (row, chart marks: `version` grows when they change), its
target's and plan's wording (their `modified`), the period judged at and the language, so those make the
cache key; rendering 300 cards was most of a city dashboard's time.
"""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()
CARD = "dashboard/target_card.html"


def card_key(card, board) -> str:
    kept, target = card.judged, card.target
    return (f"card:{card.key}:{board.at.code}:{kept.version}:{target.modified.timestamp()}:"
            f"{target.plan.modified.timestamp()}:{get_language()}")


@register.simple_tag(takes_context=True)
def cards(context, cards):
    board = context["board"]
    keys = {card_key(card, board): card for card in cards}
    found = cache.get_many(keys)
    missing = {key: render_to_string(CARD, {"card": card, "board": board}) for key, card in keys.items()
               if key not in found}
    cache.set_many(missing, timeout=24 * 3600)
    return mark_safe("".join(found.get(key) or missing[key] for key in keys))  # noqa: S308 (rendered templates)
