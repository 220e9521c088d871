"""Under the Content-Security-Policy every page still works: no refused script or style, charts and forms alive."""

import pytest

from luoshi.plans.models import Plan
from luoshi.projects.models import Project
from luoshi.tasks.models import Task
from tests.browser.conftest import browser, demo, log_in, open_page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PAGES = ["/plans/", "/plans/{plan}/", "/plans/targets/{target}/?period=2023", "/dashboard/?period=2023",
         "/dashboard/ranking/?plan={plan}&target={target}&period=2023", "/figures/entry/", "/figures/upload/", "/figures/review/",
         "/units/", "/projects/", "/projects/{project}/", "/projects/rollup/", "/projects/obstacles/", "/tasks/",
         "/tasks/{task}/", "/tasks/inbox/", "/briefings/", "/review/new/", "/review/plans/{plan}/", "/compare/",
         "/accounts/password/", "/pledge/", "/pledge/targets/{target}/", "/api/docs"]


def test_the_policy_header_allows_scripts_and_styles_from_this_server_only(client):
    policy = client.get("/accounts/login/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"


def test_every_page_works_under_the_policy(live_server, demo, open_page):  # noqa: F811
    ids = {"plan": demo.pk, "target": demo.targets.get(indicator="固定资产投资", kind="level").pk,
           "project": Project.objects.first().pk, "task": Task.objects.first().pk}
    assert Plan.objects.filter(pk=demo.pk).exists()
    page = open_page()
    log_in(page, live_server, "analyst")
    for path in PAGES:
        response = page.goto(live_server.url + path.format(**ids))
        assert response.status < 400, path
        page.wait_for_load_state("networkidle")
        for chart in page.locator("[data-source] canvas, [data-source] svg").all()[:2]:
            chart.hover()  # ECharts tooltips are built on hover
        page.wait_for_timeout(150)
        assert page.errors == [], (path, page.errors)


def test_selects_still_submit_their_form_without_inline_handlers(live_server, demo, open_page):  # noqa: F811
    page = open_page()
    log_in(page, live_server, "leader")
    page.goto(live_server.url + "/dashboard/")
    with page.expect_navigation():
        page.select_option("select[name=period]", "2023")
    assert "period=2023" in page.url
    with page.expect_navigation():
        page.select_option("select[name=language]", "en")
    assert page.locator("html").get_attribute("lang") == "en"
