"""The period shown as people say it, and one picker offering the periods of the user's plan years."""

import datetime as dt

from django.template import Context, RequestContext, Template
from django.test import RequestFactory
from django.utils import translation

from luoshi.core.labels import period_label
from luoshi.plans.models import Plan
from luoshi.plans.periods import ended_months, plan_years, year_periods


def test_period_label_in_each_language():
    with translation.override("zh-hans"):
        assert period_label("2026M10") == "2026年1–10月"
        assert period_label("2023Q1") == "2023年一季度"
        assert period_label("2023") == "2023年"
        assert period_label("2023M10", short=True) == "1–10月"
        assert period_label("no such period") == "no such period"
    with translation.override("en"):
        assert period_label("2023Q1") == "Q1 2023"
        assert period_label("2023M1-2") == "Jan–Feb 2023"


def test_year_periods_follow_the_statistical_calendar():
    labels = [p.code for p in year_periods(2023)]
    assert labels[:3] == ["2023M1-2", "2023Q1", "2023M03"]
    assert labels[-1] == "2023" and "2023M12" not in labels
    assert labels.index("2023H1") == labels.index("2023M06") - 1 and labels.index("2023") == len(labels) - 1


def test_the_picker_offers_the_plan_years_not_only_the_last_two(plan, jinshui_reporter):
    assert plan.year == 2023
    assert plan_years(jinshui_reporter, today=dt.date(2026, 12, 1)) == [2023]
    months = ended_months(jinshui_reporter, today=dt.date(2026, 12, 1))
    assert months[0].code == "2023M12" and months[-1].code == "2023M1-2"


def test_a_user_with_no_plan_gets_this_year(db, jinshui_reporter):
    Plan.objects.all().delete()
    assert plan_years(jinshui_reporter, today=dt.date(2026, 5, 1)) == [2026]


def test_the_period_select_tag_labels_options_and_keeps_the_choice(plan, jinshui_reporter):
    request = RequestFactory().get("/")
    request.user = jinshui_reporter
    template = Template('{% load plan_periods %}{% period_select "period" "2023H1" "最新" %}')
    with translation.override("zh-hans"):
        html = template.render(RequestContext(request, {}))
    assert '<optgroup label="2023年">' in html
    assert '<option value="2023H1" selected>2023年上半年</option>' in html
    assert '<option value="">最新</option>' in html
    assert ">2023H1<" not in html and ">2023M06<" not in html


def test_figure_and_target_names_show_the_period_label(plan):
    target = plan.targets.get(indicator__contains="社会消费品", period="2023Q1")
    with translation.override("zh-hans"):
        assert str(target).endswith("2023年一季度")
        assert "2023Q1" not in Template("{{ t }}").render(Context({"t": target}))
