"""read_document(): the plain text of a plan file (.txt in UTF-8 or GBK, .docx, PDF, HTML), within bounds.

The bounds (luoshi.lib.bounded.Limits) are checked before anything is unpacked: the file's size, a
docx's unpacked members, a PDF's compressed streams; then pages, characters and a time budget while
reading. A file beyond them raises ExtractionError("PATH: too large: reason").
"""

import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from luoshi.lib.bounded import MB, Deadline, Limits, TooLarge, check_size, check_text, check_zip, limits

from .errors import ExtractionError

PDF_STREAM = re.compile(rb"stream\r?\n")

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
UNSUPPORTED = {".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".gz", ".png", ".jpg",
               ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".exe", ".odt", ".wps"}
SKIPPED_TAGS = {"script", "style", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "table", "ul", "ol", "td", "th", "title", "header", "footer", "blockquote", "pre"}


def read_document(path: str | Path, bound: Limits | None = None) -> str:
    """The text of the file; ExtractionError("PATH: reason") if it cannot be read, is empty or is too large."""
    path, bound = Path(path), bound or limits()
    if not path.is_file():
        raise ExtractionError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ExtractionError(f"{path}: unsupported file type {suffix}")
    readers = {".docx": _read_docx, ".pdf": _read_pdf}
    try:
        check_size(path.stat().st_size, bound)
        if suffix in HTML_SUFFIXES:
            text = _read_html(_decode(path.read_bytes(), path))
        else:
            text = readers.get(suffix, _read_plain)(path, bound)
        check_text(text, bound)
    except TooLarge as error:
        raise ExtractionError(f"{path}: too large: {error}") from None
    except ExtractionError:
        raise
    except Exception as error:  # noqa: BLE001 - any parser failure is "unreadable"
        raise ExtractionError(f"{path}: unreadable {suffix or 'file'} ({type(error).__name__})") from error
    if not text.strip():
        raise ExtractionError(f"{path}: no text in the document")
    return text


def _decode(data: bytes, path: Path) -> str:
    """UTF-8 (with or without BOM), else GB18030 (covers GBK/GB2312), else the detected charset."""
    if b"\x00" in data[:4096]:
        raise ExtractionError(f"{path}: not a text file")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise ExtractionError(f"{path}: unknown text encoding")
    return str(best)


def _read_plain(path: Path, bound: Limits) -> str:
    return _decode(path.read_bytes(), path)


def _read_docx(path: Path, bound: Limits) -> str:
    from docx import Document

    check_zip(path, bound)
    deadline = Deadline(bound.seconds)
    document = Document(str(path))
    deadline.check()
    lines, size = [], 0
    for paragraph in document.paragraphs:
        lines.append(paragraph.text)
        size += len(lines[-1])
        if size > bound.max_text:
            raise TooLarge(f"文字超过上限 {bound.max_text} 字")
    for table in document.tables:
        for number, row in enumerate(table.rows, start=1):
            lines.append("\t".join(cell.text for cell in row.cells))
            size += len(lines[-1])
            if size > bound.max_text:
                raise TooLarge(f"文字超过上限 {bound.max_text} 字(表格第{number}行)")
            deadline.check(f"表格第{number}行")
    return "\n".join(lines)


def _check_pdf_streams(data: bytes, bound: Limits) -> None:
    """Refuse a PDF whose compressed streams unpack beyond the limits (a PDF bomb), before pdfminer unpacks them."""
    total = 0
    for match in PDF_STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        packed = data[match.end(): end if end >= 0 else len(data)]
        unpacker = zlib.decompressobj()
        try:
            size = len(unpacker.decompress(packed, bound.max_unpacked - total + 1))
        except zlib.error:
            continue
        total += size
        if size > MB and size > bound.max_ratio * max(len(packed), 1):
            raise TooLarge(f"PDF 中有压缩比超过 {bound.max_ratio} 倍的数据流(疑似压缩炸弹)")
        if total > bound.max_unpacked:
            raise TooLarge(f"PDF 解压后超过 {bound.max_unpacked // MB} MB")


def _read_pdf(path: Path, bound: Limits) -> str:
    from io import StringIO

    from pdfminer.converter import TextConverter
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    _check_pdf_streams(path.read_bytes(), bound)
    deadline = Deadline(bound.seconds)
    with path.open("rb") as source, StringIO() as out:
        resources = PDFResourceManager()
        interpreter = PDFPageInterpreter(resources, TextConverter(resources, out, laparams=LAParams()))
        for number, page in enumerate(PDFPage.get_pages(source), start=1):
            if number > bound.max_pages:
                raise TooLarge(f"超过 {bound.max_pages} 页")
            interpreter.process_page(page)
            if out.tell() > bound.max_text:
                raise TooLarge(f"文字超过上限 {bound.max_text} 字(第{number}页)")
            deadline.check(f"第{number}页")
        text = out.getvalue()
    if not text.strip():
        raise ExtractionError(f"{path}: PDF has no text layer")
    return text


class _TextCollector(HTMLParser):
    """The visible text of an HTML page, a line per block; script and style dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def _read_html(markup: str) -> str:
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (line.strip() for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)
