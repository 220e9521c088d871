"""Read figures from a CSV or Excel file into entries: the headers name the columns, in Chinese or English.

The Excel template that Luoshi hands out uses the same headers, so a filled template and a plain
table of figures go through the same reader (and then the same validation).
"""

from pathlib import Path

from openpyxl.utils import get_column_letter

from luoshi.figures import subjects
from luoshi.figures.entries import ANY_BASE, Entry
from luoshi.lib.bounded import (
    Deadline,
    Limits,
    TooLarge,
    Unparsable,
    check_size,
    csv_rows,
    limits,
    open_workbook,
    sheet_rows,
)

HEADERS = {
    "series": ("指标", "统计指标", "indicator", "series"),
    "unit": ("单位", "填报单位", "单位代码", "unit_code", "org_unit"),
    "period": ("期间", "period"),
    "value": ("数值", "本期累计", "value"),
    "growth": ("增速(%)", "增速", "growth", "growth_pct"),
    "unit_of_measure": ("计量单位", "unit", "unit_of_measure"),
    "source": ("来源", "source"),
    "note": ("说明", "note", "reliability"),
    "reason": ("修改原因", "reason"),
    "based_on": ("基于版本", "based_on"),
}
REQUIRED = ("series", "period")
#: A source's reliability class (a `reliability` column, read as the note) as the pages say it.
RELIABILITY_LABELS = {"official": "官方", "news": "新闻", "aggregator": "聚合网站"}


class TableError(ValueError):
    """A file that is not a table of figures; the message names the file and what is wrong."""


def _headers() -> dict[str, tuple[str, ...]]:
    """The columns read: the figure's own, and one per registered subject kind (项目 for key projects)."""
    return {**HEADERS, **{kind.key: kind.headers for kind in subjects.kinds()}}


def _field_of(header) -> str | None:
    text = str(header or "").strip()
    for field, names in _headers().items():
        if text in names:
            return field
    return None


def _columns(header_row, file_name: str) -> dict[str, int]:
    columns = {}
    for index, header in enumerate(header_row):
        field = _field_of(header)
        if field and field not in columns:
            columns[field] = index
    missing = [HEADERS[f][0] for f in REQUIRED if f not in columns]
    if missing:
        raise TableError(f"{file_name}: 缺少列 {'、'.join(missing)}(表头应包含 指标、期间、数值 等)")
    return columns


def entries_from_rows(rows, file_name: str, *, default_unit: str = "", header_row: int = 1,
                      with_base: bool = False) -> list[Entry]:
    """Entries from ROWS (the header first); row numbers are the file's own, 1-based."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise TableError(f"{file_name}: 文件是空的")
    columns = _columns(header, file_name)
    names = {f: f"{get_column_letter(i + 1)}列({header[i]})" for f, i in columns.items()}
    is_reliability = "note" in columns and str(header[columns["note"]]).strip() == "reliability"
    entries = []
    for number, row in enumerate(rows, start=header_row + 1):
        cells = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        if all(v in (None, "") for v in cells.values()):
            continue
        if is_reliability:
            cells["note"] = RELIABILITY_LABELS.get(_text(cells["note"]), cells["note"])
        entries.append(_entry(number, cells, names, default_unit, with_base))
    return entries


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _subject(cells: dict) -> tuple[str, str]:
    """The first subject column filled in: (kind, code or name); ("", "") for the unit's own figure."""
    for kind in subjects.kinds():
        text = _text(cells.get(kind.key))
        if text:
            return kind.key, text
    return "", ""


def _entry(number: int, cells: dict, names: dict, default_unit: str, with_base: bool) -> Entry:
    subject_kind, subject = _subject(cells)
    return Entry(
        row=number, series=_text(cells.get("series")), unit=_text(cells.get("unit")) or default_unit,
        period=_text(cells.get("period")), value=cells.get("value"), growth=cells.get("growth"),
        unit_of_measure=_text(cells.get("unit_of_measure")) or None, subject_kind=subject_kind, subject=subject,
        source=_text(cells.get("source")),
        note=_text(cells.get("note")), reason=_text(cells.get("reason")),
        based_on=(cells.get("based_on") or None) if with_base else ANY_BASE, columns=names)


def read_table(path: Path | str, content: bytes | None = None, *, default_unit: str = "",
               with_base: bool = False, bound: Limits | None = None) -> list[Entry]:
    """Entries of a .csv or .xlsx file (CONTENT when given, else read from PATH), within BOUND (the settings)."""
    path, bound = Path(path), bound or limits()
    try:
        return _read(path, content, default_unit, with_base, bound)
    except (TooLarge, Unparsable) as error:
        raise TableError(f"{path.name}: {error}") from None


def _read(path: Path, content: bytes | None, default_unit: str, with_base: bool, bound: Limits) -> list[Entry]:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".xlsm"):
        raise TableError(f"{path.name}: 只能读取 .xlsx 或 .csv 文件")
    if content is None:
        check_size(path.stat().st_size, bound)
        content = path.read_bytes()
    check_size(len(content), bound)
    deadline = Deadline(bound.seconds)
    if suffix == ".csv":
        rows = csv_rows(_decode(content, path.name), bound, deadline)
        return entries_from_rows(rows, path.name, default_unit=default_unit, with_base=with_base)
    return _read_xlsx(content, path.name, default_unit, with_base, bound, deadline)


def _decode(data: bytes, file_name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise TableError(f"{file_name}: 无法识别文件编码(请另存为 UTF-8 的 CSV)")


def _read_xlsx(data: bytes, file_name: str, default_unit: str, with_base: bool, bound: Limits,
               deadline: Deadline) -> list[Entry]:
    book = open_workbook(data, bound)
    if not book.worksheets:
        raise TableError(f"{file_name}: 工作簿中没有工作表")
    sheet = book["填报"] if "填报" in book.sheetnames else book.worksheets[0]
    rows = list(sheet_rows(sheet, bound, deadline))
    start = next((i for i, r in enumerate(rows) if any(_field_of(c) == "series" for c in r)), None)
    if start is None:
        raise TableError(f"{file_name}: 找不到表头行(应包含“指标”列)")
    meta = {str(r[0]).strip(): r[1] for r in rows[:start] if r and r[0] and len(r) > 1}
    unit = _text(meta.get("单位代码")) or default_unit
    return entries_from_rows(rows[start:], file_name, default_unit=unit, header_row=start + 1, with_base=with_base)


def filled(entries: list[Entry]) -> list[Entry]:
    """Rows with a value or a growth rate; a template's untouched rows are not submissions."""
    return [e for e in entries if e.value not in (None, "") or e.growth not in (None, "")]
