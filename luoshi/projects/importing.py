"""项目清单导入: a list of key projects from Excel or CSV, all or nothing.

Every bad cell is reported with its row, column, value and reason (`core.errors.EntryError`), and
nothing is written until the whole file is valid. A code already on the list updates that project.
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from openpyxl.utils import get_column_letter

from luoshi.accounts.scoping import CHANGE, in_reach
from luoshi.core.bulk import logged_rows
from luoshi.core.errors import EntryError
from luoshi.core.limits import problem as column_problem
from luoshi.figures.entries import NotANumber, parse_number
from luoshi.lib.bounded import (
    Deadline,
    TooLarge,
    Unparsable,
    check_size,
    csv_rows,
    limits,
    open_workbook,
    read_capped,
    sheet_rows,
)
from luoshi.projects.models import PlannedInvestment, Project
from luoshi.projects.planning import PLAN_FIELDS
from luoshi.units.models import Unit

MONTHS = tuple(f"{m}月" for m in range(1, 13))
COLUMNS = {"code": "项目编号", "name": "项目名称", "owner": "属地单位", "department": "责任部门",
           "industry": "所属行业", "location": "建设地点", "total_investment": "总投资(亿元)", "year": "计划年度"}
REQUIRED = ("code", "name", "owner")


class ImportRejected(Exception):
    """The file has bad cells; nothing was written."""

    def __init__(self, errors: list[EntryError]):
        super().__init__(f"{len(errors)} 处错误")
        self.errors = errors


@dataclass
class ProjectRow:
    row: int
    fields: dict = field(default_factory=dict)
    plan: dict[int, Decimal] = field(default_factory=dict)


def template() -> bytes:
    """项目清单模板: an empty workbook with the headers the import reads."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "项目清单"
    sheet.append([*COLUMNS.values(), *MONTHS])
    for index in range(1, len(COLUMNS) + len(MONTHS) + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 16 if index <= len(COLUMNS) else 8
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def content_of(upload) -> bytes:
    """The bytes of an uploaded list, its size checked before it is read."""
    try:
        return read_capped(upload, limits())
    except TooLarge as error:
        raise ImportRejected([EntryError(1, "文件", upload.name, str(error))]) from None


def rows_of(file_name: str, content: bytes) -> list[tuple]:
    """The rows of a .xlsx or .csv file, the header first (real extent, within the upload limits)."""
    bound = limits()
    try:
        check_size(len(content), bound)
        return list(_rows(file_name, content, bound, Deadline(bound.seconds)))
    except (TooLarge, Unparsable) as error:
        raise ImportRejected([EntryError(1, "文件", file_name, str(error))]) from None


def _rows(file_name: str, content: bytes, bound, deadline):
    suffix = Path(file_name).suffix.lower()
    if suffix == ".csv":
        return csv_rows(_decode(file_name, content), bound, deadline)
    if suffix not in (".xlsx", ".xlsm"):
        raise Unparsable("只能读取 .xlsx 或 .csv 文件")
    book = open_workbook(content, bound)
    if not book.worksheets:
        raise Unparsable("工作簿中没有工作表")
    return sheet_rows(book.worksheets[0], bound, deadline)


def _decode(file_name: str, content: bytes) -> str:
    encodings = ("utf-16",) if content.startswith((b"\xff\xfe", b"\xfe\xff")) else ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise Unparsable("无法识别文件编码(请另存为 UTF-8 的 CSV)")


def _header(header: tuple) -> dict[str, int]:
    names = {str(h or "").strip(): i for i, h in enumerate(header)}
    wanted = {**{k: v for k, v in COLUMNS.items()}, **{m: m for m in MONTHS}}
    found = {key: names[title] for key, title in wanted.items() if title in names}
    missing = [COLUMNS[k] for k in REQUIRED if k not in found]
    if missing:
        raise ImportRejected([EntryError(1, "表头", "、".join(map(str, header)), f"缺少列 {'、'.join(missing)}")])
    return found


class _Reader:
    """Reads one row's cells, collecting an `EntryError` per bad cell."""

    def __init__(self, columns: dict[str, int], units: dict[str, Unit]):
        self.columns, self.units, self.errors = columns, units, []

    def where(self, key: str) -> str:
        title = COLUMNS.get(key, key)
        return f"{get_column_letter(self.columns[key] + 1)}列({title})"

    def cell(self, row: tuple, key: str):
        index = self.columns.get(key)
        value = row[index] if index is not None and index < len(row) else None
        return value.strip() if isinstance(value, str) else value

    def fail(self, number: int, key: str, value, reason: str) -> None:
        self.errors.append(EntryError(number, self.where(key), "" if value is None else str(value), reason))

    def unit(self, number: int, row: tuple, key: str, required: bool) -> Unit | None:
        value = self.cell(row, key)
        if value in (None, ""):
            if required:
                self.fail(number, key, value, "必须填写")
            return None
        unit = self.units.get(str(value))
        if unit is None:
            self.fail(number, key, value, "没有这个单位(填写单位名称、简称或代码)")
        return unit

    def number(self, number: int, row: tuple, key: str, column: tuple = (Project, None)) -> Decimal | None:
        """The cell as a number the COLUMN (model, field; the key's own field of Project by default) holds."""
        value = self.cell(row, key)
        try:
            parsed = parse_number(value)
        except NotANumber:
            self.fail(number, key, value, "不是数字")
            return None
        if parsed is None:
            return None
        model, name = column
        reason = column_problem(model, name or key, parsed, year=key == "year")
        if reason or parsed < 0:
            self.fail(number, key, value, reason or "不能为负数")
            return None
        return parsed

    def text(self, number: int, row: tuple, key: str) -> str:
        """The cell as text within its column's length (the key's field of Project)."""
        value = self.cell(row, key)
        text = "" if value is None else str(value)
        reason = column_problem(Project, key, text)
        if reason:
            self.fail(number, key, f"{text[:20]}…", reason)
        return text


def _read_row(reader: _Reader, number: int, row: tuple) -> ProjectRow:
    found = ProjectRow(number)
    for key in ("code", "name"):
        found.fields[key] = reader.text(number, row, key)
        if not found.fields[key]:
            reader.fail(number, key, None, "必须填写")
    found.fields["owner"] = reader.unit(number, row, "owner", True)
    if "department" in reader.columns:
        found.fields["department"] = reader.unit(number, row, "department", False)
    for key in ("industry", "location"):
        if key in reader.columns:
            found.fields[key] = reader.text(number, row, key)
    if "total_investment" in reader.columns:
        found.fields["total_investment"] = reader.number(number, row, "total_investment")
    year = reader.number(number, row, "year") if "year" in reader.columns else None
    found.fields["year"] = int(year) if year is not None else None
    for month, title in enumerate(MONTHS, start=1):
        if title in reader.columns:
            amount = reader.number(number, row, title, (PlannedInvestment, "amount"))
            if amount is not None:
                found.plan[month] = amount
    if found.plan and found.fields["year"] is None:
        reader.fail(number, "year", None, "填写了分月计划,必须填写计划年度")
    return found


def _units() -> dict[str, Unit]:
    found = {}
    for unit in Unit.objects.active():
        for key in (unit.code, unit.name, unit.short_name):
            if key:
                found.setdefault(key, unit)
    return found


def read_projects(file_name: str, content: bytes) -> list[ProjectRow]:
    """Validated rows of the file; raises `ImportRejected` with every bad cell."""
    rows = rows_of(file_name, content)
    if not rows:
        raise ImportRejected([EntryError(1, "文件", file_name, "文件是空的")])
    reader = _Reader(_header(rows[0]), _units())
    found, seen = [], {}
    for number, row in enumerate(rows[1:], start=2):
        if all(c in (None, "") for c in row):
            continue
        project = _read_row(reader, number, row)
        code = project.fields["code"]
        if code and code in seen:
            reader.fail(number, "code", code, f"与第 {seen[code]} 行重复")
        seen[code] = number
        found.append(project)
    if reader.errors:
        raise ImportRejected(reader.errors)
    return found


def _may_import(user, rows: list[ProjectRow]) -> list[EntryError]:
    if user is None:
        return []
    return [EntryError(r.row, "C列(属地单位)", r.fields["owner"].name, _not_yours(user))
            for r in rows if not in_reach(user, r.fields["owner"], CHANGE)]


def _not_yours(user) -> str:
    return "只能导入本辖区单位的项目" if user.edits_plans else "只能导入本单位的项目"


@transaction.atomic
def import_projects(user, file_name: str, content: bytes, *, dry_run: bool = False) -> list[Project]:
    """Create or update every project of the file (and its monthly plan), or none."""
    rows = read_projects(file_name, content)
    errors = _may_import(user, rows)
    others = Project.objects.filter(Q(code__in=[r.fields["code"] for r in rows]))
    if user is not None:
        errors += [EntryError(r.row, "A列(项目编号)", r.fields["code"], "该编号属于其他单位的项目")
                   for r in rows for p in others if p.code == r.fields["code"] and not in_reach(user, p.owner, CHANGE)]
    if errors:
        raise ImportRejected(errors)
    if dry_run:
        return []
    return [_save(user, row) for row in rows]


def _save(user, row: ProjectRow) -> Project:
    fields = {k: v for k, v in row.fields.items() if k != "code"}
    project, created = Project.objects.update_or_create(code=row.fields["code"], defaults=fields)
    if created:
        project.created_by = user
        project.save(update_fields=["created_by"])
    if row.plan:
        with logged_rows(project, "planned", project.planned.filter(year=row.fields["year"]), PLAN_FIELDS):
            project.planned.filter(year=row.fields["year"]).delete()
            project.planned.bulk_create([project.planned.model(project=project, year=row.fields["year"], month=m,
                                                               amount=a) for m, a in sorted(row.plan.items())])
    return project
