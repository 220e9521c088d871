"""The briefing (通报) read back from each format and checked against `luoshi status`."""

import io
import subprocess

import pytest
from django.urls import reverse

from luoshi import cli
from luoshi.briefings import render as rendering
from luoshi.briefings.content import BriefingError, build_briefing
from luoshi.briefings.outline import outline
from luoshi.demo import loader
from luoshi.plans.models import Plan
from luoshi.verdicts.cli import status_rows

pytestmark = pytest.mark.django_db
TITLE = "郑州市2023年发展目标落实情况通报(2023年)"


@pytest.fixture
def actuals(plan):
    loader.load_actuals()
    return plan


@pytest.fixture
def rows(actuals):
    """luoshi status' rows, keyed as the briefing names them: by the catalogue's official name."""
    return {(r["name"], r["period"], r["target"]): r for r in status_rows(actuals.pk, "2023")}


def briefing_bytes(plan, fmt, period="2023"):
    return rendering.briefing_file(build_briefing(plan, period), fmt)


def test_xlsx_has_real_numbers_with_formats_matching_luoshi_status(actuals, rows):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(briefing_bytes(actuals, "xlsx")))
    assert book["概况"]["A1"].value == TITLE
    economy = book["经济发展"]
    header = [c.value for c in economy[1]]
    found = {}
    for line in economy.iter_rows(min_row=2):
        record = dict(zip(header, line, strict=True))
        key = (record["指标"].value, "2023", record["目标"].value)
        if key in rows:
            found[key] = record
    assert len(found) >= 5
    for key, record in found.items():
        assert record["实际"].value == rows[key]["actual"]
        if record["实际"].value is not None:
            assert isinstance(record["实际"].value, float | int) and record["实际"].number_format == "#,##0.00"
        if record["进度"].value is not None:
            assert record["进度"].value == rows[key]["progress"] and record["进度"].number_format == "0.0%"
    attention = book["滞后和预警"]
    assert sorted(r[1].value for r in attention.iter_rows(min_row=2)) == sorted(
        r["name"] for r in rows.values() if r["status"] in ("red", "yellow"))


def test_docx_uses_word_styles_and_carries_the_figures(actuals, rows):
    from docx import Document

    document = Document(io.BytesIO(briefing_bytes(actuals, "docx")))
    styles = {(p.style.name, p.text) for p in document.paragraphs}
    assert ("Title", TITLE) in styles and ("Heading 1", "一、总体情况") in styles
    assert ("Heading 2", "(一)经济发展") in styles and ("Heading 1", "六、数据来源") in styles
    assert all(t.style.name == "Table Grid" for t in document.tables)
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    gdp = rows[("地区生产总值", "2023", 7.0)]
    assert ["地区生产总值", "7", "%", "7.4", "2023年", "—", "7", "正常(已完成)", "7.4", gdp["forecast_basis"]] in cells
    summary = {row[0]: row[1] for row in cells if len(row) == 2}
    assert summary["已完成"] == "2" and summary["滞后"] == "4"


def test_pdf_is_readable_chinese_with_the_font_embedded(actuals, rows, tmp_path):
    path = tmp_path / "briefing.pdf"
    path.write_bytes(briefing_bytes(actuals, "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert TITLE in "".join(text.split()) and "三、滞后和预警目标" in text
    for name in ("地区生产总值", "招商引资签约总额", "社会消费品零售总额"):  # official names, as on the dashboard
        assert name in text
    assert "7,797" in text and "5,623" in text and "6.8" in text and "7.7" in text
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "LuoshiSerif" in fonts and all(" yes " in line for line in fonts.splitlines()[2:])


def test_sources_red_list_and_summary(actuals):
    briefing = build_briefing(actuals, "2023")
    assert dict(briefing.summary) == {"已完成": 2, "正常推进": 0, "预警(轻度滞后)": 0, "滞后": 4, "无数据": 6}
    # the 一季度 retail target is judged on its 1–2月 figure (its 1–3月 one is late), not hidden in grey
    assert [r["indicator"] for r in briefing.attention] == ["固定资产投资"] + ["社会消费品零售额"] * 3
    assert any("cri.cn" in s.source for s in briefing.sources)


def test_a_simulated_plan_is_labelled(actuals):
    Plan.objects.filter(pk=actuals.pk).update(simulated=True)
    actuals.refresh_from_db()
    briefing = build_briefing(actuals, "2023")
    assert briefing.title.startswith("【模拟数据】")
    assert any("模拟" in getattr(b, "text", "") for b in outline(briefing)[1:2])


def test_a_missing_font_file_is_a_clear_error(actuals, monkeypatch, tmp_path):
    import pylopdf_fonts_zh_cn

    monkeypatch.setattr(pylopdf_fonts_zh_cn, "serif_path", lambda: tmp_path / "gone.otf")
    with pytest.raises(BriefingError, match="pylopdf-fonts-zh-cn"):
        briefing_bytes(actuals, "pdf")


def test_cli_writes_each_format(actuals, tmp_path, capsys):
    for fmt in ("docx", "xlsx", "pdf"):
        path = tmp_path / f"b.{fmt}"
        assert cli.main(["briefing", "--period", "2023", "--plan", str(actuals.pk), "--format", fmt,
                         "-o", str(path)]) == 0
        assert path.stat().st_size > 1000
    assert TITLE in capsys.readouterr().out
    assert cli.main(["briefing", "--period", "2023Q9", "-o", str(tmp_path / "x.pdf")]) == 2
    assert cli.main(["briefing", "--plan", "99999", "-o", str(tmp_path / "x.pdf")]) == 2


def test_web_download_for_analysts_and_leaders_only(client, client_for, leader, jinshui_reporter, actuals):
    url = reverse("briefings:download") + f"?plan={actuals.pk}&period=2023&format=xlsx"
    response = client_for(leader).get(url)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    assert client_for(leader).get(reverse("briefings:index")).status_code == 200
    assert client_for(jinshui_reporter).get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302
