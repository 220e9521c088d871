"""A reviewed plan file (审核后的规划文件): the plan's metadata, its fronts and the analyst's confirmed
targets, each naming its clause by character span. `stored.create_reviewed_plan` applies one; the
readers here check each entry and say which entry and field is wrong.
"""

from decimal import Decimal, InvalidOperation

from luoshi.figures.models import Series
from luoshi.units.models import Unit


class ReviewFileError(ValueError):
    """A reviewed plan file that cannot be loaded; the message says which entry and field."""


def span_of(entry: dict, text: str, where: str) -> tuple[int, int]:
    """The entry's [start, end]; its sentence (or heading) must be exactly there in TEXT."""
    try:
        start, end = (int(x) for x in entry["span"])
    except (KeyError, TypeError, ValueError):
        raise ReviewFileError(f"{where}: span must be [start, end]") from None
    if not 0 <= start < end <= len(text):
        raise ReviewFileError(f"{where}: span {start}–{end} lies outside the text (length {len(text)})")
    expected = entry.get("sentence") or entry.get("heading")
    if expected and text[start:end] != expected:
        raise ReviewFileError(f"{where}: the text at {start}–{end} is {text[start:end]!r}, not {expected!r}")
    return start, end


def unit_by_code(code: str, where: str) -> Unit:
    try:
        return Unit.objects.get(code=code)
    except Unit.DoesNotExist:
        raise ReviewFileError(f"{where}: no unit with code {code!r}") from None


def series_by_name(name: str | None, where: str) -> Series | None:
    """The statistical series named NAME (or having it as an alias); None when no name is given."""
    if not name:
        return None
    found = Series.objects.filter(name=name).first() or next(
        (s for s in Series.objects.all() if name in s.aliases), None)
    if found is None:
        raise ReviewFileError(f"{where}: no statistical series named {name!r}")
    return found


def decimal_or_none(raw, where: str) -> Decimal | None:
    if raw is None or raw == "":
        return None
    try:
        return Decimal(str(raw))
    except InvalidOperation:
        raise ReviewFileError(f"{where}: {raw!r} is not a number") from None
