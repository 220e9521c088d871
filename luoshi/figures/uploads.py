"""Excel uploads: check the whole file (dry run) and show what would change; write only when confirmed.

A preview keeps the file until it is confirmed or expires (settings.LUOSHI_UPLOAD_PREVIEW_HOURS); expired
previews are removed on every new upload and by `luoshi manage expire_uploads`.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from luoshi.figures.models import Upload
from luoshi.figures.submission import FiguresRejected, Outcome, submit
from luoshi.figures.tabular import TableError, filled, read_table
from luoshi.lib.bounded import TooLarge, limits, read_capped


class UploadRejected(Exception):
    """The file cannot be read, or its figures do not pass; nothing was written."""

    def __init__(self, message: str, rejected: FiguresRejected | None = None):
        super().__init__(message)
        self.validation = rejected.validation if rejected else None


@dataclass(frozen=True)
class Preview:
    upload: Upload
    outcome: Outcome


def content_of(file) -> bytes:
    """The bytes of an uploaded file, its size checked before it is read."""
    try:
        return read_capped(file, limits())
    except TooLarge as error:
        raise UploadRejected(f"{file.name}: {error}") from None


def expire_previews() -> int:
    """Remove the previews older than LUOSHI_UPLOAD_PREVIEW_HOURS; how many were removed."""
    hours = getattr(settings, "LUOSHI_UPLOAD_PREVIEW_HOURS", 24)
    cutoff = timezone.now() - dt.timedelta(hours=hours)
    expired = Upload.objects.filter(status=Upload.Status.PREVIEW, created__lt=cutoff)
    return expired.delete()[0]


def _entries(file_name: str, content: bytes):
    try:
        return filled(read_table(file_name, content, with_base=True))
    except TableError as exc:
        raise UploadRejected(str(exc)) from None


def preview(user, file_name: str, content: bytes) -> Preview:
    """Validate the whole file without writing; keep it for confirmation when it passes."""
    expire_previews()
    entries = _entries(file_name, content)
    if not entries:
        raise UploadRejected(f"{file_name}: 没有填写任何数值")
    try:
        outcome = submit(user, entries, channel="excel", dry_run=True)
    except FiguresRejected as rejected:
        raise UploadRejected(f"{file_name}: {rejected},未写入任何数据", rejected) from None
    upload = Upload.objects.create(user=user, file_name=file_name[:200], content=content)
    return Preview(upload, outcome)


@transaction.atomic
def apply(upload: Upload, user) -> Outcome:
    """Write a previewed upload (checked again: someone may have changed a figure meanwhile)."""
    upload = Upload.objects.select_for_update().filter(pk=upload.pk).first()
    if upload is None:
        raise UploadRejected("该预览已过期,请重新上传文件")
    if upload.user_id != user.pk or upload.status != Upload.Status.PREVIEW:
        raise UploadRejected("该上传已处理或不属于您")
    try:
        outcome = submit(user, _entries(upload.file_name, bytes(upload.content)), channel="excel")
    except FiguresRejected as rejected:
        raise UploadRejected(f"{upload.file_name}: {rejected},未写入任何数据", rejected) from None
    upload.status, upload.rows_written, upload.content = Upload.Status.APPLIED, len(outcome.written), b""
    upload.save(update_fields=["status", "rows_written", "content"])
    return outcome
