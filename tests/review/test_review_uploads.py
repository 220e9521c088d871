"""新建规划 from an uploaded file; an unreadable file is named, with the reason, in Chinese."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db


def post_file(client, units, name: str, content: bytes):
    data = {"title": "东城市2024年目标", "year": 2024, "region": "东城", "issuer": units["郑州市"].pk,
            "file": SimpleUploadedFile(name, content)}
    return client.post(reverse("review:new"), data)


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "encode"), [
    ("报告.txt", lambda t: t.encode("utf-8")),
    ("报告-gbk.txt", lambda t: t.encode("gbk")),
    ("报告.html", lambda t: f"<html><body><p>{t.replace(chr(10), '</p><p>')}</p></body></html>".encode()),
    ("报告.docx", docx_bytes),
])
def test_an_uploaded_plan_file_is_read_and_extracted(client_for, analyst, units, plan_text, name, encode):
    response = post_file(client_for(analyst), units, name, encode(plan_text))
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert "确保固定资产投资完成1200亿元" in plan.text and plan.proposals.filter(value=1200).exists()


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("目标表.xls", b"\xd0\xcf\x11\xe0", "不支持 .xls 文件"),
    ("报告.docx", b"not a zip at all", "文件已损坏,或不是有效的 .docx 文件"),
    ("空白.txt", b"   \n", "文件中没有文字"),
    ("图片.txt", b"\x89PNG\x00\x00\x00", "不是文本文件"),
    ("无扩展名", b"text", "不支持 (无扩展名) 文件"),
])
def test_an_unreadable_file_is_named_with_its_reason(client_for, analyst, units, name, content, reason):
    response = post_file(client_for(analyst), units, name, content)
    page = response.content.decode()
    assert response.status_code == 200 and f"文件“{name}”无法读取:{reason}" in page
    assert not Plan.objects.exists()


def test_neither_text_nor_file_asks_for_one(client_for, analyst, units):
    data = {"title": "t", "year": 2024, "region": "东城", "issuer": units["郑州市"].pk, "text": "  "}
    page = client_for(analyst).post(reverse("review:new"), data).content.decode()
    assert "请粘贴规划原文或上传文件" in page and not Plan.objects.exists()
