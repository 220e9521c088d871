"""Excel uploads: check the whole file (dry run) and show what would change; write only when confirmed."""

from dataclasses import dataclass

from django.db import transaction

from luoshi.figures.models import Upload
from luoshi.figures.submission import FiguresRejected, Outcome, submit
from luoshi.figures.tabular import TableError, filled, read_table

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class UploadRejected(Exception):
    """The file cannot be read, or its figures do not pass; nothing was written."""

    def __init__(self, message: str, rejected: FiguresRejected | None = None):
        super().__init__(message)
        self.validation = rejected.validation if rejected else None


@dataclass(frozen=True)
class Preview:
    upload: Upload
    outcome: Outcome


def _entries(file_name: str, content: bytes):
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"{file_name}: 文件超过 10 MB")
    try:
        return filled(read_table(file_name, content, with_base=True))
    except TableError as exc:
        raise UploadRejected(str(exc)) from None


def preview(user, file_name: str, content: bytes) -> Preview:
    """Validate the whole file without writing; keep it for confirmation when it passes."""
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
    upload = Upload.objects.select_for_update().get(pk=upload.pk)
    if upload.user_id != user.pk or upload.status != Upload.Status.PREVIEW:
        raise UploadRejected("该上传已处理或不属于您")
    try:
        outcome = submit(user, _entries(upload.file_name, bytes(upload.content)), channel="excel")
    except FiguresRejected as rejected:
        raise UploadRejected(f"{upload.file_name}: {rejected},未写入任何数据", rejected) from None
    upload.status, upload.rows_written = Upload.Status.APPLIED, len(outcome.written)
    upload.save(update_fields=["status", "rows_written"])
    return outcome
