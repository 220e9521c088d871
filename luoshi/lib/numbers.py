"""数字: one way to write a figure, with its unit, at the precision it was reported.

Pages (the ``number`` and ``quantity`` template filters), API text and briefing text all call these
functions, so a figure reads the same everywhere: ``6.8%`` beside ``15%`` (no space before a percent
sign), ``7000 亿元`` (a space before a word unit), never ``327.27`` beside ``327.3``.

A reported figure keeps the places it was reported with (``Decimal('6.80')`` reads ``6.8``, trailing
zeros are not precision). A figure computed from reported ones (应达, 预计, 差距) is rounded to the
places of the figures it is computed from: `places_of` them, then `rounded`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

__all__ = ["NONE", "PERCENT_UNITS", "number", "places_of", "quantity", "rounded"]

NONE = "—"
PERCENT_UNITS = frozenset({"%", "‰"})
MAX_PLACES = 4  # a float computed by division (1000.0866…) is never written with more


def _decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def places_of(*values) -> int:
    """Decimal places as reported: 327.3 → 1, 7000 → 0, Decimal('2.60') → 1; the most of several."""
    found = [_places(d) for d in map(_decimal, values) if d is not None]
    return min(max(found, default=0), MAX_PLACES)


def _places(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(-int(exponent), 0)


def rounded(value, places: int) -> float | None:
    """VALUE rounded half-up to PLACES (1000.0866, 0 → 1000.0); None stays None."""
    number = _decimal(value)
    if number is None:
        return None
    return float(number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def number(value, places: int | None = None) -> str:
    """A figure as people write it: 7000, 2.6, 7008.6 (no exponent, no trailing zeros); "—" for none.

    With PLACES the figure is first rounded to that many places (327.27, 1 → 327.3).
    """
    decimal = _decimal(value)
    if decimal is None:
        return NONE
    if places is None and not isinstance(value, Decimal | int | str):
        places = MAX_PLACES  # a float: 0.1 + 0.2 is written 0.3
    if places is not None:
        decimal = decimal.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(decimal.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def quantity(value, unit: str = "", places: int | None = None) -> str:
    """A figure with its unit: 15%, 6.8%, 7000 亿元, 100 家; "—" alone when there is no figure."""
    text = number(value, places)
    unit = (unit or "").strip()
    if text == NONE or not unit:
        return text
    return f"{text}{unit}" if unit in PERCENT_UNITS else f"{text} {unit}"
