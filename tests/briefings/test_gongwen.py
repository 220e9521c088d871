"""The briefing as a 公文 (GB/T 9704-2012): its PDF rendered to page images and its text read per page, its
.docx read back; the period list of the chosen plan; the same 未报送 list as the ranking page."""

import datetime as dt
import io
import re
import subprocess

import pytest
from django.test import override_settings
from django.urls import reverse
from docx.oxml.ns import qn

from luoshi.briefings import gongwen
from luoshi.briefings.content import BriefingError, build_briefing
from luoshi.briefings.outline import Column, Heading, Paragraph, Table
from luoshi.briefings.render import briefing_file, render
from luoshi.dashboard.board import build_ranking, visible_plans
from luoshi.dashboard.filters import BoardFilter
from luoshi.demo import loader
from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db
OFFICE = {"LUOSHI_ORGAN_NAME": "郑州市发展和改革委员会", "LUOSHI_DOC_NUMBER": "郑发改〔{year}〕{n}号",
          "LUOSHI_DOC_OPENNESS": "此件公开发布"}
ISSUED = dt.date(2024, 1, 15)
A4 = (595.3, 841.9)


@pytest.fixture
def actuals(plan):
    loader.load_actuals()
    return plan


@pytest.fixture
def briefing(actuals):
    return build_briefing(actuals, "2023", today=ISSUED, serial=3)


def pdf_pages(pdf: bytes, tmp_path) -> list[str]:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")[:-1]


def page_sizes(pdf: bytes, tmp_path) -> list[tuple[float, float]]:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]


def page_image(pdf: bytes, tmp_path, page: int = 1):
    from PIL import Image

    path = tmp_path / "b.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", str(page), "-l", str(page), "-singlefile", str(path),
                    str(tmp_path / "page")], check=True)
    return Image.open(tmp_path / "page.png").convert("RGB")


def is_red(pixel) -> bool:
    r, g, b = pixel
    return r > 200 and g < 90 and b < 90


@override_settings(**OFFICE)
def test_the_pdf_is_a_gongwen_with_red_header_number_a4_and_page_numbers(briefing, tmp_path):
    pdf = briefing_file(briefing, "pdf")
    sizes = page_sizes(pdf, tmp_path)
    assert sizes[0] == pytest.approx(A4, abs=0.5) and sizes[-1] == pytest.approx(A4, abs=0.5)
    assert pytest.approx(A4[::-1], abs=0.5) in sizes, "the wide tables are on landscape pages"
    image = page_image(pdf, tmp_path)
    width, height = image.size
    red_rows = {y for y in range(height) for x in range(0, width, 2) if is_red(image.getpixel((x, y)))}
    assert red_rows and max(red_rows) < height * 0.45, "the red 发文机关标志 and line are in the top area"
    assert not any(is_red(image.getpixel((x, y))) for y in range(int(height * 0.5), height) for x in range(0, width, 3))
    # the red separator: one pixel row red across most of the 版心 (156 of 210 mm)
    assert any(sum(is_red(image.getpixel((x, y))) for x in range(width)) > width * 0.6 for y in red_rows)
    pages = pdf_pages(pdf, tmp_path)
    first = pages[0]
    assert "郑州市发展和改革委员会文件" in first and "郑发改〔2024〕3号" in first
    assert first.index("郑发改〔2024〕3号") < first.index("郑州市2023年发展目标落实情况通报")
    for number, text in enumerate(pages, start=1):
        line = text.rstrip().splitlines()[-1]
        assert re.fullmatch(rf" *— ?{number} ?—", line), f"page {number} is numbered — {number} —"
        indent = len(line) - len(line.lstrip())
        assert indent > 30 if number % 2 else indent < 10, "odd pages numbered at the right, even at the left"
    last = pages[-1]
    assert "2024年1月15日印发" in last and "郑州市发展和改革委员会办公室" in last and "(此件公开发布)" in last
    assert "一、总体情况" in "".join(pages) and "(一)经济发展" in "".join(pages)


def test_the_pdf_embeds_open_fonts_from_the_font_package(briefing, tmp_path):
    path = tmp_path / "b.pdf"
    path.write_bytes(briefing_file(briefing, "pdf"))
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "LuoshiSerif" in fonts and "LuoshiSans" in fonts
    assert "LuoshiKai" in fonts, "楷体's stand-in (the (一) headings) is embedded too"
    assert all(" yes yes " in line for line in fonts.splitlines()[2:])
    meta = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Title:           郑州市2023年发展目标落实情况通报(2023年)" in meta
    assert "Author:          郑州市发展和改革委员会" in meta


