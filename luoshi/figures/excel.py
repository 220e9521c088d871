"""Excel 模板: a unit's figures for one period as a protected workbook to fill in and upload again.

The template carries its structure in locked cells (series, period, unit of measure, last values)
and a hidden column with the revision each row was read at, so an upload can detect a conflict.
Its headers are those `tabular.read_table` reads, so the filled file goes through the same checks.
"""

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from luoshi.core.spreadsheet import text_cell
from luoshi.figures import subjects
from luoshi.figures.slots import Slot
from luoshi.lib.periods import Period
from luoshi.units.models import Unit

SERIES_COLUMN = ("指标", 26, False)
COLUMNS = [  # header, width, filled by the reporter; after 指标, a column per subject kind (see `columns`)
    ("期间", 10, False), ("计量单位", 9, False),
    ("上期", 9, False), ("上期数值", 12, False), ("当前数值", 12, False), ("当前增速(%)", 11, False),
    ("数值", 12, True), ("增速(%)", 10, True), ("来源", 24, True), ("说明", 24, True), ("修改原因", 20, True),
    ("基于版本", 8, False),
]
HEADER_ROW = 7
INPUT = PatternFill("solid", fgColor="FFFFFF")
LOCKED = PatternFill("solid", fgColor="EEF1F5")
NUMBER_FORMAT = "#,##0.00##"


def _number(value):
    return None if value is None else float(value)


def columns() -> list[tuple[str, int, bool]]:
    """The template's columns: 指标, one per registered subject kind (项目 for key projects), then the rest."""
    return [SERIES_COLUMN, *((kind.headers[0], 22, False) for kind in subjects.kinds()), *COLUMNS]


def _row(slot: Slot) -> list:
    head, previous = slot.head, slot.previous
    prev_rev = previous.head_revision if previous else None
    own = [slot.subject_code or None if slot.subject_kind == kind.key else None for kind in subjects.kinds()]
    return [
        slot.series.name, *own, slot.period.code,
        slot.series.unit_of_measure, previous.period_obj.label_zh if previous else None,
        _number(prev_rev.value) if prev_rev else None, _number(head.value) if head else None,
        _number(head.growth) if head else None, _number(head.value) if head else None,
        _number(head.growth) if head else None, head.source if head else None, None, None,
        head.pk if head else None,
    ]


def _heading(sheet, unit: Unit, period: Period) -> None:
    sheet["A1"] = "落实 Luoshi · 数据填报模板"
    sheet["A1"].font = Font(size=14, bold=True)
    for row, (label, value) in enumerate((("单位", unit.name), ("单位代码", unit.code),
                                          ("期间", period.label_zh_full), ("期间代码", period.code)), start=2):
        sheet.cell(row, 1, label).font = Font(bold=True)
        sheet.cell(row, 2, value)
    sheet["A6"] = "只填写白色单元格(数值、增速、来源、说明、修改原因);其余单元格已锁定。数值为本期累计数。"
    sheet["A6"].font = Font(italic=True, color="5F6B7A")


def _columns(sheet) -> None:
    for index, (header, width, _) in enumerate(columns(), start=1):
        cell = sheet.cell(HEADER_ROW, index, header)
        cell.font = Font(bold=True)
        cell.fill = LOCKED
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.column_dimensions[get_column_letter(len(columns()))].hidden = True
    sheet.freeze_panes = sheet.cell(HEADER_ROW + 1, 2)


def _body(sheet, slots: Iterable[Slot]) -> int:
    row, layout = HEADER_ROW, columns()
    for row, slot in enumerate(slots, start=HEADER_ROW + 1):
        for column, value in enumerate(_row(slot), start=1):
            cell = text_cell(sheet.cell(row, column, value))
            editable = layout[column - 1][2]
            cell.protection = Protection(locked=not editable)
            cell.fill = INPUT if editable else LOCKED
            if isinstance(value, float) or layout[column - 1][0] in ("数值", "增速(%)"):
                cell.number_format = NUMBER_FORMAT
    return row


def _numbers_only(sheet, last_row: int) -> None:
    if last_row <= HEADER_ROW:
        return
    rule = DataValidation(type="decimal", operator="between", formula1="-1000000000000", formula2="1000000000000",
                          allow_blank=True, showErrorMessage=True, errorTitle="不是数字",
                          error="请填写数字(数值为本期累计数,增速单位为 %)")
    headers = [header for header, _, _ in columns()]
    first, last = (get_column_letter(headers.index(h) + 1) for h in ("数值", "增速(%)"))
    rule.add(f"{first}{HEADER_ROW + 1}:{last}{last_row}")
    sheet.add_data_validation(rule)


def template(unit: Unit, period: Period, slots: list[Slot]) -> bytes:
    """The workbook for UNIT and PERIOD with one row per slot, structure locked."""
    book = Workbook()
    sheet = book.active
    sheet.title = "填报"
    _heading(sheet, unit, period)
    _columns(sheet)
    last_row = _body(sheet, slots)
    _numbers_only(sheet, last_row)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    book.security.lockStructure = True
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(unit: Unit, period: Period) -> str:
    return f"填报-{unit.code}-{period.code}.xlsx"
