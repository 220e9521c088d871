"""read_document(): the plain text of a plan file (.txt in UTF-8 or GBK, .docx, PDF, HTML)."""

from html.parser import HTMLParser
from pathlib import Path

from charset_normalizer import from_bytes

from .errors import ExtractionError

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
UNSUPPORTED = {".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".rar", ".7z", ".gz", ".png", ".jpg",
               ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".exe", ".odt", ".wps"}
SKIPPED_TAGS = {"script", "style", "noscript", "template"}
BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
              "table", "ul", "ol", "td", "th", "title", "header", "footer", "blockquote", "pre"}


def read_document(path: str | Path) -> str:
    """The text of the file; ExtractionError("PATH: reason") if it cannot be read or is empty."""
    path = Path(path)
    if not path.is_file():
        raise ExtractionError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise ExtractionError(f"{path}: unsupported file type {suffix}")
    readers = {".docx": _read_docx, ".pdf": _read_pdf}
    try:
        if suffix in HTML_SUFFIXES:
            text = _read_html(_decode(path.read_bytes(), path))
        else:
            text = readers.get(suffix, _read_plain)(path)
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


def _read_plain(path: Path) -> str:
    return _decode(path.read_bytes(), path)


def _read_docx(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines += ["\t".join(cell.text for cell in row.cells) for row in table.rows]
    return "\n".join(lines)


def _read_pdf(path: Path) -> str:
    from pdfminer.high_level import extract_text

    text = extract_text(str(path))
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
