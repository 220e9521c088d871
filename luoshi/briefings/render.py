"""The briefing in three formats: docx and PDF as a 公文 (GB/T 9704), xlsx with typed numbers and formats."""

import io
import re
from pathlib import Path

from django.template.loader import render_to_string

from luoshi.briefings.content import Briefing, BriefingError
from luoshi.briefings.gongwen import Letterhead, letterhead, mark_size, numbered, sections, title_of
from luoshi.briefings.outline import Heading, Table, outline
from luoshi.core.spreadsheet import text_cell

FORMATS = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "pdf": "application/pdf"}
NUMBER_FORMATS = {"number": "#,##0.00", "percent": "0.0%", "int": "0"}


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


#: 楷体's stand-in, shipped with Luoshi: LXGW WenKai 1.311 (SIL OFL 1.1, from the npm package
#: @fontsource/lxgw-wenkai 5.3.0), cut to GB 2312 and ASCII by fontTools (see fonts/README.md).
KAI = Path(__file__).parent / "fonts" / "LXGWWenKai-GB2312.ttf"


def fonts() -> dict[str, Path]:
    """The open fonts the PDF embeds for the official ones: Noto Serif SC (宋/仿宋/小标宋) and Noto Sans SC
    (黑体) from the pylopdf-fonts-zh-cn package, LXGW WenKai (楷) shipped in the package, all SIL OFL 1.1, so
    no system font package is needed."""
    try:
        import pylopdf_fonts_zh_cn as package
    except ImportError as exc:
        raise BriefingError("找不到中文字体包:请安装 pylopdf-fonts-zh-cn(pip install -r requirements.lock)后再生成 PDF。") from exc
    found = {"serif": package.serif_path(), "sans": package.sans_path(), "kai": KAI}
    missing = [str(path) for path in found.values() if not path.is_file()]
    if missing:
        raise BriefingError(f"找不到中文字体文件 {'、'.join(missing)}:请重新安装 pylopdf-fonts-zh-cn。")
    return found


def _pdf_table(block: Table) -> dict:
    classes = [c.layout or ("n" if c.fmt != "text" else "") for c in block.columns]
    return {"kind": "table", "columns": list(zip(block.columns, classes, strict=True)),
            "cells": [list(zip(row, classes, strict=True)) for row in block.cells()]}


def to_pdf(blocks: list, head: Letterhead) -> bytes:
    """The 公文 as PDF through WeasyPrint: GB/T 9704 page, red header, wide tables on landscape pages."""
    from weasyprint import HTML

    runs = [(wide, [_pdf_table(b) if isinstance(b, Table) else b for b in run]) for wide, run in sections(blocks)]
    html = render_to_string("briefings/gongwen_pdf.html", {
        "head": head, "title": title_of(blocks), "sections": runs, "fonts": {k: v.as_uri() for k, v in fonts().items()},
        "mark_size": mark_size(head)})
    return HTML(string=html).write_pdf()


def render(blocks: list, fmt: str, head: Letterhead) -> bytes:
    """BLOCKS as FMT; docx and PDF are 公文 under HEAD, xlsx is the data."""
    from luoshi.briefings.word import to_docx

    renderers = {"docx": to_docx, "xlsx": lambda b, _head: to_xlsx(b), "pdf": to_pdf}
    if fmt not in renderers:
        raise BriefingError(f"不支持的格式 {fmt!r}:应为 docx、xlsx 或 pdf")
    return renderers[fmt](numbered(blocks), head)


def briefing_file(briefing: Briefing, fmt: str) -> bytes:
    """A plan's briefing as FMT, under the installation's letterhead."""
    head = letterhead(briefing.region, briefing.issued, briefing.number_serial)
    return render(outline(briefing), fmt, head)
