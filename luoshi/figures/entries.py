"""A figure as submitted (one row of a form, an Excel sheet, a CSV file or an API item) and its errors."""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from luoshi.lib.numbers import number as plain  # noqa: F401  (the figures app writes numbers one way)

ANY_BASE = object()  # bulk imports: no conflict check, unchanged values skipped


@dataclass
class Entry:
    """填报项: the raw cells of one submitted figure, and where it came from (row or item)."""

    row: int | str
    series: str
    unit: str
    period: str
    value: object = None
    growth: object = None
    unit_of_measure: str | None = None
    subject_kind: str = ""  # "" for the unit's own figure, else a registered kind (see figures.subjects)
    subject: str = ""  # the subject's code or name, as submitted
    source: str = ""
    note: str = ""
    reason: str = ""
    based_on: object = None
    client_key: str | None = None
    columns: dict[str, str] = field(default_factory=dict)

    def column(self, name: str) -> str:
        """How the submitter's medium names field NAME (an Excel column letter and header, or the field)."""
        return self.columns.get(name, name)


class NotANumber(ValueError):
    def __init__(self, raw, reason: str = "不是数字"):
        super().__init__(raw)
        self.reason = reason


_GROUPING = re.compile(r"(?<=\d),(?=\d{3}\b)")


def parse_number(raw) -> Decimal | None:
    """A number from a cell: 1,234.5, full-width digits and a trailing % are read; words are not."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        raise NotANumber(raw)
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    else:
        text = unicodedata.normalize("NFKC", str(raw)).strip().rstrip("%").strip()
        if text in ("", "-", "—"):
            return None
        try:
            number = Decimal(_GROUPING.sub("", text))
        except InvalidOperation:
            raise NotANumber(raw) from None
    if not number.is_finite():
        raise NotANumber(raw, "不是有限的数字(NaN、无穷大不能保存)")
    if number and not -30 <= number.adjusted() <= 30:
        raise NotANumber(raw, "数值的数量级超出可保存的范围(10的±30次方以内)")
    return number


def as_float(number: Decimal | None) -> float | None:
    return None if number is None else float(number)


def shown(raw) -> str:
    return "" if raw is None else str(raw)
