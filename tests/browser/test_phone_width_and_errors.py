"""At 390 px the public plan, a target's public page and a project page do not overflow; a missing page is
a page of the site."""

import pytest

from luoshi.accounts.models import User
from luoshi.demo import loader
from luoshi.projects.models import Project
from tests.browser.conftest import log_in

PHONE = {"width": 390, "height": 844}
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture
def scene(transactional_db):
    loader.load_units()
    loader.load_series()
    plan = loader.load_plan()
    loader.create_accounts()
    loader.load_projects(plan)
    return plan


def test_public_pages_and_a_project_fit_a_phone(scene, open_page, live_server):
    page = open_page(PHONE)
    target = scene.targets.get(indicator="地区生产总值")
    for path in (f"/pledge/{scene.pk}/", f"/pledge/targets/{target.pk}/"):
        page.goto(live_server.url + path)
        assert page.evaluate(OVERFLOW) <= 0, path
    log_in(page, live_server, "analyst")
    project = Project.objects.order_by("pk").first()
    page.goto(live_server.url + f"/projects/{project.pk}/")
    assert page.evaluate(OVERFLOW) <= 0


def test_a_missing_page_is_chinese_with_navigation_at_phone_width(scene, open_page, live_server):
    assert User.objects.filter(username="leader").exists()
    page = open_page(PHONE)
    log_in(page, live_server, "leader")
    response = page.goto(live_server.url + "/plans/999999/")
    assert response.status == 404
    assert "页面不存在" in page.inner_text("main") and page.locator("header nav a").count() > 3
    assert page.evaluate(OVERFLOW) <= 0
    page.errors.clear()  # the browser logs the 404 itself as a console error
    page.goto(live_server.url + "/projects/import/")
    assert "无权访问" in page.inner_text("main")
    page.errors.clear()
