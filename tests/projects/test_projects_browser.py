"""In a real browser: a project moves through its stages with monthly figures, rolls up into 金水区's
investment quota, and an obstacle goes round from the owner to the department and back; 二七区 sees none of it."""

import pytest

from luoshi.accounts.models import User
from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import approve
from luoshi.projects.models import Obstacle

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_project_goes_through_stages_figures_rollup_and_an_obstacle(browser_as, project, erqi_project, units,
                                                                        jinshui_reporter, erqi_reporter, analyst,
                                                                        report):
    for user in (jinshui_reporter, erqi_reporter, analyst):
        user.set_password("pw-" + user.username)
        user.save()
    page = browser_as("jinshui")
    page.goto(browser_as.url + "/projects/")
    assert page.locator("tr.project-row").count() == 1 and page.locator("text=二七区测试项目").count() == 0
    page.click("text=金水区测试项目")
    for stage, day in (("signed", "2023-01-10"), ("started", "2023-02-10"), ("building", "2023-03-10")):
        page.select_option("#stage-form select[name=stage]", stage)
        page.fill("#stage-form input[name=date]", day)
        page.click("#stage-form button[type=submit]")
    assert "在建" in page.inner_text("#stage") and page.locator("#stages .log li").count() == 3
    page.fill("#plan-form input[name=m3]", "20")
    page.click("#plan-form button[type=submit]")
    for period, value in (("2023M1-2", 18), ("2023M03", 36)):
        revision = report(jinshui_reporter, project, period, value)
        approve(FigureRevision.objects.get(pk=revision.pk), analyst)
    page.reload()
    assert page.locator("#progress table.figures tbody tr").count() == 2
    page.select_option("#obstacle-form select[name=category]", "land")
    page.fill("#obstacle-form textarea[name=description]", "用地报批未完成")
    page.click("#obstacle-form button[type=submit]")
    assert "待转办" in page.inner_text("#obstacle-status")

    desk = browser_as("analyst")
    desk.goto(browser_as.url + "/projects/rollup/")
    row = desk.locator("tr.rollup-row[data-unit='410105']")
    assert row.locator("td.completed").inner_text() == "36" and "900" in row.inner_text()
    assert desk.locator("tr.rollup-city td.completed").inner_text() == "36"
    obstacle = Obstacle.objects.get()
    desk.goto(browser_as.url + f"/projects/obstacles/{obstacle.pk}/")
    desk.select_option("#route-form select[name=department]", label="郑州市发展和改革委员会")
    desk.click("#route-form button[type=submit]")
    desk.fill("#answer-form textarea[name=note]", "已协调用地指标")
    desk.click("#answer-form button[type=submit]")
    assert "已答复" in desk.inner_text("#obstacle-status")

    page.goto(browser_as.url + f"/projects/obstacles/{obstacle.pk}/")
    page.click("#confirm-form button[type=submit]")
    assert "已解决" in page.inner_text("#obstacle-status")
    assert page.locator("#obstacle-log li").count() == 4

    other = browser_as("erqi")
    other.goto(browser_as.url + "/projects/obstacles/")
    assert other.locator("tr.obstacle-row").count() == 0
    assert other.request.get(browser_as.url + f"/projects/{project.pk}/").status == 404
    assert User.objects.count() == 3
