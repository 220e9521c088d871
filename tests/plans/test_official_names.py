"""One word for one thing: the catalogue's official name for a series the plan named by an alias, 其他 for no front."""

import pytest
from django.utils import translation


@pytest.fixture
def retail(plan):
    return plan.targets.get(indicator="社会消费品零售额", kind="level", period="2023")


def test_a_target_named_by_an_alias_shows_the_official_name(retail):
    assert retail.series.name == "社会消费品零售总额" and "社会消费品零售额" in retail.series.aliases
    assert retail.name == "社会消费品零售总额"
    with translation.override("zh-hans"):
        assert str(retail) == "社会消费品零售总额 2023年"


def test_a_target_named_as_the_catalogue_names_it_keeps_the_plans_words(plan):
    gdp = plan.targets.get(indicator="地区生产总值")
    assert gdp.series.name == "地区生产总值" and gdp.name == "地区生产总值"
    gdp.series = None
    assert gdp.name == "地区生产总值"


def test_the_plan_and_target_pages_use_the_official_name(client_for, analyst, plan, retail):
    client = client_for(analyst)
    plan_page = client.get(f"/plans/{plan.pk}/").content.decode()
    assert ">社会消费品零售总额</a>" in plan_page and ">社会消费品零售额</a>" not in plan_page
    target_page = client.get(f"/plans/targets/{retail.pk}/").content.decode()
    assert "<h1>社会消费品零售总额</h1>" in target_page
    assert "“全年突破5800亿元" in target_page  # the plan's own words stay quoted as its source


def test_the_plan_page_calls_targets_without_a_front_other(client_for, analyst, plan):
    plan.targets.filter(indicator="地区生产总值").update(front=None)
    page = client_for(analyst).get(f"/plans/{plan.pk}/").content.decode()
    assert "其他" in page and "未归类" not in page
