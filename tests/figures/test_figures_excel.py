"""The Excel round trip: download the unit's template, fill it, upload, preview, confirm."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from luoshi.figures.models import FigureRevision

pytestmark = pytest.mark.django_db
PERIOD = "2023M06"


def download(client, unit="", period=PERIOD):
    response = client.get(reverse("figures:template"), {"unit": unit, "period": period})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def rows_of(book):
    sheet = book["填报"]
    header = [c.value for c in sheet[7]]
    return sheet, header, [dict(zip(header, (c.value for c in row), strict=False)) for row in sheet.iter_rows(min_row=8)]


def save(book) -> io.BytesIO:
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    out.name = "填报.xlsx"
    return out


def test_template_is_the_reporters_own_unit_with_locked_structure(client_for, jinshui_reporter, assignments):
    book = download(client_for(jinshui_reporter), unit="410103")
    sheet, header, rows = rows_of(book)
    assert sheet["B2"].value == "金水区" and sheet["B3"].value == "410105"
    assert [r["指标"] for r in rows] == ["固定资产投资"] and rows[0]["计量单位"] == "亿元"
    assert sheet.protection.sheet and book.security.lockStructure
    value_cell = sheet.cell(8, header.index("数值") + 1)
    series_cell = sheet.cell(8, header.index("指标") + 1)
    assert value_cell.protection.locked is False and series_cell.protection.locked is True
    based_on = get_column_letter(header.index("基于版本") + 1)  # after a column per subject kind
    assert sheet.column_dimensions[based_on].hidden


def test_round_trip_preview_then_confirm(client_for, jinshui_reporter, analyst, assignments):
    client = client_for(jinshui_reporter)
    book = download(client)
    sheet, header, _ = rows_of(book)
    sheet.cell(8, header.index("数值") + 1, 456.7)
    sheet.cell(8, header.index("增速(%)") + 1, 9.5)
    sheet.cell(8, header.index("来源") + 1, "金水区统计局快报")
    preview = client.post(reverse("figures:upload"), {"file": save(book)})
    assert preview.status_code == 200 and "预览" in preview.content.decode()
    assert not FigureRevision.objects.exists()
    upload_id = preview.context["preview"].upload.pk
    applied = client.post(reverse("figures:upload_apply", args=[upload_id]))
    assert applied.status_code == 302
    revision = FigureRevision.objects.get()
    assert (float(revision.value), float(revision.growth), revision.channel, revision.status) == (
        456.7, 9.5, "excel", "submitted")
    assert client.post(reverse("figures:upload_apply", args=[upload_id])).status_code == 409

    again = download(client)
    _, header, rows = rows_of(again)
    assert rows[0]["基于版本"] == revision.pk and rows[0]["当前数值"] == 456.7


def test_a_bad_file_is_refused_whole_with_row_column_value_reason(client_for, jinshui_reporter, assignments):
    client = client_for(jinshui_reporter)
    book = download(client)
    sheet, header, _ = rows_of(book)
    sheet.protection.sheet = False
    sheet.cell(8, header.index("数值") + 1, "待定")
    sheet.cell(9, header.index("指标") + 1, "固定资产投资")
    sheet.cell(9, header.index("期间") + 1, "2023M05")
    sheet.cell(9, header.index("数值") + 1, 100)
    sheet.cell(9, header.index("计量单位") + 1, "万元")
    response = client.post(reverse("figures:upload"), {"file": save(book)})
    assert response.status_code == 422
    errors = {(e.row, e.column, e.value, e.reason) for e in response.context["validation"].errors}
    value, unit = (get_column_letter(header.index(name) + 1) for name in ("数值", "计量单位"))
    assert (8, f"{value}列(数值)", "待定", "不是数字") in errors
    assert (9, f"{unit}列(计量单位)", "万元", "计量单位应为“亿元”") in errors
    assert not FigureRevision.objects.exists()
    page = response.content.decode()
    assert f"{value}列(数值)" in page and "不是数字" in page


def test_another_units_template_uploaded_by_a_reporter_is_refused(client_for, jinshui_reporter, analyst,
                                                                  erqi_reporter, assignments):
    erqi_book = download(client_for(erqi_reporter))
    sheet, header, _ = rows_of(erqi_book)
    sheet.cell(8, header.index("数值") + 1, 10)
    response = client_for(jinshui_reporter).post(reverse("figures:upload"), {"file": save(erqi_book)})
    assert response.status_code == 422
    assert "只能填报金水区" in response.content.decode()
    assert not FigureRevision.objects.exists()


def test_a_file_that_is_not_a_table_is_refused_with_its_name(client_for, analyst, assignments):
    junk = io.BytesIO(b"not a spreadsheet")
    junk.name = "数据.xlsx"
    response = client_for(analyst).post(reverse("figures:upload"), {"file": junk})
    assert response.status_code == 422 and "数据.xlsx" in response.content.decode()
