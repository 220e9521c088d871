"""The public pledge pages: what an anonymous citizen can read, and everything they cannot."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from luoshi.demo import loader
from luoshi.figures.entries import Entry
from luoshi.figures.models import FigureRevision
from luoshi.figures.submission import submit
from luoshi.plans.models import Assignment, Plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def actuals(plan):
    loader.load_actuals()
    return plan


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_anonymous_reads_the_promise_the_figure_its_source_and_the_status(client, actuals):
    assert actuals.title in page(client, reverse("pledge:index"))
    text = page(client, reverse("pledge:plan", args=[actuals.pk]))
    assert "确保全年完成固定资产投资7000亿元" in text and "招商引资总额" in text
    assert "正常 · 已完成" in text and "滞后 · 未完成" in text
    attraction = actuals.targets.get(indicator="招商引资总额", period="2023")
    text = page(client, reverse("pledge:target", args=[attraction.pk]))
    assert "7797" in text and "全年突破7000亿元" in text and "历史数据" in text
    assert reverse("pledge:target", args=[attraction.pk]) in text, "the shareable link is on the page"


def test_history_shows_approved_figures_only_and_no_internal_notes(client, actuals, jinshui_reporter):
    gdp = actuals.targets.get(indicator="地区生产总值")
    submit(None, [Entry(row=1, series=gdp.series.name, unit="410100", period="2023Q1-3", growth=6.1,
                        source="待审核来源", note="内部说明")], channel="import")
    FigureRevision.objects.filter(source="待审核来源").update(status=FigureRevision.Status.SUBMITTED)
    returned = FigureRevision.objects.filter(figure__series=gdp.series, figure__period="2023H1").first()
    FigureRevision.objects.filter(pk=returned.pk).update(status=FigureRevision.Status.RETURNED,
                                                         review_note="审核意见:口径不符")
    text = page(client, reverse("pledge:target", args=[gdp.pk]))
    assert "待审核来源" not in text and "内部说明" not in text and "口径不符" not in text
    assert "2023年上半年" not in text and "2023年" in text and "7.4" in text


def test_only_public_units_assignments_are_shown(client, actuals, units):
    fai = actuals.targets.get(indicator="固定资产投资", kind="level")
    Assignment.objects.create(target=fai, unit=units["金水区"], value=900, note="内部备注")
    hidden = units["二七区"]
    hidden.is_public = False
    hidden.save()
    Assignment.objects.create(target=fai, unit=hidden, value=400)
    text = page(client, reverse("pledge:target", args=[fai.pk]))
    assert "金水区" in text and "二七区" not in text and "内部备注" not in text


def test_draft_and_simulated_plans_are_not_public(client, actuals):
    target = actuals.targets.first()
    for change in ({"status": Plan.Status.DRAFT}, {"status": Plan.Status.PUBLISHED, "simulated": True}):
        Plan.objects.filter(pk=actuals.pk).update(**change)
        assert client.get(reverse("pledge:plan", args=[actuals.pk])).status_code == 404
        assert client.get(reverse("pledge:target", args=[target.pk])).status_code == 404
        assert actuals.title not in page(client, reverse("pledge:index"))


def every_url(patterns=None, prefix="/"):
    """Every URL of the site with sample arguments (1 for numbers, x for strings)."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = re.sub(r"<int:\w+>", "1", str(entry.pattern))
        route = re.sub(r"<(?:str:|slug:|path:)?\w+>", "x", route).lstrip("^").rstrip("$").replace("\\Z", "")
        if isinstance(entry, URLResolver):
            yield from every_url(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and "(?P" not in route:
            yield prefix + route


PUBLIC = ("/pledge/", "/accounts/login/", "/admin/login/", "/i18n/", "/api/openapi.json", "/api/docs",
          "/static/")


def test_an_anonymous_visitor_can_reach_nothing_else(client, actuals):
    urls = sorted(set(every_url()))
    assert "/dashboard/" in urls and "/briefings/download/" in urls and "/api/v1/dashboard" in urls
    for url in urls:
        if url.startswith(PUBLIC) or url == "/":
            continue
        response = client.get(url)
        if url.startswith("/api/"):
            assert response.status_code in (401, 404, 405), url
        else:
            assert response.status_code in (302, 404, 405), url
            if response.status_code == 302:
                final = client.get(url, follow=True).request["PATH_INFO"]
                assert final in ("/accounts/login/", "/admin/login/"), url
    assert client.get("/").status_code == 302 and client.get("/api/v1/status").status_code == 401
