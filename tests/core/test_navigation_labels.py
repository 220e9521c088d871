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


def test_the_kept_navigation_follows_the_role_and_the_language(client_for, jinshui_reporter, leader, analyst):
    """The links are kept per language and role: one reader's never show for another."""
    def nav(user, language="zh-hans"):
        client = client_for(user)
        client.cookies["django_language"] = language
        return client.get("/plans/").content.decode().split("<nav>")[1].split("</nav>")[0]

    assert "数据填报" in nav(jinshui_reporter) and "我的报送" in nav(jinshui_reporter)
    leader_nav = nav(leader)
    assert "数据填报" not in leader_nav and "数据审核" in leader_nav and "我的报送" not in leader_nav
    assert "Figure review" in nav(analyst, "en") and "数据填报" in nav(analyst)
