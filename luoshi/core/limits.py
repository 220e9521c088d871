"""Column facts: what a model field can hold, read from the field itself, checked before any write.

Every form, API operation and import checks its values here, so they all refuse the same things with
the same words: numbers finite and within the column (a DecimalField of 14 digits, 4 after the point,
holds |value| < 10^10; a PositiveSmallIntegerField 0–32767 — PostgreSQL's ranges, also on SQLite),
dates and year fields within `LUOSHI_YEARS` (1900–2100), strings within their max_length.

`problem` says why one value cannot be stored (a reason to put after the field's name or beside an
import cell); `check` gives the `FieldErrors` detail of a dict of values; `require` raises it.
"""

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from luoshi.core.errors import FieldErrors

YEARS = (1900, 2100)

# PostgreSQL's column ranges (SQLite holds more; the same limits keep both databases alike).
INTEGER_RANGES = {
    models.PositiveSmallIntegerField: (0, 32767),
    models.SmallIntegerField: (-32768, 32767),
    models.PositiveIntegerField: (0, 2147483647),
    models.PositiveBigIntegerField: (0, 9223372036854775807),
    models.BigIntegerField: (-9223372036854775808, 9223372036854775807),
    models.IntegerField: (-2147483648, 2147483647),
}

#: How Django reads a decimal back from SQLite (a float, 15 significant digits): a value that rounds up
#: to the limit there could be written but not read, so the same rounding is checked on every database.
SQLITE_READ = Context(prec=15)


class OutOfRange(FieldErrors):
    """Values the columns cannot hold; `detail` names each field."""


def years() -> tuple[int, int]:
    """The years a date or a year field may hold (settings.LUOSHI_YEARS, else 1900–2100)."""
    first, last = getattr(settings, "LUOSHI_YEARS", YEARS)
    return int(first), int(last)


def field_of(model, name: str) -> models.Field:
    return model._meta.get_field(name)


def label(model, name: str) -> str:
    return str(field_of(model, name).verbose_name)


def _integer_range(field: models.Field) -> tuple[int, int] | None:
    for kind, bounds in INTEGER_RANGES.items():
        if isinstance(field, kind):
            return bounds
    return None


def decimal_limit(field: models.DecimalField) -> Decimal:
    """|value| must stay below this: 10^(max_digits − decimal_places)."""
    return Decimal(10) ** (field.max_digits - field.decimal_places)


def as_decimal(value) -> Decimal | None:
    """VALUE as a finite Decimal, or None if it is not a finite number."""
    if isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _decimal_problem(field: models.DecimalField, value) -> str | None:
    number = as_decimal(value)
    if number is None:
        return "不是有效的数字(须为有限的数)"
    limit = decimal_limit(field)
    if number.copy_abs() >= limit:  # copy_abs: exact, never overflows the context (1E+999999999)
        return f"超出可保存的范围(绝对值须小于 10 的 {field.max_digits - field.decimal_places} 次方),请检查单位和位数"
    rounded = number.quantize(Decimal(1).scaleb(-field.decimal_places), rounding=ROUND_HALF_EVEN)
    if abs(rounded) >= limit or abs(SQLITE_READ.create_decimal_from_float(float(rounded))) >= limit:
        return f"超出可保存的范围(绝对值须小于 10 的 {field.max_digits - field.decimal_places} 次方)"
    return None


def integer_problem(value, low: int, high: int) -> str | None:
    if isinstance(value, bool) or isinstance(value, float) and not math.isfinite(value):
        return "不是整数"
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        return "不是整数"
    if number != value and not isinstance(value, str):
        return "不是整数"
    if not low <= number <= high:
        return f"应在 {low}–{high} 之间"
    return None


def year_problem(value) -> str | None:
    """Why VALUE is not a year this system keeps (None if it is one)."""
    return integer_problem(value, *years())


def _date_problem(value) -> str | None:
    if not isinstance(value, dt.date):
        return "不是日期(应为 YYYY-MM-DD)"
    first, last = years()
    if not first <= value.year <= last:
        return f"的年份应在 {first}–{last} 年之间"
    return None


def _text_problem(field: models.CharField, value) -> str | None:
    length = len(str(value))
    if field.max_length is not None and length > field.max_length:
        return f"最多 {field.max_length} 个字(现有 {length} 个字)"
    return None


def problem(model, name: str, value, *, year: bool = False) -> str | None:
    """Why VALUE cannot be stored in MODEL's field NAME (None: it can; None and "" are the field's own
    business — required or not is the form's). YEAR: an integer field that holds a year."""
    if value is None or value == "":
        return None
    field = field_of(model, name)
    if year:
        return year_problem(value)
    if isinstance(field, models.DecimalField):
        return _decimal_problem(field, value)
    bounds = _integer_range(field)
    if bounds is not None:
        return integer_problem(value, *bounds)
    if isinstance(field, models.DateTimeField):
        return None
    if isinstance(field, models.DateField):
        return _date_problem(value)
    if isinstance(field, models.CharField):
        return _text_problem(field, value)
    return None


def check(model, values: dict, *, years_in: tuple[str, ...] = (), prefix: str = "") -> list[dict]:
    """One detail entry {"field", "message"} per value of VALUES (field name → value) MODEL cannot hold;
    YEARS_IN names the integer fields that hold a year; PREFIX goes before each field name."""
    detail = []
    for name, value in values.items():
        reason = problem(model, name, value, year=name in years_in)
        if reason:
            detail.append({"field": f"{prefix}{name}", "message": f"{label(model, name)}{reason}"})
    return detail


def require(model, values: dict, *, years_in: tuple[str, ...] = (), prefix: str = "",
            error: type[FieldErrors] = OutOfRange) -> None:
    """Raise ERROR (an `OutOfRange` by default) naming every value MODEL cannot hold; nothing is written."""
    detail = check(model, values, years_in=years_in, prefix=prefix)
    if detail:
        raise error(detail)


def form_validators(form, model, *, years_in: tuple[str, ...] = ()) -> None:
    """Make FORM refuse, field by field, what MODEL's columns cannot hold (call from `clean`)."""
    for name, value in list(form.cleaned_data.items()):
        try:
            field_of(model, name)
        except FieldDoesNotExist:  # a form field with no column of that name
            continue
        reason = problem(model, name, value, year=name in years_in)
        if reason:
            form.add_error(name, f"{label(model, name)}{reason}")


__all__ = ["OutOfRange", "YEARS", "as_decimal", "check", "decimal_limit", "form_validators", "integer_problem",
           "label", "problem", "require", "year_problem", "years"]
