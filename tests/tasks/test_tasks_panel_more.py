"""The dashboard's 督办 panel shows eight units and says how many more there are, with the way to them."""

from django.template.loader import render_to_string
from django.test import RequestFactory

from luoshi.accounts.models import User
from luoshi.demo import loader
from luoshi.tasks.models import Task
from luoshi.tasks.panel import SHOWN, panel_context


def test_the_panel_says_how_many_units_are_not_shown(plan):
    loader.create_accounts()
    loader.load_tasks(plan)
    analyst = User.objects.get(username="analyst")
    context = panel_context(analyst)
    lead_units = set(Task.objects.filter(plan=plan).values_list("lead_unit", flat=True))
    assert len(lead_units) > SHOWN
    assert len(context["units"]) == SHOWN and context["more_units"] == len(lead_units) - SHOWN
    request = RequestFactory().get("/dashboard/")
    request.user = analyst
    html = render_to_string("tasks/_dashboard_panel.html", context, request=request)
    assert f"更多:另有 {len(lead_units) - SHOWN} 个单位" in html and 'href="/tasks/#units"' in html
