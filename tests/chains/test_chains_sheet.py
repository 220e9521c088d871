"""Chain-map Excel: export → import round trip, and every bad row reported with nothing written."""

import io

import pytest
from openpyxl import load_workbook

from luoshi.chains.export import chain_dict
from luoshi.chains.models import ChainNode, NodeEnterprise, TargetFirm
from luoshi.chains.sheet import MapRejected, export_workbook, import_map
from luoshi.core.models import ObjectChange
from luoshi.enterprises.models import Enterprise
from tests.accounts.test_jurisdiction import snapshot
from tests.chains.conftest import CODE_B, workbook


def sheet_rows(content: bytes) -> list[tuple]:
    return list(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(values_only=True))


def test_export_writes_one_row_per_node_and_firm(chain, mapped):
    rows = sheet_rows(export_workbook([chain]))
    assert rows[0][:8] == ("环节路径", "环节地位", "企业名称", "统一社会信用代码", "企业规模", "所在单位", "是否链主", "靶向招商")
    body = [r[:8] for r in rows[1:]]
    assert ("上游/电池/正极", None, "测试电池有限公司", "91410100MA0000001X", "规上", "金水区", "是", None) in body
    assert ("上游/电池/负极", None, "外地测试材料公司", None, "规上", "测试市", None, "是") in body
    assert ("下游/回收", None, None, None, None, None, None, None) in body
    assert [r[8] for r in rows[1:] if r[0] == "下游/回收"] == ["缺"]  # the proposed standing, not the analyst's


def test_round_trip_changes_nothing(chain, mapped, analyst):
    before = chain_dict(chain)
    summary = import_map(analyst, chain, export_workbook([chain]), "map.xlsx")
    assert (summary.created_nodes, summary.archived_nodes, summary.created_enterprises) == (0, 0, 0)
    assert chain_dict(chain) == before


def test_import_builds_the_map_the_file_says(chain, mapped, analyst, units):
    content = workbook([
        ("上游/电池/正极", "强", "测试电池有限公司", "", "规上", "金水区", "是", ""),
        ("上游/电池/隔膜", "缺", "", "", "", "", "", ""),
        ("上游/电池/隔膜", "", "外地隔膜测试公司", CODE_B, "专精特新", "测试省", "", "是"),
        ("中游/整车", "", "测试整车有限公司", "", "链主", "二七区", "是", ""),
    ])
    summary = import_map(analyst, chain, content, "map.xlsx")
    assert (summary.created_nodes, summary.created_enterprises) == (2, 2)  # 隔膜, 整车
    assert summary.archived_nodes == 2  # 负极 and 回收 are no longer on the map
    data = chain_dict(chain)
    upstream = data["segments"][0]["nodes"][0]
    assert [n["name"] for n in upstream["children"]] == ["正极", "隔膜"]
    separator = upstream["children"][1]
    assert separator["standing"] == "missing" and separator["target_firms"][0]["credit_code"] == CODE_B
    assert Enterprise.objects.get(credit_code=CODE_B).outside
    car = data["segments"][1]["nodes"][0]
    assert car["enterprises"][0]["anchor"] and car["proposed_standing"] == "strong"
    assert Enterprise.objects.get(name="测试整车有限公司").unit == units["二七区"]
    assert ChainNode.objects.get(pk=mapped["recycling"].pk).archived


def test_every_bad_row_is_reported_and_nothing_written(chain, mapped, analyst):
    content = workbook([
        ("上游/电池/正极", "很强", "测试电池有限公司", "", "", "", "", ""),          # 2: standing
        ("侧游/电池", "", "", "", "", "", "", ""),                                    # 3: segment
        ("上游//空", "", "", "", "", "", "", ""),                                     # 4: empty level
        ("上游/电池", "", "测试甲公司", "91410100MA0000001Y", "", "", "", ""),       # 5: check digit
        ("上游/电池", "", "测试乙公司", "", "巨头", "开封市", "也许", ""),           # 6: scale, unit, anchor
        ("上游/电池", "", "", "91410100MA0000001X", "", "", "", ""),                 # 7: code without a name
        ("上游/电池", "", "测试丙公司", "", "", "", "是", "是"),                      # 8: anchor and target
        ("", "", "测试丁公司", "", "", "", "", ""),                                   # 9: no path
        ("上游/电池/正极", "弱", "", "", "", "", "", ""),                             # 10: standing differs? no: 2 bad
        ("上游/电池/正极", "强", "", "", "", "", "", ""),                             # 11: differs from 10
    ])
    before = snapshot()
    with pytest.raises(MapRejected) as rejected:
        import_map(analyst, chain, content, "map.xlsx")
    found = {(e.row, e.column.split("(")[-1].rstrip(")")) for e in rejected.value.errors}
    assert found == {(2, "环节地位"), (3, "环节路径"), (4, "环节路径"), (5, "统一社会信用代码"), (6, "企业规模"),
                     (6, "所在单位"), (6, "是否链主"), (7, "企业名称"), (8, "靶向招商"), (9, "环节路径"),
                     (11, "环节地位")}
    assert all(e.reason for e in rejected.value.errors)
    assert snapshot() == before


def test_a_missing_path_column_and_a_broken_file_are_refused(chain, analyst):
    with pytest.raises(MapRejected) as rejected:
        import_map(analyst, chain, workbook([("x",)], header=("企业名称",)), "map.xlsx")
    assert "环节路径" in rejected.value.errors[0].reason
    with pytest.raises(MapRejected) as rejected:
        import_map(analyst, chain, b"not a workbook", "map.xlsx")
    assert rejected.value.errors[0].row == 1


def test_dry_run_writes_nothing_and_counts(chain, mapped, analyst):
    before = (ChainNode.objects.count(), NodeEnterprise.objects.count(), TargetFirm.objects.count(),
              ObjectChange.objects.count())
    summary = import_map(analyst, chain, workbook([("中游/整车", "", "", "", "", "", "", "")]), "m.xlsx", dry_run=True)
    assert summary.dry_run and summary.created_nodes == 1 and summary.archived_nodes == 4
    assert (ChainNode.objects.count(), NodeEnterprise.objects.count(), TargetFirm.objects.count(),
            ObjectChange.objects.count()) == before


def test_formula_like_text_is_exported_as_text(chain, analyst):
    from luoshi.chains import editing

    editing.add_node(analyst, chain, "=1+1", segment="midstream")
    book = load_workbook(io.BytesIO(export_workbook([chain])))
    cell = book.worksheets[0]["A2"]
    assert cell.value == "中游/=1+1" and cell.data_type == "s"


def test_another_citys_analyst_cannot_import(chain, kf_analyst):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        import_map(kf_analyst, chain, workbook([("中游/整车",)]), "m.xlsx")
