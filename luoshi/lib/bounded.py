"""Reading uploaded files within bounds: bytes, rows, cells, unpacked size, time and text length.

Every upload path (figures, project lists, 分解表, plan texts, evidence) reads through these functions,
so a tiny file that declares a huge sheet, a zip bomb or a text without sentence breaks is refused
with a clear message naming what is too large and where, instead of holding a worker for minutes.
The limits are settings (`LUOSHI_UPLOAD_*`, see .env.example); `limits()` reads them.
"""

import csv
import io
import re
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace

from openpyxl.utils import get_column_letter

MB = 1024 * 1024
#: Where a sentence ends for the extractor (its segment.SENTENCE_END without the decimal-point subtleties).
SENTENCE_BREAK = re.compile(r"[。！？；!?;.\n]")


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * MB          # the file as uploaded
    max_rows: int = 100_000           # rows of a sheet or CSV (empty ones included)
    max_columns: int = 200            # the real extent of a row (trailing empty cells dropped)
    max_cells: int = 2_000_000        # cells of a whole sheet
    max_unpacked: int = 100 * MB      # sum of a zip's (xlsx, docx) members once unpacked
    max_ratio: int = 100              # unpacked / packed size of a member larger than 1 MB
    seconds: float = 20.0             # time budget to read one file (a 30,000-row xlsx takes ~5 s)
    max_pages: int = 1000             # PDF pages
    max_text: int = 500_000           # characters of extracted text
    max_sentence: int = 10_000        # characters without a sentence break (。！？；or a line break)


class TooLarge(ValueError):
    """The file is beyond a limit; the message says which and where."""


class Unparsable(ValueError):
    """The file cannot be parsed; the message names the row (and column) where it broke."""


def limits(**overrides) -> Limits:
    """The configured limits (settings.LUOSHI_UPLOAD_LIMITS), with OVERRIDES."""
    from django.conf import settings

    configured = getattr(settings, "LUOSHI_UPLOAD_LIMITS", {}) if settings.configured else {}
    return replace(Limits(), **{**configured, **overrides})


class Deadline:
    """The time budget of one file; `check()` raises TooLarge once it is spent."""

    def __init__(self, seconds: float):
        self.seconds, self.end = seconds, time.monotonic() + seconds

    def check(self, where: str = "") -> None:
        if time.monotonic() > self.end:
            place = f"(读到{where})" if where else ""
            raise TooLarge(f"文件过大或过于复杂,{self.seconds:g} 秒内未能读完{place}")


def megabytes(size: int) -> str:
    return f"{size / MB:.1f}".removesuffix(".0")


def check_size(size: int | None, bound: Limits) -> None:
    if size is not None and size > bound.max_bytes:
        raise TooLarge(f"文件 {megabytes(size)} MB,超过上限 {megabytes(bound.max_bytes)} MB")


def read_capped(upload, bound: Limits) -> bytes:
    """The bytes of an uploaded file (Django UploadedFile or file object), its size checked before reading."""
    check_size(getattr(upload, "size", None), bound)
    data = upload.read(bound.max_bytes + 1)
    check_size(len(data), bound)
    return data


def check_zip(source, bound: Limits) -> None:
    """Refuse a zip (xlsx, docx) whose members unpack beyond the limits, before anything unpacks them.

    SOURCE is bytes or a path. A file that is not a zip passes: its own reader says what is wrong.
    Python's zipfile never unpacks a member past its declared size, so the declared sizes are the bound.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MB and member.file_size > bound.max_ratio * max(member.compress_size, 1):
            raise TooLarge(f"压缩包成员 {member.filename[:80]} 解压后 {megabytes(member.file_size)} MB,"
                           f"压缩比超过 {bound.max_ratio} 倍(疑似压缩炸弹)")
        if total > bound.max_unpacked:
            raise TooLarge(f"文件解压后超过 {megabytes(bound.max_unpacked)} MB")


def _trimmed(row) -> tuple:
    row = tuple(row)
    end = len(row)
    while end and row[end - 1] in (None, ""):
        end -= 1
    return row[:end]


def bounded_rows(rows, bound: Limits, deadline: Deadline, *, unit: str = "行") -> Iterator[tuple]:
    """ROWS (an iterator of cell sequences) trimmed to their real extent, within the row, cell and time limits.

    Parser errors raised while iterating become Unparsable naming the row where they happened.
    """
    rows, cells = iter(rows), 0
    for number in range(1, bound.max_rows + 2):
        try:
            row = next(rows, None)
        except (TooLarge, Unparsable):
            raise
        except Exception as error:  # noqa: BLE001 - any parser failure, named by its row
            raise Unparsable(f"第{number}{unit}无法解析({_reason(error)})") from None
        if row is None:
            return
        if number > bound.max_rows:
            raise TooLarge(f"超过 {bound.max_rows} 行(第{number}{unit}起)")
        row = _trimmed(row)
        if len(row) > bound.max_columns:
            raise TooLarge(f"第{number}{unit}有 {len(row)} 列(到 {get_column_letter(min(len(row), 16384))} 列),"
                           f"超过 {bound.max_columns} 列")
        cells += len(row)
        if cells > bound.max_cells:
            raise TooLarge(f"超过 {bound.max_cells} 个单元格(第{number}{unit})")
        if number % 500 == 0:
            deadline.check(f"第{number}{unit}")
        yield row


def _reason(error: Exception) -> str:
    text = str(error).splitlines()[0][:120] if str(error) else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def sheet_rows(sheet, bound: Limits, deadline: Deadline) -> Iterator[tuple]:
    """The values of an openpyxl (read-only) sheet by its real extent, not the dimension it declares."""
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    return bounded_rows(sheet.iter_rows(values_only=True), bound, deadline)


def open_workbook(data: bytes, bound: Limits):
    """A read-only openpyxl workbook of DATA, its unpacked size checked first; Unparsable if it is not one."""
    from openpyxl import load_workbook

    check_zip(data, bound)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise Unparsable("不是有效的 Excel 文件:文件已损坏,或不是 .xlsx 格式(请在 Excel 中另存为 .xlsx 后重新上传)") from None


def csv_rows(text: str, bound: Limits, deadline: Deadline) -> Iterator[tuple]:
    """The rows of a CSV text (any line ending, the bare CR included), within the limits."""
    reader = csv.reader(io.StringIO(text, newline=None))
    return bounded_rows(_csv_lines(reader), bound, deadline)


def _csv_lines(reader) -> Iterator[list]:
    try:
        yield from reader
    except csv.Error as error:
        limit = csv.field_size_limit()
        reason = f"有单元格超过 {limit} 个字符" if "field limit" in str(error) else f"CSV 格式错误({error})"
        raise Unparsable(f"第{reader.line_num}行:{reason}") from None


def check_text(text: str, bound: Limits) -> None:
    """Refuse a plan text too long for the extractor, or with a run of text without any sentence break."""
    if len(text) > bound.max_text:
        raise TooLarge(f"文字共 {len(text)} 字,超过上限 {bound.max_text} 字")
    begin = 0
    for match in SENTENCE_BREAK.finditer(text):
        if match.start() - begin > bound.max_sentence:
            break
        begin = match.end()
    else:
        if len(text) - begin <= bound.max_sentence:
            return
    line = text.count("\n", 0, begin) + 1
    raise TooLarge(f"第{line}行起有超过 {bound.max_sentence} 字没有句号、分号或换行,无法分句")
