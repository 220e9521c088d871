"""Boards, rankings and the dashboard's JSON kept rendered in the cache, keyed by what they are read from.

A rendering depends on the reader's jurisdiction (role and unit: `accounts.scoping.reach`), what they asked
for, the language, the day and the kept verdicts behind it (`board_stamp` / `ranking_stamp`: their count,
versions and last keeping, and the number of items judged). When any of them changes the key changes, so a
reader is never shown what the verdicts no longer say; unchanged, a page is served without reading a verdict
row, a target or a figure. What the key covers is what `verdicts.receivers` marks stale on an edit.
"""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

DAY = 24 * 3600


def reader(user) -> tuple:
    """What of USER a rendering depends on: what makes their jurisdiction (see `accounts.scoping.reach`)."""
    return (user.role, user.is_superuser, user.unit_id, user.unit.path if user.unit_id else "")


def once(render, *parts) -> str:
    """RENDER()'s text, rendered once for the key PARTS (and the language) and kept for a day."""
    key = "rendered:" + hashlib.sha256(repr((*parts, get_language())).encode()).hexdigest()
    text = cache.get(key)
    if text is None:
        text = render()
        cache.set(key, text, timeout=DAY)
    return text


def kept(render, name: str, user, frame, stamp: tuple, *parts) -> str:
    """`once` for NAME (a board's part, a ranking, the API's JSON) of FRAME (a board or ranking without its cards)
    as USER reads it, whose verdicts look like STAMP; PARTS: anything else it depends on."""
    return once(render, name, reader(user), frame.plan and frame.plan.pk, frame.filter, frame.at and frame.at.code,
                frame.today, stamp, *parts)
