"""In a real browser: an analyst imports a chain map from Excel and sees it drawn (ECharts, no console
error), readable in print; another city's analyst and another unit's reporter see none of it."""

import pytest

from tests.chains.conftest import workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_analyst_imports_a_map_and_sees_it_drawn(browser_as, chain, kf_analyst, erqi_reporter, tmp_path):
    sheet = tmp_path / "map.xlsx"
    sheet.write_bytes(workbook([
        ("上游/动力电池/正极材料", "", "测试正极有限公司", "", "规上", "金水区", "", ""),
        ("上游/动力电池/隔膜", "缺", "外地测试隔膜公司", "", "规上", "测试市", "", "是"),
        ("中游/整车制造", "强", "测试整车有限公司", "", "链主", "金水区", "是", ""),
        ("下游/充换电", "", "", "", "", "", "", ""),
    ]))
    page = browser_as("analyst")
    page.goto(f"{browser_as.url}/chains/{chain.pk}/import/")
    page.set_input_files("#import-form input[name=file]", str(sheet))
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#chain-map[data-drawn='1'] svg")
    assert page.url.endswith(f"/chains/{chain.pk}/")
    labels = page.inner_text("#chain-map")
    assert "整车制造【强】" in labels and "★ 测试整车有限公司" in labels and "隔膜【缺】" in labels
    assert page.locator("tr.node-row").count() == 5 and page.locator("tr.node-row.gap").count() >= 2
    page.emulate_media(media="print")
    assert page.locator("table.chain-table").is_visible() and not page.locator("#node-form").is_visible()
    assert page.locator("#chain-map svg").is_visible()
    page.emulate_media(media="screen")
    page.click("#chain-map text:has-text('隔膜【缺】')")
    page.wait_for_url("**/chains/nodes/**")
    assert "外地测试隔膜公司" in page.inner_text("table.node-targets")

    outsider = browser_as("kf_analyst")
    outsider.goto(browser_as.url + "/chains/")
    assert "测试新材料产业链" not in outsider.inner_text("main")
    assert outsider.goto(f"{browser_as.url}/chains/{chain.pk}/").status == 404
    reporter = browser_as("erqi")
    reporter.goto(browser_as.url + "/chains/")
    assert reporter.locator("tr.chain-row").count() == 0
    browser_as.problems["errors"] = [e for e in browser_as.problems["errors"] if "404" not in e]
