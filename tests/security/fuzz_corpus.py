"""The upload fuzz corpus, built in memory (no binary blobs in the repository).

`tables(header, row)` gives spreadsheet and CSV variants of one good row under HEADER (its last cell is the
number every numeric variant replaces); `documents()` gives plan-text variants (.txt/.docx/.pdf/.html).
Each item is (file name, bytes). The bombs stay small packed and large unpacked.
"""

import io
import re
import zipfile
import zlib

from openpyxl import Workbook

MB = 1024 * 1024
NUMBERS = ("NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1E+999999999", "1e-400", "99999999999999999999",
           "-0", "１２３", "3,000", "12%")
INJECTIONS = ("=HYPERLINK(\"http://evil.example\",\"点此\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)")


def xlsx(rows, *, merge: str = "", patch=None) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    if merge:
        sheet.merge_cells(merge)
    out = io.BytesIO()
    book.save(out)
    return _patched(out.getvalue(), patch) if patch else out.getvalue()


def _patched(data: bytes, patch) -> bytes:
    """The workbook with its first sheet's XML passed through PATCH (str → str)."""
    source, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member.filename)
            if member.filename == "xl/worksheets/sheet1.xml":
                content = patch(content.decode()).encode()
            target.writestr(member.filename, content)
    return out.getvalue()


def bomb(member: str, size: int = 40 * MB, extra: dict | None = None) -> bytes:
    """A zip whose MEMBER unpacks to SIZE bytes of blanks (a few KB packed)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
        archive.writestr(member, b" " * size)
    return out.getvalue()


def _declared(dimension: str):
    return lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{dimension}"/>', xml)


def _far_cell(xml: str) -> str:
    return xml.replace("</sheetData>", '<row r="3"><c r="XFD3" t="inlineStr"><is><t>远</t></is></c></row>'
                                       '<row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>')


def csv_bytes(rows, encoding: str = "utf-8", newline: str = "\r\n") -> bytes:
    return newline.join(",".join(f'"{c}"' if "," in str(c) else str(c) for c in row) for row in rows).encode(encoding)


def tables(header: tuple, row: tuple) -> list[tuple[str, bytes]]:
    good = [header, row]
    with_number = [(f"num-{i}.xlsx", xlsx([header, (*row[:-1], n)])) for i, n in enumerate(NUMBERS)]
    with_number += [(f"num-{i}.csv", csv_bytes([header, (*row[:-1], n)])) for i, n in enumerate(NUMBERS)]
    with_number.append(("num-float.xlsx", xlsx([header, (*row[:-1], float("inf"))])))
    injected = [(f"inject-{i}.csv", csv_bytes([header, tuple(text for _ in row)])) for i, text in enumerate(INJECTIONS)]
    valid = xlsx(good)
    return [
        *with_number, *injected,
        ("good.xlsx", valid), ("good.csv", csv_bytes(good)),
        ("empty.xlsx", b""), ("empty.csv", b""), ("blank-sheet.xlsx", xlsx([])), ("header-only.csv", csv_bytes([header])),
        ("truncated.xlsx", valid[: len(valid) // 2]), ("garbage.xlsx", bytes(range(256)) * 40),
        ("not-a-zip.xlsx", b"PK\x03\x04" + b"\x00" * 500), ("wrong-type.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100),
        ("bomb.xlsx", bomb("xl/worksheets/sheet1.xml")),
        ("bomb-strings.xlsx", _patched_member(valid, "xl/sharedStrings.xml", 40 * MB)),
        ("dimension.xlsx", xlsx(good, patch=_declared("A1:XFD1048576"))),
        ("dimension-rows.xlsx", xlsx([header] + [row] * 2000, patch=_declared("A1:XFD1048576"))),
        ("far-cell.xlsx", xlsx(good, patch=_far_cell)),
        ("formula.xlsx", xlsx([header, (*row[:-1], "=1/0"), (*row[:-1], "=SUM(A1:A3)")])),
        ("merged.xlsx", xlsx([header, row, row], merge="A2:B3")),
        ("many-rows.csv", csv_bytes([header] + [row] * 120_000)),
        ("huge.csv", csv_bytes([header]) + b"\r\n" + b"x," * (6 * MB)),
        ("gbk.csv", csv_bytes(good, "gbk")), ("utf16.csv", csv_bytes(good, "utf-16")),
        ("bom.csv", b"\xef\xbb\xbf" + csv_bytes(good)), ("bare-cr.csv", csv_bytes(good, newline="\r")),
        ("long-field.csv", csv_bytes([header]) + b"\r\n\"" + b"a" * 200_000 + b"\""),
        ("bad-quote.csv", csv_bytes([header]) + b'\r\n"a"b,"c'),
        ("nul.csv", csv_bytes(good) + b"\x00\x00"),
        ("latin1.csv", "指标".encode() + b"\xff\xfe\xfa" * 10),
    ]


def _patched_member(data: bytes, name: str, size: int) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    extra = {m.filename: source.read(m.filename) for m in source.infolist() if m.filename != name}
    return bomb(name, size, extra)


def docx(text: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf(stream: bytes, *, compressed: bool = True) -> bytes:
    """A one-page PDF whose content stream is STREAM (Flate-compressed unless told otherwise)."""
    data = zlib.compress(stream, 9) if compressed else stream
    flate = b"/Filter /FlateDecode " if compressed else b""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< " + flate + b"/Length " + str(len(data)).encode() + b" >>\nstream\n" + data + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = io.BytesIO(), []
    out.write(b"%PDF-1.4\n")
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    out.write(b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets))
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def documents() -> list[tuple[str, bytes]]:
    sentence = "到2025年,全市地区生产总值达到1.6万亿元。"
    no_breaks = "全市地区生产总值增长百分之六以上规模以上工业增加值增长" * 60_000  # 4.9 MB
    good_docx = docx(sentence)
    return [
        ("good.txt", sentence.encode()), ("good.docx", good_docx), ("gbk.txt", sentence.encode("gbk")),
        ("good.pdf", pdf(b"BT /F1 12 Tf 72 720 Td (GDP 2025 target 1.6) Tj ET")),
        ("good.html", f"<html><script>x()</script><p>{sentence}</p></html>".encode()),
        ("empty.txt", b""), ("empty.docx", b""), ("empty.pdf", b""), ("blank.html", b"<html></html>"),
        ("no-breaks.txt", no_breaks.encode()), ("long-run.txt", (sentence + "增" * 30_000).encode()),
        ("too-much.txt", (sentence * 40_000).encode()),
        ("bomb.docx", bomb("word/document.xml", extra={"[Content_Types].xml": b"<Types/>"})),
        ("truncated.docx", good_docx[: len(good_docx) // 2]), ("garbage.docx", bytes(range(256)) * 20),
        ("bomb.pdf", pdf(b" " * (60 * MB))), ("truncated.pdf", pdf(b"BT ET")[:120]),
        ("no-text.pdf", pdf(b"0 0 m 10 10 l S")), ("binary.txt", b"\x00\x01\x02" * 1000),
        ("huge.txt", b"a" * (21 * MB)), ("script.html", b"<script>" + b"a" * 1000 + b"</script>"),
        ("wrong.exe", b"MZ" + b"\x00" * 100),
    ]
