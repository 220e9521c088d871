"""Figures that cannot be corrupted: no older revision approved over a newer one, no number the
database or the indicator cannot hold, and no page that fails on any figure the database holds."""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

import openpyxl
import pytest
from django.db import DataError, IntegrityError, connection, transaction

from luoshi.accounts.models import ApiToken
from luoshi.cli import main
from luoshi.figures import uploads
from luoshi.figures.models import Figure, FigureRevision, Series
from luoshi.figures.submission import FiguresRejected, StaleRevision, approve, return_revision, submit
from tests.figures.conftest import TODAY, entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(jinshui_reporter, assignments):
    """金水区 reports 固定资产投资 for March as 130, then corrects it to 125 before anyone reviews."""
    first = submit(jinshui_reporter, [entry(value=130, source="区统计局快报")], today=TODAY).written[0]
    second = submit(jinshui_reporter, [entry(value=125, reason="快报更正", based_on=first.pk)],
                    today=TODAY).written[0]
    return first, second


def test_the_older_revision_cannot_be_approved_over_a_pending_correction(two_versions, analyst):
    first, second = two_versions
    with pytest.raises(StaleRevision) as refused:
        approve(first, analyst)
    message = str(refused.value)
    assert "第 1 版(数值 130)" in message and "第 2 版(数值 125,待审核)" in message
    figure = Figure.objects.get(pk=first.figure_id)
    assert figure.value is None and figure.approved_revision is None
    assert FigureRevision.objects.get(pk=first.pk).status == FigureRevision.Status.SUBMITTED


def test_after_the_correction_is_approved_the_older_one_still_cannot_come_back(two_versions, analyst):
    first, second = two_versions
    approve(second, analyst)
    with pytest.raises(StaleRevision, match="已采用"):
        approve(first, analyst)
    figure = Figure.objects.get(pk=first.figure_id)
    assert figure.value == Decimal(125) and figure.approved_revision_id == second.pk


def test_the_older_revision_is_approvable_once_the_correction_is_returned(two_versions, analyst):
    first, second = two_versions
    return_revision(second, analyst, "更正依据不足")
    approve(first, analyst)
    figure = Figure.objects.get(pk=first.figure_id)
    assert figure.value == Decimal(130) and figure.approved_revision_id == first.pk


