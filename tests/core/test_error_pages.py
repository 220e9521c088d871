"""Errors are pages of the site, in the reader's language, that say what to do — never Django's bare English."""

from django.test import Client, RequestFactory
from django.utils import translation
from django.views import defaults


def test_a_missing_page_is_a_chinese_page_with_the_navigation(client_for, analyst):
    response = client_for(analyst).get("/plans/999999/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "页面不存在" in text and "请检查地址" in text
    assert 'href="/plans/"' in text  # the site's navigation
    assert "Not Found" not in text


def test_a_leader_refused_an_import_gets_a_chinese_403_naming_the_way_on(client_for, leader):
    response = client_for(leader).get("/projects/import/")
    text = response.content.decode()
    assert response.status_code == 403
    assert "无权访问" in text and "系统管理员" in text and "领导" in text
    assert "Forbidden" not in text


def test_a_leader_is_not_offered_the_project_import(client_for, leader, analyst, jinshui_reporter):
    assert "导入项目清单" not in client_for(leader).get("/projects/").content.decode()
    assert "导入项目清单" in client_for(analyst).get("/projects/").content.decode()
    assert "导入项目清单" in client_for(jinshui_reporter).get("/projects/").content.decode()


def test_a_form_posted_without_its_csrf_token_says_to_reload(analyst):
    client = Client(enforce_csrf_checks=True)
    client.force_login(analyst)
    response = client.post("/accounts/password/", {"old_password": "x"})
    text = response.content.decode()
    assert response.status_code == 403
    assert "页面已过期" in text and "刷新" in text
    assert "CSRF verification failed" not in text


def test_the_error_page_in_english(client_for, analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    text = client.get("/plans/999999/").content.decode()
    assert "Page not found" in text
    assert "页面不存在" not in text


def test_the_500_page_needs_no_database(django_assert_num_queries, db):
    request = RequestFactory().get("/broken/")
    with django_assert_num_queries(0), translation.override("zh-hans"):
        response = defaults.server_error(request)
    text = response.content.decode()
    assert response.status_code == 500
    assert "系统出错" in text and "系统管理员" in text
    assert "Server Error" not in text


def test_a_bad_request_is_a_page_of_the_site(rf, db):
    request = rf.get("/")
    from django.contrib.auth.models import AnonymousUser
    request.user = AnonymousUser()
    with translation.override("zh-hans"):
        response = defaults.bad_request(request, Exception("bad"))
    text = response.content.decode()
    assert response.status_code == 400
    assert "请求无效" in text and "登录" in text
