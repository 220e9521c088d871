"""上传规划文件: the text of an uploaded plan file, or a Chinese error naming the file and the reason."""

import re
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from luoshi.lib.bounded import TooLarge, check_text, limits
from luoshi.lib.extract import ExtractionError, read_document

ACCEPTED_SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")
MAX_BYTES = 20 * 1024 * 1024
ACCEPTED = "、".join(ACCEPTED_SUFFIXES)

#: The reader's reasons (English, after "PATH: ") and how the page says them.
REASONS = (
    (re.compile(r"too large: (?P<why>.+)"), "%(why)s"),
    (re.compile(r"unsupported file type (?P<s>\S+)"), gettext_noop("不支持 %(s)s 文件,请上传 %(accepted)s 文件")),
    (re.compile(r"unreadable (?P<s>\S+)"), gettext_noop("文件已损坏,或不是有效的 %(s)s 文件")),
    (re.compile(r"PDF has no text layer"), gettext_noop("PDF 没有文字层(扫描件需先做文字识别)")),
    (re.compile(r"no text in the document"), gettext_noop("文件中没有文字")),
    (re.compile(r"not a text file"), gettext_noop("不是文本文件")),
    (re.compile(r"unknown text encoding"), gettext_noop("无法识别文字编码(请另存为 UTF-8 或 GBK)")),
)


def reason_in_chinese(reason: str) -> str:
    for pattern, words in REASONS:
        match = pattern.search(reason)
        if match:
            return _(words) % {**match.groupdict(), "accepted": ACCEPTED}
    return _("无法读取(%(reason)s)") % {"reason": reason}


def check_plan_text(text: str) -> None:
    """A pasted plan text the extractor can read in time; ValidationError saying what is too long otherwise."""
    try:
        check_text(text, limits())
    except TooLarge as error:
        raise ValidationError(_("原文无法抽取:%(reason)s") % {"reason": error}, code="too_large") from None


def upload_error(name: str, reason: str) -> ValidationError:
    return ValidationError(_("文件“%(name)s”无法读取:%(reason)s") % {"name": name, "reason": reason},
                           code="unreadable")


def read_upload(upload) -> str:
    """The plain text of an uploaded .txt/.docx/.pdf/.html file; ValidationError in Chinese otherwise."""
    name = Path(upload.name).name
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        shown = suffix or _("(无扩展名)")
        raise upload_error(name, reason_in_chinese(f"unsupported file type {shown}"))
    if upload.size > MAX_BYTES:
        raise upload_error(name, _("文件超过 %(mb)s MB") % {"mb": MAX_BYTES // (1024 * 1024)})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
        try:
            return read_document(path, limits(max_bytes=MAX_BYTES))
        except ExtractionError as error:
            reason = str(error).removeprefix(f"{path}:").strip()
            raise upload_error(name, reason_in_chinese(reason)) from None