def test_no_table_row_is_split_across_pages(tmp_path):
    """Tall rows (a long wrapped text between two markers) in a table that spans pages: each row's first and last
    line are on one page; the header row repeats."""
    long = "这一格的文字很长,要换成好几行才能排下," * 6
    rows = [[f"甲{i:02d}", f"{long}乙{i:02d}"] for i in range(40)]
    blocks = [Heading("测试表格的分页", 0), Heading("长表"), Table("长表", (Column("编号", layout="nowrap"), Column("说明")), rows)]
    head = gongwen.letterhead("郑州市", ISSUED, 1)
    pages = pdf_pages(render(blocks, "pdf", head), tmp_path)
    assert len(pages) >= 4
    for i in range(40):
        start = [n for n, text in enumerate(pages) if f"甲{i:02d}" in text]
        end = [n for n, text in enumerate(pages) if f"乙{i:02d}" in text]
        assert start == end and len(start) == 1, f"row {i} is on one page"
    assert all("编号" in text for text in pages[1:-1]), "the header row repeats on each page"


@override_settings(**OFFICE)
def test_the_docx_reads_back_as_a_gongwen(briefing):
    from docx import Document

    document = Document(io.BytesIO(briefing_file(briefing, "docx")))
    first = document.sections[0]
    assert (round(first.page_width.mm), round(first.page_height.mm)) == (210, 297)
    assert [round(m.mm) for m in (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)] == [
        37, 35, 28, 26]
    assert any(round(s.page_width.mm) == 297 for s in document.sections), "a landscape section for wide tables"
    fonts = {name: document.styles[name].element.rPr.rFonts.get(qn("w:eastAsia"))
             for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3")}
    assert fonts == {"Normal": "仿宋_GB2312", "Title": "方正小标宋简体", "Heading 1": "黑体",
                     "Heading 2": "楷体_GB2312", "Heading 3": "仿宋_GB2312"}
    assert document.styles["Normal"].font.size.pt == 16 and document.styles["Title"].font.size.pt == 22
    properties = document.core_properties
    assert properties.title == "郑州市2023年发展目标落实情况通报(2023年)"
    assert properties.author == "郑州市发展和改革委员会"
    texts = [p.text for p in document.paragraphs]
    mark = document.paragraphs[0]
    assert mark.text == "郑州市发展和改革委员会文件" and str(mark.runs[0].font.color.rgb) == gongwen.RED
    assert mark.runs[0].element.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"
    assert "郑发改〔2024〕3号" in texts and "(此件公开发布)" in texts
    assert "郑州市发展和改革委员会办公室\t2024年1月15日印发" in texts
    assert ("Heading 2", "(一)经济发展") in {(p.style.name, p.text) for p in document.paragraphs}
    rows = [row for table in document.tables for row in table.rows]
    assert rows and all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    assert document.settings.odd_and_even_pages_header_footer
    assert first.footer.paragraphs[0].text.startswith("— ") and "PAGE" in first.footer._element.xml
    assert first.even_page_footer.paragraphs[0].alignment == 0  # even pages: the number at the left


def test_headings_are_numbered_by_level_whatever_the_outline_wrote():
    blocks = [Heading("通报", 0), Heading("一、总体情况"), Paragraph("……"), Heading("产业链"),
              Heading("经济发展", 2), Heading("(三)创新", 2), Heading("细项", 3), Heading("招商引资")]
    assert [b.text for b in gongwen.numbered(blocks) if isinstance(b, Heading)] == [
        "通报", "一、总体情况", "二、产业链", "(一)经济发展", "(二)创新", "1.细项", "三、招商引资"]


def test_wide_tables_and_their_headings_go_on_landscape_pages():
    wide = Table("宽", tuple(Column(str(i)) for i in range(gongwen.WIDE_COLUMNS)), [])
    narrow = Table("窄", (Column("a"),), [])
    runs = gongwen.sections([Heading("t", 0), Heading("一"), narrow, Heading("二"), Heading("x", 2), wide, narrow])
    assert [(wide_, len(blocks)) for wide_, blocks in runs] == [(False, 3), (True, 3), (False, 1)]


def test_the_period_list_belongs_to_the_chosen_plan(actuals, client_for, leader):
    newer = Plan.objects.create(title="2026年目标", year=2026, region="郑州", status=Plan.Status.PUBLISHED,
                                 issuer=actuals.issuer)
    page = client_for(leader).get(reverse("briefings:index"), {"plan": actuals.pk}).content.decode()
    periods = re.findall(r'<option value="(\d{4}[^"]*)"', page.split('name="period"')[1].split("</select>")[0])
    assert periods and all(p.startswith("2023") for p in periods)
    assert f'name="plan" value="{actuals.pk}"' in page
    default = client_for(leader).get(reverse("briefings:index")).content.decode()
    assert f'name="plan" value="{newer.pk}"' in default and 'value="2026M1-2"' in default
    response = client_for(leader).get(reverse("briefings:download"), {"plan": actuals.pk, "period": "2026",
                                                                      "format": "docx"})
    assert response.status_code == 400 and "不属于所选规划" in response.content.decode()
    with pytest.raises(BriefingError):
        build_briefing(actuals, "2026")


def test_the_briefing_lists_the_same_late_units_as_the_ranking_page(actuals, leader):
    briefing = build_briefing(actuals, "2023", leader)
    ranking = build_ranking(leader, BoardFilter(plan=actuals.pk, period="2023"), list(visible_plans(leader)))
    assert [o.key for o in briefing.late] == [o.key for o in ranking.late]
