"""read_document: plain text in UTF-8 or GBK, .docx, PDF with a text layer, HTML; bad files refused."""

import pytest

from luoshi.lib.extract import ExtractionError, read_document

PLAN = "2023年主要预期目标是:地区生产总值增长7%,固定资产投资增长15%。"


def test_utf8_text(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    assert read_document(path) == PLAN


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_chinese_encodings_are_detected(tmp_path, encoding):
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.encode(encoding))
    assert read_document(path) == PLAN


def test_docx(tmp_path):
    from docx import Document

    document = Document()
    document.add_paragraph("一、经济发展")
    document.add_paragraph(PLAN)
    path = tmp_path / "plan.docx"
    document.save(path)
    assert read_document(path) == "一、经济发展\n" + PLAN


def test_html_drops_script_and_style(tmp_path):
    path = tmp_path / "plan.html"
    path.write_text(f"<html><head><style>p{{color:red}}</style><script>var x=7;</script></head>"
                    f"<body><h1>工作报告</h1><p>{PLAN}</p></body></html>", encoding="utf-8")
    assert read_document(path) == "工作报告\n" + PLAN


def _pdf(text_operators: bytes) -> bytes:
    """A one-page PDF; its content stream is `text_operators`."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text_operators), text_operators),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_pdf_with_a_text_layer(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(b"BT /F1 12 Tf 10 50 Td (GDP growth 7%) Tj ET"))
    assert "GDP growth 7%" in read_document(path)


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("scan.pdf", _pdf(b""), "no text layer"),
    ("broken.pdf", b"%PDF-1.4 not really", "unreadable"),
    ("broken.docx", b"PK not a zip", "unreadable"),
    ("empty.txt", b"  \n", "no text"),
    ("image.png", b"\x89PNG", "unsupported"),
    ("binary.txt", b"\x00\x01\x02", "not a text file"),
])
def test_bad_files_are_refused_with_the_file_and_the_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ExtractionError) as error:
        read_document(path)
    assert str(error.value).startswith(f"{path}: ")
    assert reason in str(error.value)


def test_a_missing_file(tmp_path):
    with pytest.raises(ExtractionError, match="no such file"):
        read_document(tmp_path / "missing.txt")
