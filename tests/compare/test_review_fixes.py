"""The reviewer's findings on issue 12: drafts kept out of the 通报, sources as separate links, reliability in
Chinese, the reference line of the compared period only, Chinese errors, a quiet `| head`, no empty table."""

import io
import subprocess
import sys
import zipfile

import pytest

from luoshi.compare.briefing import outline
from luoshi.compare.comparison import Actual, CompareError, compare, find_period
from luoshi.lib.periods import parse
from luoshi.plans.models import Plan
from tests.compare.conftest import add_plan, add_target, report

QUERY = {"indicator": "地区生产总值", "period": "2023", "under": "410000"}


def _text(blocks) -> str:
    return "\n".join(getattr(b, "text", "") or "\n".join("|".join(r) for r in b.cells()) for b in blocks)


def test_the_briefing_states_only_published_targets_and_says_so(scene, henan_analyst):
    comparison = compare("地区生产总值", "2023", "410000", henan_analyst)
    kaifeng = next(r for r in comparison.rows if r.unit.code == "410200")
    assert [p.value for p in kaifeng.pledges] == [7.0, 9.0]  # the page still has the draft, marked
    text = _text(outline(comparison))
    assert "增长 7%" in text and "增长 9%" not in text and "增长 6.8%" not in text
    assert "只计入已发布规划" in text


def test_the_docx_briefing_has_no_draft_target(scene, henan_analyst, client_for):
    response = client_for(henan_analyst).get("/compare/briefing/", {**QUERY, "format": "docx"})
    document = zipfile.ZipFile(io.BytesIO(response.content)).read("word/document.xml").decode()
    assert "增长 7%" in document and "增长 9%" not in document


def test_the_page_still_marks_a_draft_target(scene, henan_analyst, client_for):
    html = client_for(henan_analyst).get("/compare/", QUERY).content.decode()
    assert "增长 9%" in html and '<span class="draft">草稿</span>' in html


def test_two_sources_are_two_links_and_a_bare_address_gets_a_scheme():
    actual = Actual(parse("2023"), None, 7.4, "https://a.example.cn/1.html big5.cri.cn/x/2.html;统计公报", "")
    assert actual.sources == [{"text": "https://a.example.cn/1.html", "href": "https://a.example.cn/1.html"},
                              {"text": "big5.cri.cn/x/2.html", "href": "https://big5.cri.cn/x/2.html"},
                              {"text": "统计公报", "href": ""}]


def test_the_page_links_each_source_and_says_reliability_in_chinese(scene, henan_analyst, client_for, province):
    report(None, province["410400"], 4.0, source="www.pds.gov.cn/a.html;https://news.example.cn/b.html")
    from luoshi.figures.models import Figure

    revision = Figure.objects.get(unit=province["410400"], period="2023").approved_revision
    revision.note = "official"
    revision.save()
    html = client_for(henan_analyst).get("/compare/", QUERY).content.decode()
    assert 'href="https://www.pds.gov.cn/a.html"' in html and 'href="https://news.example.cn/b.html"' in html
    assert ">官方<" in html and "official" not in html


def test_a_first_quarter_is_not_the_reference_for_the_year(province, gdp, henan_analyst, client_for):
    add_target(add_plan(province["410000"]), gdp, 5.5)
    report(None, province["410000"], 4.2, period="2023Q1")
    comparison = compare("地区生产总值", "2023", "410000", henan_analyst)
    assert comparison.reference.actual is None and comparison.reference_missing == "无2023年数据"
    html = client_for(henan_analyst).get("/compare/", QUERY).content.decode()
    reference = html.split('id="reference-line"')[1].split("</p>")[0]
    assert "无2023年数据" in reference and "4.2" not in reference
    assert "无2023年数据" in _text(outline(comparison))


def test_a_bad_period_is_said_in_chinese_with_the_field_label(scene, henan_analyst, client_for):
    with pytest.raises(CompareError) as caught:
        find_period("abc")
    assert caught.value.detail[0]["field"] == "period" and "unrecognised" not in caught.value.detail[0]["message"]
    html = client_for(henan_analyst).get("/compare/", {**QUERY, "period": "abc"}).content.decode()
    error = html.split('<li class="error">')[1].split("</li>")[0]
    assert error.startswith("期间:") and "无法识别" in error and "period" not in error and "unrecognised" not in error


def test_the_api_keeps_the_field_name_and_a_chinese_message(scene, zz_leader, client_for):
    body = client_for(zz_leader).get("/api/v1/compare", {**QUERY, "period": "2023M13"}).json()
    assert body["detail"][0]["field"] == "period"
    assert "月份无效" in body["detail"][0]["message"] and "no month" not in body["detail"][0]["message"]


def test_a_year_without_targets_says_so_instead_of_empty_rows(scene, henan_analyst, client_for, capsys):
    from luoshi.cli import main

    assert main(["compare", "--indicator", "地区生产总值", "--period", "2019", "--under", "410000"]) == 0
    out = capsys.readouterr().out
    assert "2019年没有任何单位设定该指标的目标" in out and "未设目标" not in out
    html = client_for(henan_analyst).get("/compare/", {**QUERY, "period": "2019"}).content.decode()
    assert "2019年没有任何单位设定该指标的目标" in html and 'id="compare-table"' not in html


def test_a_closed_pipe_ends_the_output_quietly(tmp_path):
    script = "from luoshi.compare.cli import emit\nemit('行\\n' * 200000)\n"
    result = subprocess.run(f"{sys.executable} -c \"$SCRIPT\" | head -1", shell=True, capture_output=True,
                            text=True, env={"SCRIPT": script, "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert result.stdout == "行\n" and "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr


def test_the_pdf_keeps_names_and_no_data_on_one_line(scene, henan_analyst, tmp_path):
    from luoshi.compare.briefing import briefing_file
    comparison = compare("地区生产总值", "2023", "410000", henan_analyst)
    pdf = tmp_path / "briefing.pdf"
    pdf.write_bytes(briefing_file(comparison, "pdf"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    table = text.split("二、各地目标与完成情况")[1].split("三、滞后地区")[0]
    assert table.count("无公开数据") >= 1
    for row in comparison.rows:
        assert row.unit.name in table, row.unit.name
    assert "实际期间" in table and "差距" in table


def test_a_draft_only_unit_reads_as_without_target_in_the_briefing(scene, henan_analyst):
    text = _text(outline(compare("地区生产总值", "2023", "410000", henan_analyst)))
    zhengzhou = next(line for line in text.splitlines() if line.startswith("郑州市|"))
    assert "6.8" not in zhengzhou and "未设目标" in zhengzhou
    assert Plan.objects.filter(issuer__code="410100", status=Plan.Status.DRAFT).exists()
