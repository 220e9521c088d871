"""招商项目清单 Excel: the template and export carry the import's columns; an import opens and advances leads
through the stages module, all or nothing, every bad cell named by row, column and reason; the upload page,
the API operation and `luoshi leads import` call the same function."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from luoshi.attraction.models import Lead
from luoshi.attraction.sheet import COLUMNS, LeadsRejected, export_workbook, import_leads
from luoshi.cli import main

D = dt.date
HEADER = ("项目编号", "项目名称", "投资企业", "产业链", "补链环节", "专班", "落地单位", "阶段", "计划投资(亿元)",
          "签约投资(亿元)", "线索日期", "洽谈日期", "签约日期", "落地日期", "开工日期", "投产日期")


def workbook(rows, header=HEADER) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "招商项目"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD = [
    ("", "导入线索项目", "测试外地电池公司", "", "", "测试一专班", "金水区", "", 8, "", "2023-01-10"),
    ("", "导入签约项目", "测试外地电池公司", "测试汽车链", "上游/测试电池", "测试一专班", "金水", "签约", 20, 18.5,
     D(2023, 1, 5), D(2023, 2, 1), "2023/3/1"),
    ("", "导入开工项目", "测试外地电池公司", "测试汽车链", "测试电池", "测试一专班", "410103", "开工", 30, 25,
     "2023-01-05", "2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01"),
]


def test_an_import_opens_and_advances_every_row(analyst, task_force, node, firm):
    summary = import_leads(analyst, workbook(GOOD), "leads.xlsx")
    assert (summary.rows, summary.created, summary.dry_run) == (3, 3, False)
    leads = {lead.name: lead for lead in Lead.objects.all()}
    assert leads["导入线索项目"].stage == "clue" and leads["导入线索项目"].planned_investment == 8
    signed = leads["导入签约项目"]
    assert (signed.stage, signed.signed_investment, signed.node, signed.unit.name) == ("signed", Decimal("18.5"),
                                                                                       node, "金水区")
    assert [s.to_stage for s in signed.steps.all()] == ["clue", "talks", "signed"]
    started = leads["导入开工项目"]
    assert started.stage == "started" and started.project.name == "导入开工项目" and started.unit.code == "410103"


def test_a_dry_run_writes_nothing(analyst, task_force, node, firm):
    assert import_leads(analyst, workbook(GOOD), "leads.xlsx", dry_run=True).created == 3
    assert not Lead.objects.exists()


def test_every_bad_cell_is_named_and_nothing_is_written(analyst, task_force, node, firm):
    bad = [
        *GOOD,
        ("", "", "没有的公司", "测试汽车链", "没有的环节", "没有的专班", "开封市", "签约", "十亿", "", "2023-01-05"),
        ("", "倒序项目", "测试外地电池公司", "", "", "测试一专班", "金水区", "洽谈", "", "", "2023-03-01",
         "2023-02-01", "2023-04-01"),
        ("ZS-99999", "", "测试外地电池公司", "", "", "测试一专班", "金水区", "", "", "", "2023-01-01"),
        ("", "未来项目", "测试外地电池公司", "", "", "测试一专班", "金水区", "", "", "", "2099-01-01"),
    ]
    with pytest.raises(LeadsRejected) as caught:
        import_leads(analyst, workbook(bad), "leads.xlsx")
    found = {(e.row, e.column) for e in caught.value.errors}
    assert {(5, "B列(项目名称)"), (5, "C列(投资企业)"), (5, "E列(补链环节)"), (5, "F列(专班)"), (5, "G列(落地单位)"),
            (5, "I列(计划投资(亿元))"), (5, "J列(签约投资(亿元))"), (5, "L列(洽谈日期)"), (5, "M列(签约日期)"),
            (6, "L列(洽谈日期)"), (6, "M列(签约日期)"), (7, "A列(项目编号)")} <= found
    future = [e for e in caught.value.errors if e.row == 8]
    assert future and future[0].column == "K列(线索日期)" and "还没有到" in future[0].reason
    assert not any(e.row in (2, 3, 4) for e in caught.value.errors)
    assert not Lead.objects.exists()


def test_missing_columns_and_unreadable_files(analyst):
    with pytest.raises(LeadsRejected) as caught:
        import_leads(analyst, workbook([("x",)], header=("项目名称",)), "leads.xlsx")
    reasons = " ".join(e.reason for e in caught.value.errors)
    assert "专班" in reasons and "落地单位" in reasons and "线索日期" in reasons and "投资企业" in reasons
    with pytest.raises(LeadsRejected) as caught:
        import_leads(analyst, b"not a workbook", "leads.csv")
    assert caught.value.errors[0].column == "文件"


def test_a_registered_code_moves_its_lead_on_and_an_export_round_trips(analyst, make_lead, task_force):
    lead = make_lead("已登记项目", talks=D(2023, 2, 1))
    exported = load_workbook(io.BytesIO(export_workbook(Lead.objects.all()))).active
    header = [c.value for c in exported[1]]
    assert header == list(COLUMNS.values())
    row = [c.value for c in exported[2]]
    assert row[0] == lead.code and row[header.index("阶段")] == "洽谈" and row[header.index("补链环节")] == "上游/测试电池"
    row[header.index("阶段")], row[header.index("签约投资(亿元)")] = "签约", 9
    row[header.index("签约日期")] = "2023-03-03"
    summary = import_leads(analyst, workbook([row], header=header), "leads.xlsx")
    lead.refresh_from_db()
    assert (summary.created, summary.advanced, summary.steps) == (0, 1, 1)
    assert (lead.stage, lead.signed_investment) == ("signed", 9)
    row[header.index("阶段")], row[header.index("落地单位")] = "洽谈", "二七区"
    with pytest.raises(LeadsRejected) as caught:
        import_leads(analyst, workbook([row], header=header), "leads.xlsx")
    assert {e.column for e in caught.value.errors} >= {"J列(阶段)", "H列(落地单位)", "P列(签约日期)"}


def test_a_reporter_imports_only_for_their_reach(erqi_reporter, jinshui_reporter, task_force, node, firm):
    with pytest.raises(LeadsRejected) as caught:
        import_leads(erqi_reporter, workbook(GOOD[:1]), "leads.xlsx")
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "G列(落地单位)")]
    assert "本辖区或本专班" in caught.value.errors[0].reason
    assert import_leads(jinshui_reporter, workbook(GOOD[:1]), "leads.xlsx").created == 1


def test_the_upload_page_template_and_export(client_for, analyst, erqi_reporter, task_force, node, firm):
    client = client_for(analyst)
    page = client.get("/attraction/leads/import/").content.decode()
    assert 'name="file"' in page and "/attraction/leads/template.xlsx" in page
    template = load_workbook(io.BytesIO(client.get("/attraction/leads/template.xlsx").content)).active
    assert [c.value for c in template[1]] == list(COLUMNS.values()) and template.max_row == 1
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(rows, dry=False):
        data = {"file": SimpleUploadedFile("leads.xlsx", workbook(rows)), **({"dry_run": "on"} if dry else {})}
        return client.post("/attraction/leads/import/", data)

    rejected = upload([("", "", "没有的公司", "", "", "测试一专班", "金水区", "", "", "", "2023-01-01")])
    assert rejected.status_code == 422 and "C列(投资企业)" in rejected.content.decode()
    dry = upload(GOOD, dry=True)
    assert dry.status_code == 200 and "3" in dry.content.decode() and not Lead.objects.exists()
    assert upload(GOOD).status_code == 302 and Lead.objects.count() == 3
    book = load_workbook(io.BytesIO(client.get("/attraction/leads/export.xlsx").content)).active
    assert book.max_row == 4
    outsider = load_workbook(io.BytesIO(client_for(erqi_reporter).get("/attraction/leads/export.xlsx").content))
    assert [row[1] for row in outsider.active.iter_rows(min_row=2, values_only=True)] == ["导入开工项目"]  # 二七区's


def test_the_api_operation(client_for, analyst, task_force, node, firm):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_for(analyst)
    bad = client.post("/api/v1/leads/import", {"file": SimpleUploadedFile("l.xlsx", workbook(
        [("", "x", "没有的公司", "", "", "测试一专班", "金水区", "", "", "", "2023-01-01")]))})
    assert bad.status_code == 422 and bad.json()["detail"][0]["column"] == "C列(投资企业)"
    ok = client.post("/api/v1/leads/import?dry_run=true", {"file": SimpleUploadedFile("l.xlsx", workbook(GOOD))})
    assert ok.status_code == 200 and ok.json()["created"] == 3 and ok.json()["dry_run"] is True
    assert client.get("/api/v1/leads/template.xlsx").status_code == 200
    assert not Lead.objects.exists()


def test_the_cli(analyst, task_force, node, firm, tmp_path, capsys):
    sheet = tmp_path / "leads.xlsx"
    sheet.write_bytes(workbook(GOOD))
    assert main(["leads", "import", str(sheet), "--dry-run", "--as", "analyst"]) == 0
    assert "would" in capsys.readouterr().out and not Lead.objects.exists()
    assert main(["leads", "import", str(sheet)]) == 0 and Lead.objects.count() == 3
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(workbook([("", "", "没有的公司", "", "", "测试一专班", "金水区", "", "", "", "2023-01-01")]))
    assert main(["leads", "import", str(bad)]) == 1
    assert "C列(投资企业)" in capsys.readouterr().err
    out = tmp_path / "out.xlsx"
    assert main(["leads", "export", "-o", str(out)]) == 0 and load_workbook(out).active.max_row == 4
    assert main(["leads", "template", "-o", str(out)]) == 0 and load_workbook(out).active.max_row == 1


def test_an_export_of_every_stage_imports_back_as_no_change(analyst, make_lead):
    make_lead("已投产项目", talks=D(2023, 2, 1), signed=D(2023, 3, 1), landed=D(2023, 4, 1), started=D(2023, 5, 1),
              producing=D(2023, 6, 1), signed_amount=5)
    make_lead("线索项目", with_node=False)
    summary = import_leads(analyst, export_workbook(Lead.objects.all()), "leads.xlsx")
    assert (summary.rows, summary.created, summary.advanced, summary.steps) == (2, 0, 0, 0)
