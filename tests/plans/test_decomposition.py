"""任务分解: one domain function (set_quotas) behind the page, the Excel upload, the API and `luoshi assign`."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from luoshi import cli
from luoshi.accounts.models import User
from luoshi.core.models import ObjectChange
from luoshi.figures.models import Figure
from luoshi.plans import quota_sheet
from luoshi.plans.decomposition import QuotasRejected, set_quotas
from luoshi.plans.models import Assignment
from luoshi.units.models import Unit

pytestmark = pytest.mark.django_db


def sheet(*rows, header=("单位代码", "单位名称", "分解值")) -> bytes:
    book = Workbook()
    book.active.append(header)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def quotas_of(target) -> dict[str, Decimal]:
    return {a.unit.code: a.value for a in target.assignments.select_related("unit")}


def test_level_quotas_are_summed_against_the_target_and_the_gap_shown(investment, kf_units, kf_analyst):
    result = set_quotas(investment, {kf_units["龙亭区"]: Decimal(300), kf_units["鼓楼区"]: Decimal(450)}, kf_analyst)
    assert [u.code for u in result.created] == ["410202", "410204"]
    assert (result.check.total, result.check.gap, result.check.under_decomposed) == (750, -250, True)
    result = set_quotas(investment, {kf_units["龙亭区"]: Decimal(550), kf_units["鼓楼区"]: Decimal(450)}, kf_analyst)
    assert result.changed == [kf_units["龙亭区"]] and result.check.gap == 0
    assert ObjectChange.objects.filter(action="update", object_repr__contains="龙亭区").exists()


def test_growth_targets_give_each_unit_its_own_rate_never_summed(gdp_growth, kf_units, kf_analyst, client):
    result = set_quotas(gdp_growth, {kf_units["龙亭区"]: Decimal(7), kf_units["鼓楼区"]: Decimal("-1")}, kf_analyst)
    assert result.check is None and quotas_of(gdp_growth) == {"410202": 7, "410204": -1}
    client.force_login(kf_analyst)
    page = client.get(reverse("plans:target", args=[gdp_growth.pk])).content.decode()
    assert "不加总" in page and "分解合计" not in page


def test_the_table_is_set_whole_and_bad_rows_are_all_reported_with_nothing_written(investment, kf_units, kf_analyst):
    zhengzhou = Unit.objects.create(code="410100", name="郑州市", kind=Unit.Kind.CITY, parent=kf_units["河南省"])
    set_quotas(investment, {kf_units["龙亭区"]: Decimal(300)}, kf_analyst)
    with pytest.raises(QuotasRejected) as refused:
        set_quotas(investment, {zhengzhou: Decimal(10), kf_units["鼓楼区"]: Decimal(-5),
                                kf_units["龙亭区"]: Decimal("1e20")}, kf_analyst)
    reasons = {p.where: p.reason for p in refused.value.problems}
    assert "不在本规划" in reasons["410100"] and "不能为负" in reasons["410204"] and "超出" in reasons["410202"]
    assert quotas_of(investment) == {"410202": 300}


def test_a_removed_unit_loses_its_quota_unless_it_has_figures(investment, kf_units, kf_analyst):
    set_quotas(investment, {kf_units["龙亭区"]: Decimal(300), kf_units["鼓楼区"]: Decimal(200)}, kf_analyst)
    result = set_quotas(investment, {kf_units["龙亭区"]: Decimal(300)}, kf_analyst)
    assert result.removed == [kf_units["鼓楼区"]] and quotas_of(investment) == {"410202": 300}
    assert ObjectChange.objects.filter(action="delete", object_repr__contains="鼓楼区").exists()
    Figure.objects.create(series=investment.series, unit=kf_units["龙亭区"], period="2024M03",
                          period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 3, 31))
    with pytest.raises(QuotasRejected, match="已有本指标的数据"):
        set_quotas(investment, {}, kf_analyst)
    assert quotas_of(investment) == {"410202": 300}


def test_only_analysts_decompose_and_only_within_their_jurisdiction(investment, kf_units):
    reporter = User.objects.create_user(username="lt", password="pw-lt", role=User.Role.REPORTER,
                                        unit=kf_units["龙亭区"])
    with pytest.raises(PermissionDenied, match="只有分析员"):
        set_quotas(investment, {kf_units["龙亭区"]: Decimal(1)}, reporter)
    district_analyst = User.objects.create_user(username="lt-a", password="pw", role=User.Role.ANALYST,
                                                unit=kf_units["龙亭区"])
    with pytest.raises(QuotasRejected, match="鼓楼区"):
        set_quotas(investment, {kf_units["鼓楼区"]: Decimal(1)}, district_analyst)


def test_the_excel_table_round_trips_and_every_bad_row_is_named(investment, kf_units, kf_analyst):
    set_quotas(investment, {kf_units["龙亭区"]: Decimal(300)}, kf_analyst)
    rows = list(load_workbook(io.BytesIO(quota_sheet.workbook(investment, [kf_units["龙亭区"], kf_units["鼓楼区"]])))
                .active.iter_rows(values_only=True))
    assert rows == [("单位代码", "单位名称", "分解值"), ("410202", "龙亭区", 300), ("410204", "鼓楼区", None)]

    bad = sheet(("410202", "龙亭区", "三百"), ("999999", "无此单位", 5), ("410204", "鼓楼区", -2),
                ("410202", "龙亭区", 1), (None, None, 4))
    with pytest.raises(QuotasRejected) as refused:
        quota_sheet.upload(investment, bad, kf_analyst)
    problems = [str(p) for p in refused.value.problems]
    assert problems == ["第2行“分解值”列: “三百”不是数字", "第3行“单位代码”列: 没有代码为 999999 的单位",
                        "第5行“单位代码”列: 单位 410202 与第2行重复", "第6行“单位代码”列: 有分解值但缺少单位代码"]
    with pytest.raises(QuotasRejected) as refused:
        quota_sheet.upload(investment, sheet(("410202", "龙亭区", 600), ("410204", "鼓楼区", -2)), kf_analyst)
    assert [str(p) for p in refused.value.problems] == ["第3行“分解值”列: 总量、数量目标的分解值不能为负"]
    assert quotas_of(investment) == {"410202": 300}

    with pytest.raises(QuotasRejected, match="缺少列:分解值"):
        quota_sheet.upload(investment, sheet(("410202", 1), header=("单位代码", "数值")), kf_analyst)
    with pytest.raises(QuotasRejected, match="不是有效的 Excel 文件"):
        quota_sheet.upload(investment, b"not a workbook", kf_analyst)

    result = quota_sheet.upload(investment, sheet(("410202", "龙亭区", 600), ("410204", "鼓楼区", 400)), kf_analyst)
    assert result.check.gap == 0 and quotas_of(investment) == {"410202": 600, "410204": 400}


def test_the_page_saves_the_table_and_shows_the_difference_on_the_target(investment, kf_units, kf_analyst, client):
    client.force_login(kf_analyst)
    url = reverse("plans:assignments", args=[investment.pk])
    form = client.get(url).content.decode()
    assert "龙亭区" in form and "下载分解表" in form
    response = client.post(url, {"unit": [kf_units["龙亭区"].pk, kf_units["鼓楼区"].pk, ""],
                                 "value": ["300", "450", ""]})
    assert response.url == reverse("plans:target", args=[investment.pk])
    page = client.get(response.url).content.decode()
    assert 'class="quota-total">750' in page and 'class="quota-gap">-250' in page and "尚未分解完" in page
    refused = client.post(url, {"unit": [kf_units["龙亭区"].pk], "value": ["-3"]})
    assert refused.status_code == 422 and "不能为负" in refused.content.decode()
    upload = io.BytesIO(sheet(("410202", "龙亭区", "x")))
    upload.name = "quotas.xlsx"
    refused = client.post(reverse("plans:assignments_upload", args=[investment.pk]), {"file": upload})
    assert refused.status_code == 422 and "第2行“分解值”列" in refused.content.decode()
    xlsx = client.get(reverse("plans:assignments_xlsx", args=[investment.pk]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats") and xlsx.content[:2] == b"PK"
    assert quotas_of(investment) == {"410202": 300, "410204": 450}


def test_leaders_and_reporters_get_no_decomposition_page(investment, kf_units, client):
    leader = User.objects.create_user(username="kf-leader", password="pw", role=User.Role.LEADER,
                                      unit=kf_units["开封市"])
    client.force_login(leader)
    assert client.get(reverse("plans:assignments", args=[investment.pk])).status_code == 403


def test_the_api_puts_the_table_through_the_same_function(investment, kf_units, kf_analyst, client):
    client.force_login(kf_analyst)
    url = f"/api/v1/targets/{investment.pk}/assignments"
    response = client.put(url, {"quotas": [{"unit": "410202", "value": 600}, {"unit": "410204", "value": 300}]},
                          content_type="application/json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["created"] == ["410202", "410204"] and body["check"]["gap"] == -100
    refused = client.put(url, {"quotas": [{"unit": "410202", "value": -1}, {"unit": "123", "value": 1}]},
                         content_type="application/json")
    assert refused.status_code == 422
    assert refused.json()["detail"] == [{"item": 2, "field": "unit", "value": "123", "reason": "没有代码为 123 的单位"}]
    refused = client.put(url, {"quotas": [{"unit": "410202", "value": -1}]}, content_type="application/json")
    assert refused.json()["detail"][0]["item"] == 1 and "不能为负" in refused.json()["detail"][0]["reason"]
    assert quotas_of(investment) == {"410202": 600, "410204": 300}


def test_luoshi_assign_takes_pairs_or_a_file(investment, kf_units, kf_analyst, tmp_path, capsys):
    assert cli.main(["assign", str(investment.pk), "410202=700", "410204=300", "--as", "kf-analyst"]) == 0
    out = capsys.readouterr().out
    assert "410202\t龙亭区\t700" in out and "差额 0" in out
    path = tmp_path / "quotas.xlsx"
    path.write_bytes(sheet(("410202", "龙亭区", "七百")))
    assert cli.main(["assign", str(investment.pk), "--file", str(path)]) == 1
    assert "第2行“分解值”列: “七百”不是数字" in capsys.readouterr().err
    assert cli.main(["assign", str(investment.pk), "410202=abc"]) == 2
    assert Assignment.objects.filter(target=investment).count() == 2
