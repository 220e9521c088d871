import pytest
from django.urls import reverse

from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_login(client, plan):
    for url in (reverse("plans:list"), reverse("plans:detail", args=[plan.pk]), reverse("units:tree")):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_plan_page_lists_fronts_and_targets_the_chinese_way(client_for, leader, plan):
    page = client_for(leader).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    for text in ("经济发展", "营商环境", "确保 7000 亿元", "力争 突破 6000 家", "确保 增长 15% 以上",
                 "确保全年完成固定资产投资7000亿元", "2023年一季度", "2023—2027年"):
        assert text in page
    assert page.index("经济发展") < page.index("创新引领") < page.index("营商环境")


def test_target_page_highlights_its_sentence_in_the_plan_text(client_for, erqi_reporter, fai_target):
    page = client_for(erqi_reporter).get(reverse("plans:target", args=[fai_target.pk])).content.decode()
    assert '<mark id="source-sentence">确保全年完成固定资产投资7000亿元</mark>、增长15%以上' in page
    assert "一是在经济发展上勇挑大梁" in page


def test_pages_are_chinese_by_default_and_english_on_request(client_for, analyst, plan):
    client = client_for(analyst)
    page = client.get(reverse("plans:list"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "规划与目标" in page and '<html lang="zh-CN">' in page
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Plans and targets" in client.get(reverse("plans:list")).content.decode()


def test_reporters_do_not_see_draft_plans(client_for, jinshui_reporter, analyst, plan):
    Plan.objects.filter(pk=plan.pk).update(status=Plan.Status.DRAFT)
    assert client_for(jinshui_reporter).get(reverse("plans:detail", args=[plan.pk])).status_code == 404
    assert client_for(analyst).get(reverse("plans:detail", args=[plan.pk])).status_code == 200


def test_unit_tree_shows_the_hierarchy(client_for, admin_user, units):
    page = client_for(admin_user).get(reverse("units:tree")).content.decode()
    assert page.index("河南省") < page.index("郑州市") < page.index("金水区")
    assert "郑州航空港经济综合实验区" in page and "410105" in page


def test_pages_load_nothing_from_another_host(client_for, leader, fai_target):
    client = client_for(leader)
    for url in (reverse("plans:list"), reverse("plans:target", args=[fai_target.pk]), reverse("login")):
        page = client.get(url).content.decode()
        assert "http://" not in page.replace("http://testserver", "") and "https://" not in page