def test_the_api_answers_409_with_both_values(two_versions, analyst, client):
    first, second = two_versions
    _, key = ApiToken.issue(analyst, "test")
    response = client.post(f"/api/v1/revisions/{first.pk}/approve", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 409
    body = response.json()
    assert "早于第 2 版" in body["error"]
    assert [(d["role"], d["number"], d["value"], d["status"]) for d in body["detail"]] == [
        ("yours", 1, 130.0, "submitted"), ("newer", 2, 125.0, "submitted")]


def test_the_review_page_shows_both_values(two_versions, analyst, client_for):
    first, _ = two_versions
    response = client_for(analyst).post(f"/figures/review/{first.pk}/approve/", HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "数值 130" in response.content.decode() and "数值 125" in response.content.decode()


def test_the_cli_refuses_with_both_values(two_versions, analyst, capsys):
    first, second = two_versions
    assert main(["approve", str(first.pk), "--as", "analyst"]) == 1
    assert "数值 130" in capsys.readouterr().err
    assert main(["approve", str(second.pk), "--as", "analyst"]) == 0
    assert Figure.objects.get(pk=second.figure_id).value == Decimal(125)


# --- numbers the database and the indicator can hold -----------------------------------------------

BAD_CELLS = [
    ({"value": "99999999999999999999"}, "value", "超出可保存的范围"),
    ({"value": 1e20}, "value", "超出可保存的范围"),
    ({"value": "1000000000000000"}, "value", "超出可保存的范围"),
    ({"value": "-999999999999999.99999"}, "value", "超出可保存的范围"),
    ({"value": "NaN"}, "value", "不是有限的数字"),
    ({"value": "-Infinity"}, "value", "不是有限的数字"),
    ({"growth": "2000000"}, "growth", "增速应在"),
    ({"value": -5}, "value", "不能为负数"),
]


@pytest.mark.parametrize(("cells", "column", "reason"), BAD_CELLS)
def test_one_validation_refuses_what_cannot_be_held(analyst, assignments, cells, column, reason):
    with pytest.raises(FiguresRejected) as rejected:
        submit(analyst, [entry(row=7, unit="410100", **cells)], today=TODAY)
    [error] = rejected.value.validation.errors
    assert (error.row, error.column) == (7, column) and reason in error.reason
    assert not FigureRevision.objects.exists()


def test_negatives_pass_where_the_catalogue_allows_them(analyst, series):
    cpi = Series.objects.get(name="居民消费价格指数")
    assert cpi.allow_negative
    written = submit(analyst, [entry(series=cpi.name, unit="410100", value="-0.3")], today=TODAY).written
    assert written[0].value == Decimal("-0.3")
    count = Series.objects.get(name="高新技术企业数")
    with pytest.raises(FiguresRejected, match="1 处错误"):
        submit(analyst, [entry(series=count.name, unit="410100", period="2023", value=-1)], today=TODAY)


def test_the_api_refuses_with_item_field_value_reason(analyst, assignments, client):
    _, key = ApiToken.issue(analyst, "test")
    item = {"series": "固定资产投资", "unit": "410100", "period": "2023M03"}
    response = client.post("/api/v1/figures", {"items": [{**item, "value": 1e20}, {**item, "period": "2023M04",
                                                                                 "growth": "NaN"}]},
                           content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.status_code == 422
    detail = {(d["item"], d["field"]): d["reason"] for d in response.json()["detail"]}
    assert "超出可保存的范围" in detail[(1, "value")] and "不是有限的数字" in detail[(2, "growth")]
    assert not FigureRevision.objects.exists()


def test_the_cli_import_refuses_with_file_row_column(analyst, assignments, tmp_path, capsys):
    path = tmp_path / "figures.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["indicator", "unit", "period", "value"])
        writer.writerow(["固定资产投资", "410100", "2023M03", "99999999999999999999"])
    assert main(["import-figures", str(path)]) == 1
    err = capsys.readouterr().err
    assert "第 2 行" in err and "超出可保存的范围" in err and "nothing written" in err
    assert not FigureRevision.objects.exists()


def test_an_excel_upload_refuses_with_the_cell(analyst, assignments):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["指标", "单位", "期间", "数值"])
    sheet.append(["固定资产投资", "410100", "2023M03", 1e20])
    content = io.BytesIO()
    book.save(content)
    with pytest.raises(uploads.UploadRejected) as rejected:
        uploads.preview(analyst, "bad.xlsx", content.getvalue())
    assert any("超出可保存的范围" in e.reason for e in rejected.value.validation.errors)


def test_the_database_itself_refuses_what_it_cannot_hold(two_versions):
    first, _ = two_versions
    # SQLite refuses them by the check constraints; PostgreSQL already by the column's precision.
    for field, number in (("value", Decimal("1e20")), ("growth", Decimal("2e6"))):
        with pytest.raises((IntegrityError, DataError)), transaction.atomic():
            FigureRevision.objects.filter(pk=first.pk).update(**{field: number})
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE figures_figurerevision SET value = 'NaN' WHERE id = %s", [first.pk])


# --- no page fails on a figure the database holds ----------------------------------------------------

LARGEST = {"value": Decimal("999999999999999.9"), "growth": Decimal("999999.999")}


@pytest.fixture
def extreme_figures(actuals, two_versions, analyst):
    """The largest numbers the columns hold, stored past every check, in approved and pending figures."""
    first, second = two_versions
    approve(second, analyst)
    FigureRevision.objects.update(**LARGEST)
    Figure.objects.update(**LARGEST)
    Figure.objects.filter(pk=second.figure_id).update(value=-LARGEST["value"], growth=-LARGEST["growth"])
    return actuals


PAGES = ["/figures/entry/?unit=410100&period=2023", "/figures/entry/?unit=410105&period=2023M03",
         "/figures/review/", "/figures/template.xlsx?unit=410105&period=2023M03", "/dashboard/", "/plans/",
         "/pledge/", "/catalogue/", "/briefings/", "/dashboard/ranking/", "/api/v1/figures", "/api/v1/status",
         "/api/v1/series"]


@pytest.mark.parametrize("url", PAGES)
def test_no_page_fails_on_the_largest_stored_numbers(extreme_figures, analyst, jinshui_reporter, client_for, url):
    for user in (analyst, jinshui_reporter):
        response = client_for(user).get(url)
        assert response.status_code < 500, (user, url)


def test_the_plan_pages_do_not_fail_either(extreme_figures, analyst, client_for):
    client = client_for(analyst)
    assert client.get(f"/plans/{extreme_figures.pk}/").status_code == 200
    assert client.get(f"/pledge/{extreme_figures.pk}/").status_code < 500
    for fmt in ("docx", "xlsx", "pdf"):
        response = client.get("/briefings/download/", {"plan": extreme_figures.pk, "format": fmt, "period": "2023"})
        assert response.status_code < 500, fmt
    for target in extreme_figures.targets.all():
        assert client.get(f"/plans/targets/{target.pk}/").status_code < 500
        assert client.get(f"/pledge/targets/{target.pk}/").status_code < 500


def test_upgrading_returns_revisions_stored_before_the_database_refused_them(two_versions, analyst):
    """SQLite kept any number before the check constraints: the migration returns those revisions."""
    if connection.vendor != "sqlite":
        pytest.skip("only SQLite ever kept such numbers")
    from importlib import import_module

    from django.apps import apps

    migration = import_module("luoshi.figures.migrations.0005_holdable_numbers")
    first, second = two_versions
    approve(second, analyst)
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA ignore_check_constraints = ON")
        cursor.execute("UPDATE figures_figurerevision SET value = 99999999999999999999 WHERE id = %s", [second.pk])
        cursor.execute("UPDATE figures_figure SET value = 99999999999999999999")
        cursor.execute("PRAGMA ignore_check_constraints = OFF")
    migration.return_unholdable(apps, SimpleNamespace(connection=connection))
    returned = FigureRevision.objects.get(pk=second.pk)
    assert returned.status == "returned" and returned.value is None and "1e+20" in returned.review_note.lower()
    figure = Figure.objects.get(pk=second.figure_id)
    assert figure.approved_revision is None and figure.value is None
