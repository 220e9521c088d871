"""Navigation words fit the reader: a reporter's own submissions, each language named in itself."""


def test_a_reporter_sees_my_submissions_an_analyst_the_review(client_for, jinshui_reporter, analyst):
    reporter_page = client_for(jinshui_reporter).get("/plans/").content.decode()
    assert "我的报送" in reporter_page and "数据审核" not in reporter_page
    assert "数据审核" in client_for(analyst).get("/plans/").content.decode()


def test_the_language_menu_names_each_language_in_itself(client_for, analyst):
    client = client_for(analyst)
    for language in ("zh-hans", "en"):
        client.cookies["django_language"] = language
        page = client.get("/plans/").content.decode()
        assert '>English</option>' in page and '>简体中文</option>' in page, language
        assert "英语" not in page and ">Simplified Chinese<" not in page


def test_the_english_navigation_is_english(client_for, analyst):
    client = client_for(analyst)
    client.cookies["django_language"] = "en"
    nav = client.get("/plans/").content.decode().split("<nav>")[1].split("</nav>")[0]
    assert "Figure review" in nav and "数据审核" not in nav
