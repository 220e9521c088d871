"""Upload bounds are settings, and figure-upload previews expire (on each new upload and by a command)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from luoshi.figures.models import Upload
from luoshi.figures.tabular import TableError, read_table
from tests.security.fuzz_corpus import csv_bytes

HEADER = ("指标", "单位", "期间", "数值")


def aged(user, hours: float, status=Upload.Status.PREVIEW) -> Upload:
    upload = Upload.objects.create(user=user, file_name="旧的.xlsx", content=b"old", status=status)
    Upload.objects.filter(pk=upload.pk).update(created=timezone.now() - dt.timedelta(hours=hours))
    return upload


def test_expired_previews_are_removed_by_the_command(jinshui_reporter, settings):
    settings.LUOSHI_UPLOAD_PREVIEW_HOURS = 24
    old, fresh = aged(jinshui_reporter, 25), aged(jinshui_reporter, 23)
    applied = aged(jinshui_reporter, 100, Upload.Status.APPLIED)
    call_command("expire_uploads")
    assert set(Upload.objects.values_list("pk", flat=True)) == {fresh.pk, applied.pk}
    assert not Upload.objects.filter(pk=old.pk).exists()


def test_a_new_upload_removes_expired_previews_even_when_it_is_refused(client_for, jinshui_reporter, settings):
    settings.LUOSHI_UPLOAD_PREVIEW_HOURS = 2
    old, fresh = aged(jinshui_reporter, 3), aged(jinshui_reporter, 1)
    response = client_for(jinshui_reporter).post(reverse("figures:upload"),
                                                 {"file": SimpleUploadedFile("坏的.xlsx", b"not a workbook")})
    assert response.status_code == 422 and "不是有效的 Excel 文件" in response.content.decode()
    assert list(Upload.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert not Upload.objects.filter(pk=old.pk).exists()


def test_the_bounds_are_settings(settings):
    rows = [HEADER] + [("固定资产投资", "410105", "2023M03", str(n)) for n in range(10)]
    assert len(read_table("十行.csv", csv_bytes(rows))) == 10
    settings.LUOSHI_UPLOAD_LIMITS = {**settings.LUOSHI_UPLOAD_LIMITS, "max_rows": 5}
    with pytest.raises(TableError, match=r"^十行.csv: 超过 5 行\(第6行起\)$"):
        read_table("十行.csv", csv_bytes(rows))
    settings.LUOSHI_UPLOAD_LIMITS = {**settings.LUOSHI_UPLOAD_LIMITS, "max_rows": 100, "max_columns": 3}
    with pytest.raises(TableError, match="第1行有 4 列"):
        read_table("十行.csv", csv_bytes(rows))


def test_a_file_not_read_within_its_time_budget_is_refused_by_row(settings):
    rows = [HEADER] + [("固定资产投资", "410105", "2023M03", str(n)) for n in range(1200)]
    settings.LUOSHI_UPLOAD_LIMITS = {**settings.LUOSHI_UPLOAD_LIMITS, "seconds": 0}
    with pytest.raises(TableError, match=r"0 秒内未能读完\(读到第500行\)"):
        read_table("一千二百行.csv", csv_bytes(rows))
