"""The briefing as a Word 公文 (GB/T 9704-2012): A4 with 37/35/28/26 mm margins (版心 156 × 225 mm), the red
发文机关标志, 文号 and separator line, the title in 方正小标宋简体 二号, body in 仿宋_GB2312 三号, headings in
黑体 / 楷体_GB2312 / 仿宋_GB2312 bold, "— 1 —" page numbers at the outside corners, 署名, 成文日期, 公开属性 and
the 印发 line. Font families are set for East Asian text too (w:eastAsia), so Word on a government PC uses them;
Word's own styles (Title, Heading 1–3, Table Grid) carry them, so an editor restyles the whole at once."""

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from luoshi.briefings.gongwen import OFFICIAL_FONTS, RED, Letterhead, mark_size, sections, title_of
from luoshi.briefings.outline import Heading, Paragraph, Table

SIZE = {"二号": Pt(22), "三号": Pt(16), "四号": Pt(14), "五号": Pt(10.5)}
LINE = Pt(28.9)  # 22 lines in the 225 mm 版心
PORTRAIT = {"width": Mm(210), "height": Mm(297), "top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
LANDSCAPE = {"width": Mm(297), "height": Mm(210), "top": Mm(28), "bottom": Mm(26), "left": Mm(35), "right": Mm(37)}
HEADINGS = {1: ("heading1", False), 2: ("heading2", False), 3: ("heading3", True)}


def set_font(target, family: str, size, bold: bool = False, color: str = "000000") -> None:
    """FAMILY for Latin and East Asian text alike (no theme font left to override it), at SIZE."""
    target.font.name, target.font.size, target.font.bold = family, size, bold
    target.font.color.rgb = RGBColor.from_string(color)
    fonts = target.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), family)


def _line(style, indent: bool = True) -> None:
    fmt = style.paragraph_format
    fmt.line_spacing_rule, fmt.line_spacing = WD_LINE_SPACING.EXACTLY, LINE
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = SIZE["三号"] * 2 if indent else Pt(0)


def _styles(document) -> None:
    styles = document.styles
    set_font(styles["Normal"], OFFICIAL_FONTS["body"], SIZE["三号"])
    _line(styles["Normal"])
    title = styles["Title"]
    set_font(title, OFFICIAL_FONTS["title"], SIZE["二号"])
    _line(title, indent=False)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.line_spacing = Pt(36)
    border = title.element.pPr.find(qn("w:pBdr"))
    if border is not None:
        title.element.pPr.remove(border)
    for level, (role, bold) in HEADINGS.items():
        style = styles[f"Heading {level}"]
        set_font(style, OFFICIAL_FONTS[role], SIZE["三号"], bold)
        style.font.italic = False
        _line(style)
        style.paragraph_format.keep_with_next = True
    cell = styles.add_style("Table Text", 1)
    cell.base_style = styles["Normal"]
    set_font(cell, OFFICIAL_FONTS["body"], SIZE["五号"])
    cell.paragraph_format.first_line_indent = Pt(0)
    cell.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


def _page(section, layout: dict) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if layout is LANDSCAPE else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = layout["width"], layout["height"]
    section.top_margin, section.bottom_margin = layout["top"], layout["bottom"]
    section.left_margin, section.right_margin = layout["left"], layout["right"]
    section.footer_distance = Mm(28)  # the page number's dash 7 mm below the 版心


