"""The briefing in three formats: docx (Word styles), xlsx (typed numbers with formats), PDF (CJK font embedded)."""

import io
import re
from pathlib import Path

from django.template.loader import render_to_string

from luoshi.briefings.content import BriefingError
from luoshi.briefings.outline import Heading, Paragraph, Table
from luoshi.core.spreadsheet import text_cell

FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "pdf": "application/pdf"}
NUMBER_FORMATS = {"number": "#,##0.00", "percent": "0.0%", "int": "0"}
FONT_DIRS = ("/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/noto", "/usr/share/fonts")
FONT_NAMES = ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSerifCJK-Regular.ttc")


def to_docx(blocks: list) -> bytes:
    """Word's own styles (Title, Heading 1/2, Table Grid), so an editor restyles the whole document at once."""
    from docx import Document

    document = Document()
    for block in blocks:
        if isinstance(block, Heading):
            document.add_heading(block.text, level=block.level)
        elif isinstance(block, Paragraph):
            document.add_paragraph(block.text)
        else:
            _docx_table(document, block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _docx_table(document, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.columns), style="Table Grid")
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = column.title
    for values in table.cells():
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            cell.text = value


def to_xlsx(blocks: list) -> bytes:
    """An overview sheet with the title and text, then one sheet per table with typed, formatted numbers."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    overview = book.active
    overview.title = "概况"
    names = {"概况"}
    for block in blocks:
        if isinstance(block, Table):
            _xlsx_sheet(book.create_sheet(_sheet_name(block.name, names)), block, Font(bold=True))
        else:
            overview.append([block.text])
            text_cell(overview.cell(overview.max_row, 1)).font = Font(bold=isinstance(block, Heading))
    overview.column_dimensions["A"].width = 90
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _sheet_name(name: str, taken: set) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "", name)[:28] or "表"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}{number}", number + 1
    taken.add(candidate)
    return candidate


def _xlsx_sheet(sheet, table: Table, bold) -> None:
    sheet.append([c.title for c in table.columns])
    for cell in sheet[1]:
        cell.font = bold
    for row in table.rows:
        sheet.append(row)
        for cell, column in zip(sheet[sheet.max_row], table.columns, strict=True):
            text_cell(cell)
            if column.fmt in NUMBER_FORMATS and cell.value is not None:
                cell.number_format = NUMBER_FORMATS[column.fmt]
    for letter, column in zip("ABCDEFGHIJ", table.columns, strict=False):
        sheet.column_dimensions[letter].width = 14 if column.fmt != "text" else 24
    sheet.freeze_panes = "A2"


def cjk_font() -> Path:
    """The Noto CJK font file (Debian fonts-noto-cjk); a clear error when it is not installed."""
    for directory in FONT_DIRS:
        for name in FONT_NAMES:
            found = next(Path(directory).rglob(name), None) if Path(directory).is_dir() else None
            if found:
                return found
    raise BriefingError("找不到中文字体 Noto Sans CJK:请安装 fonts-noto-cjk(apt-get install fonts-noto-cjk)后再生成 PDF。")


def to_pdf(blocks: list) -> bytes:
    """PDF through WeasyPrint, with the CJK font embedded so it reads the same on every machine."""
    from weasyprint import HTML

    html = render_to_string("briefings/briefing_pdf.html", {"blocks": blocks, "font": cjk_font().as_uri()})
    return HTML(string=html).write_pdf()


def render(blocks: list, fmt: str) -> bytes:
    renderers = {"docx": to_docx, "xlsx": to_xlsx, "pdf": to_pdf}
    if fmt not in renderers:
        raise BriefingError(f"不支持的格式 {fmt!r}:应为 docx、xlsx 或 pdf")
    return renderers[fmt](blocks)
