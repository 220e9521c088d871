"""分解表 (Excel): a target's quotas as a workbook to download, fill in and upload again.

Columns 单位代码, 单位名称, 分解值; a row is read by its code (the name is only for the reader) and a row
without a quota gives the unit none. Uploading is all or nothing: every bad row comes back with its
row, column and reason, and nothing is written.
"""

import io
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from luoshi.lib.bounded import (
    Deadline,
    TooLarge,
    Unparsable,
    check_size,
    limits,
    open_workbook,
    read_capped,
    sheet_rows,
)
from luoshi.plans.decomposition import QuotaProblem, QuotaResult, QuotasRejected, set_quotas
from luoshi.plans.models import Target
from luoshi.units.models import Unit

CODE, NAME, VALUE = "单位代码", "单位名称", "分解值"
HEADERS = (CODE, NAME, VALUE)


def workbook(target: Target, units) -> bytes:
    """The target's decomposition table: every unit of UNITS, with its current quota where it has one."""
    quotas = {a.unit_id: a.value for a in target.assignments.all()}
    book = Workbook()
    sheet = book.active
    sheet.title = _("任务分解")
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for unit in units:
        value = quotas.get(unit.pk)
        sheet.append([unit.code, unit.name, float(value) if value is not None else None])
    sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = 14, 28
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(target: Target) -> str:
    return f"任务分解-{target.indicator}-{target.period}.xlsx"


def cell_name(row: int, column: str) -> str:
    return _("第%(row)s行“%(column)s”列") % {"row": row, "column": column}


def content_of(upload) -> bytes:
    """The bytes of an uploaded table, its size checked before it is read."""
    try:
        return read_capped(upload, limits())
    except TooLarge as error:
        raise QuotasRejected([QuotaProblem(_("文件"), str(error))]) from None


def _rows(content: bytes):
    """The rows of the table's first sheet (its real extent, within the upload limits)."""
    bound = limits()
    try:
        check_size(len(content), bound)
        book = open_workbook(content, bound)
        sheet = book.active or (book.worksheets or [None])[0]
        if sheet is None:
            raise Unparsable(_("工作簿中没有工作表"))
        return iter(list(sheet_rows(sheet, bound, Deadline(bound.seconds))))
    except (TooLarge, Unparsable) as error:
        raise QuotasRejected([QuotaProblem(_("文件"), str(error))]) from None


def _columns(rows) -> dict[str, int]:
    header = next(rows, None) or ()
    columns = {str(cell).strip(): index for index, cell in enumerate(header) if cell is not None}
    missing = [name for name in (CODE, VALUE) if name not in columns]
    if missing:
        raise QuotasRejected([QuotaProblem(_("第1行"), _("缺少列:%(names)s") % {"names": "、".join(missing)})])
    return columns


def _text(row: tuple, index: int) -> str:
    value = row[index] if index < len(row) else None
    return "" if value is None else str(value).strip()


def _number(raw: str) -> Decimal | None:
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        return None
    return value if value.is_finite() and (not value or -30 <= value.adjusted() <= 30) else None


def _read_row(number: int, code: str, raw: str, units: dict, seen: dict) -> tuple[Unit | None, Decimal | None, str]:
    """(unit, quota, "") for a good row, else (None, None, the reason); the reason's column is said by the caller."""
    if code not in units:
        return None, None, _("没有代码为 %(code)s 的单位") % {"code": code}
    if code in seen:
        return None, None, _("单位 %(code)s 与第%(first)s行重复") % {"code": code, "first": seen[code]}
    seen[code] = number
    return units[code], _number(raw), ""


def read_quotas(content: bytes) -> tuple[dict[Unit, Decimal], dict[str, int]]:
    """({unit: quota}, {unit code: row}) of an uploaded table; QuotasRejected lists every bad row."""
    rows = _rows(content)
    columns = _columns(rows)
    units = {u.code: u for u in Unit.objects.all()}
    quotas, problems, seen = {}, [], {}
    for number, row in enumerate(rows, start=2):
        code, raw = _text(row, columns[CODE]), _text(row, columns[VALUE])
        if not raw:
            continue
        if not code:
            problems.append(QuotaProblem(cell_name(number, CODE), _("有分解值但缺少单位代码")))
            continue
        unit, value, reason = _read_row(number, code, raw, units, seen)
        if reason:
            problems.append(QuotaProblem(cell_name(number, CODE), reason))
        elif value is None:
            problems.append(QuotaProblem(cell_name(number, VALUE), _("“%(raw)s”不是数字") % {"raw": raw}, "value"))
        else:
            quotas[unit] = value
    if problems:
        raise QuotasRejected(problems)
    return quotas, seen


def upload(target: Target, content: bytes, user) -> QuotaResult:
    """The uploaded table becomes the target's decomposition; every problem is named by row and column."""
    quotas, rows = read_quotas(content)
    try:
        return set_quotas(target, quotas, user)
    except QuotasRejected as rejected:
        raise QuotasRejected([located(problem, rows) for problem in rejected.problems]) from None


def located(problem: QuotaProblem, rows: dict[str, int]) -> QuotaProblem:
    """A domain problem (named by unit code) named by the row and column of the file it came from."""
    if problem.where not in rows:
        return QuotaProblem(f"{problem.where}({_('不在上传的表中')})", problem.reason, problem.field)
    column = VALUE if problem.field == "value" else CODE
    return QuotaProblem(cell_name(rows[problem.where], column), problem.reason, problem.field)