def _field_part(paragraph, kind: str, instruction: str) -> None:
    run = paragraph.add_run()
    set_font(run, OFFICIAL_FONTS["page"], SIZE["四号"])
    if kind == "code":
        element = OxmlElement("w:instrText")
        element.set(qn("xml:space"), "preserve")
        element.text = instruction
    else:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    run._r.append(element)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE) that Word computes on each page."""
    for kind in ("begin", "code", "separate", "end"):
        _field_part(paragraph, kind, instruction)


def _page_number(footer, alignment) -> None:
    """— 1 — in 四号 宋体, one character in from the outside edge (odd pages right, even pages left)."""
    paragraph = footer.paragraphs[0]
    paragraph.alignment = alignment
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.right_indent = SIZE["四号"] if alignment == WD_ALIGN_PARAGRAPH.RIGHT else Pt(0)
    fmt.left_indent = SIZE["四号"] if alignment == WD_ALIGN_PARAGRAPH.LEFT else Pt(0)
    set_font(paragraph.add_run("— "), OFFICIAL_FONTS["page"], SIZE["四号"])
    _field(paragraph, "PAGE")
    set_font(paragraph.add_run(" —"), OFFICIAL_FONTS["page"], SIZE["四号"])


def _border(paragraph, side: str, color: str, eighths: int, space: int = 1) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = ppr.find(qn("w:pBdr"))
    if borders is None:
        borders = OxmlElement("w:pBdr")
        ppr.append(borders)
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", "single"), ("w:sz", str(eighths)), ("w:space", str(space)), ("w:color", color)):
        edge.set(qn(key), value)
    borders.append(edge)


def _plain(document, text: str, role: str, size, alignment=WD_ALIGN_PARAGRAPH.CENTER, color: str = "000000"):
    paragraph = document.add_paragraph()
    paragraph.alignment = alignment
    paragraph.paragraph_format.first_line_indent = Pt(0)
    set_font(paragraph.add_run(text), OFFICIAL_FONTS[role], size, color=color)
    return paragraph


def _head(document, head: Letterhead) -> None:
    """版头: the red 发文机关标志 35 mm below the 版心's top, the 文号 two lines below, the red line 4 mm under it."""
    mark = _plain(document, head.mark, "mark", Pt(mark_size(head)), color=RED)
    mark.paragraph_format.space_before = Mm(35)
    mark.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    number = _plain(document, head.number, "body", SIZE["三号"])
    number.paragraph_format.space_before = LINE * 2
    _border(number, "bottom", RED, 18, space=11)
    document.add_paragraph()


def _table(document, table: Table) -> None:
    """Table Grid, the header row repeated on each page, no row split across pages (cantSplit)."""
    grid = document.add_table(rows=1, cols=len(table.columns), style="Table Grid")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
        cell.text = column.title
        cell.paragraphs[0].style = "Table Text"
        cell.paragraphs[0].runs[0].font.bold = True
    _row_properties(grid.rows[0], header=True)
    for values in table.cells():
        row = grid.add_row()
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            cell.paragraphs[0].style = "Table Text"
        _row_properties(row)


def _row_properties(row, header: bool = False) -> None:
    properties = row._tr.get_or_add_trPr()
    for name in ("w:cantSplit", *(["w:tblHeader"] if header else [])):
        properties.append(OxmlElement(name))


def _closing(document, head: Letterhead) -> None:
    """署名 and 成文日期 (右空四字), the 公开属性 under them (居左空二字), then the 印发 line between two rules."""
    document.add_paragraph()
    for text in (head.organ, head.issued_text):
        paragraph = _plain(document, text, "body", SIZE["三号"], WD_ALIGN_PARAGRAPH.RIGHT)
        paragraph.paragraph_format.right_indent = SIZE["三号"] * 4
    document.add_paragraph(f"({head.openness})")
    document.add_paragraph()
    colophon = _plain(document, f"{head.printer}\t{head.issued_text}印发", "body", SIZE["四号"],
                      WD_ALIGN_PARAGRAPH.LEFT)
    fmt = colophon.paragraph_format
    fmt.left_indent = fmt.right_indent = SIZE["四号"]
    fmt.tab_stops.add_tab_stop(Mm(156) - SIZE["四号"] * 2, WD_TAB_ALIGNMENT.RIGHT)
    _border(colophon, "top", "000000", 8)
    _border(colophon, "bottom", "000000", 8)


def _block(document, block) -> None:
    if isinstance(block, Heading):
        document.add_paragraph(block.text, style="Title" if block.level == 0 else f"Heading {min(block.level, 3)}")
    elif isinstance(block, Paragraph):
        document.add_paragraph(block.text)
    else:
        _table(document, block)


def to_docx(blocks: list, head: Letterhead) -> bytes:
    document = Document()
    _styles(document)
    document.settings.odd_and_even_pages_header_footer = True
    first = document.sections[0]
    _page(first, PORTRAIT)
    _page_number(first.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _page_number(first.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)
    _head(document, head)
    for i, (wide, run) in enumerate(sections(blocks)):
        _page(document.add_section(WD_SECTION.NEW_PAGE) if i else first, LANDSCAPE if wide else PORTRAIT)
        for block in run:
            _block(document, block)
    if document.sections[-1].orientation == WD_ORIENT.LANDSCAPE:
        _page(document.add_section(WD_SECTION.NEW_PAGE), PORTRAIT)
    _closing(document, head)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title_of(blocks), head.organ, head.organ
    properties.comments = head.number
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
