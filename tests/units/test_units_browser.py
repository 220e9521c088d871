"""In the browser: an analyst opens a unit's 维护 panel, adds a department, renames it, and is refused an archive."""

import pytest

from luoshi.units.models import Unit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_actions(page, unit: Unit):
    """Unfold UNIT in the tree and its 维护 panel; returns the panel once its forms have come."""
    node = page.locator(f"#unit-{unit.pk}")
    node.locator("details").first.evaluate("d => d.open = true")
    node.locator(f"#unit-row-{unit.pk} details.unit-actions > summary").click()
    node.locator(f"#unit-row-{unit.pk} .unit-actions-body").wait_for()
    return node.locator(f"#unit-row-{unit.pk}")


def test_an_analyst_keeps_the_city_units_in_the_browser(browser_as, analyst, jinshui_reporter, units):
    page = browser_as("analyst")
    page.goto(browser_as.url + "/units/")
    form = open_actions(page, units["郑州市"]).locator("form", has_text="添加下级功能区或部门")
    form.locator("select[name=kind]").select_option("department")
    form.locator("input[name=name]").fill("郑州市审计局")
    form.locator("input[name=short_name]").fill("市审计局")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("text=已添加 郑州市审计局(410100.dept1)")
    added = Unit.objects.get(code="410100.dept1")
    assert "郑州市审计局" in page.locator(f"#unit-title-{added.pk}").inner_text()

    rename = open_actions(page, added).locator("form", has_text="更名")
    rename.locator("input[name=name]").fill("郑州市审计局(试)")
    rename.locator("button[type=submit]").click()
    page.wait_for_selector(f"#unit-title-{added.pk} >> text=郑州市审计局(试)")

    page.on("dialog", lambda dialog: dialog.accept())
    open_actions(page, units["金水区"]).locator("form", has_text="归档").locator("button").click()
    page.wait_for_selector("text=不能归档“金水区”:有 1 个在用账号:jinshui")
    assert not Unit.objects.get(code="410105").archived
