"""读表: an uploaded .xlsx read by its column titles, every bad cell an `EntryError` (row, column, value, reason).

The pieces every sheet import shares (the chain map, the leads list): the file read within the upload limits
(`luoshi.lib.bounded`), the header found by titles in any order, and a row's cells read as text within a column,
a choice, a yes/no flag, a date or a unit, each failure collected rather than raised, so that one pass names
every bad cell. What a row means stays with its import.
"""

import datetime as dt

from openpyxl.utils import get_column_letter

from luoshi.core.errors import EntryError
from luoshi.core.limits import problem as column_problem
from luoshi.lib.bounded import Deadline, TooLarge, Unparsable, check_size, limits, open_workbook, sheet_rows

YES, NO = ("是", "√", "Y", "YES", "TRUE", "1"), ("", "否", "×", "N", "NO", "FALSE", "0")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日")


class SheetRejected(Exception):
    """The file has bad cells; nothing was written."""

    def __init__(self, errors: list[EntryError]):
        super().__init__(f"{len(errors)} 处错误")
        self.errors = errors


def read_xlsx(content: bytes, file_name: str = "", sheet: str = "", rejected=SheetRejected) -> list[tuple]:
    """The rows of the sheet titled SHEET (else the first), header first, within the upload limits; a file that
    cannot be read raises REJECTED naming it (row 1, column 文件)."""
    bound = limits()
    try:
        check_size(len(content), bound)
        if file_name and not file_name.lower().endswith((".xlsx", ".xlsm")):
            raise Unparsable("只能读取 .xlsx 文件")
        book = open_workbook(content, bound)
        if not book.worksheets:
            raise Unparsable("工作簿中没有工作表")
        chosen = book[sheet] if sheet and sheet in book.sheetnames else book.worksheets[0]
        rows = list(sheet_rows(chosen, bound, Deadline(bound.seconds)))
    except (TooLarge, Unparsable) as error:
        raise rejected([EntryError(1, "文件", file_name, str(error))]) from None
    if not rows:
        raise rejected([EntryError(1, "文件", file_name, "文件是空的")])
    return rows


def filled(row: tuple) -> bool:
    return any(c not in (None, "") for c in row)


def keyed(units) -> dict:
    """UNITS by code, name and short name (the first unit wins a shared name): how a sheet names a unit."""
    found = {}
    for unit in units:
        for key in (unit.code, unit.name, unit.short_name):
            if key:
                found.setdefault(key, unit)
    return found


class SheetReader:
    """Reads the cells of the rows under HEADER by the titles of COLUMNS ({key: title}); every bad cell is
    appended to `errors` as an `EntryError` naming its row, column letter and title."""

    def __init__(self, header: tuple, columns: dict[str, str], required: tuple[str, ...] = ()):
        names = {str(h or "").strip(): i for i, h in enumerate(header)}
        self.titles = columns
        self.columns = {key: names[title] for key, title in columns.items() if title in names}
        self.errors: list[EntryError] = []
        missing = [columns[k] for k in required if k not in self.columns]
        if missing:
            self.errors.append(EntryError(1, "表头", "、".join(str(h or "") for h in header)[:200],
                                          f"缺少列 {'、'.join(missing)}"))

    def where(self, key: str) -> str:
        if key not in self.columns:
            return self.titles[key]
        return f"{get_column_letter(self.columns[key] + 1)}列({self.titles[key]})"

    def raw(self, row: tuple, key: str):
        index = self.columns.get(key)
        value = row[index] if index is not None and index < len(row) else None
        return value.strip() if isinstance(value, str) else value

    def cell(self, row: tuple, key: str) -> str:
        value = self.raw(row, key)
        return "" if value is None else str(value).strip()

    def fail(self, number: int, key: str, value, reason: str) -> None:
        self.errors.append(EntryError(number, self.where(key), "" if value is None else str(value)[:100], reason))

    def text(self, number: int, row: tuple, key: str, model, name: str, *, required: bool = False) -> str:
        """The cell as text MODEL's column NAME holds."""
        value = self.cell(row, key)
        if required and not value:
            self.fail(number, key, value, "必须填写")
        elif reason := column_problem(model, name, value):
            self.fail(number, key, value, reason)
        return value

    def choice(self, number: int, row: tuple, key: str, choices: dict, words: str) -> str:
        """The code of a choice written by its label or its code (CHOICES: {label: code}); "" when empty."""
        value = self.cell(row, key)
        if value and value not in choices and value not in choices.values():
            self.fail(number, key, value, f"应为 {words} 或留空")
            return ""
        return choices.get(value, value)

    def flag(self, number: int, row: tuple, key: str) -> bool:
        value = self.cell(row, key)
        if value.upper() not in (*YES, *NO):
            self.fail(number, key, value, "应为 是 或 否(留空为否)")
        return value.upper() in YES

    def date(self, number: int, row: tuple, key: str, model, name: str) -> dt.date | None:
        """A date cell (an Excel date, or text 2023-03-01, 2023/3/1, 2023年3月1日) MODEL's column NAME holds."""
        value = self.raw(row, key)
        if value in (None, ""):
            return None
        day = value.date() if isinstance(value, dt.datetime) else value if isinstance(value, dt.date) else None
        for layout in DATE_FORMATS if day is None and isinstance(value, str) else ():
            try:
                day = dt.datetime.strptime(value, layout).date()
                break
            except ValueError:
                continue
        reason = "不是日期(应为 2023-03-01 这样的日期)" if day is None else column_problem(model, name, day)
        if reason:
            self.fail(number, key, value, reason)
            return None
        return day

    def unit(self, number: int, row: tuple, key: str, units: dict, reason: str, *, required: bool = False):
        """The unit the cell names among UNITS (`keyed`); REASON when it names none of them."""
        value = self.cell(row, key)
        if not value:
            if required:
                self.fail(number, key, value, "必须填写")
            return None
        found = units.get(value)
        if found is None:
            self.fail(number, key, value, reason)
        return found
