"""里程碑节点: dated steps entered on the target page or through the API, judged by the engine."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from luoshi.core.models import ObjectChange
from luoshi.figures.status import judge_targets, verdict_row
from luoshi.plans.models import Target, TargetMilestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def airport(plan, units):
    """A milestone target of the test's own: 机场三期 with its steps still to be entered."""
    return Target.objects.create(plan=plan, indicator="测试枢纽工程", kind="milestone", value=2, unit_of_measure="项",
                                 period="2023", region="郑州", owner=units["郑州市发展和改革委员会"],
                                 reported_by_owner=True, span_start=0, span_end=4)


def api(client, method: str, target: Target, body: dict):
    return getattr(client, method)(f"/api/v1/targets/{target.pk}/milestones", json.dumps(body),
                                   content_type="application/json")


def test_steps_entered_through_the_api_are_judged(client_for, analyst, airport):
    client = client_for(analyst)
    first = api(client, "post", airport, {"name": "完成主体结构", "due": "2023-06-30", "order": 1})
    assert first.status_code == 201 and first.json()["done"] is None
    second = api(client, "post", airport, {"name": "竣工验收", "due": "2023-11-30", "order": 2}).json()
    row = verdict_row(judge_targets([airport], today=dt.date(2023, 7, 5))[0])
    assert row["status"] == "red" and "1 项里程碑逾期未完成(最早应于 2023-06-30 完成)" in row["reason"]

    done = api(client, "patch", airport, {"id": first.json()["id"], "done": "2023-06-28"})
    assert done.status_code == 200 and done.json()["done"] == "2023-06-28"
    row = verdict_row(judge_targets([airport], today=dt.date(2023, 7, 5))[0])
    assert row["status"] == "green" and row["progress"] == 0.5
    api(client, "patch", airport, {"id": second["id"], "archived": True})
    assert judge_targets([airport], today=dt.date(2024, 1, 5))[0].verdict.met is True  # the archived step is gone
    logged = ObjectChange.objects.filter(changed_object_type__model="targetmilestone")
    assert logged.count() == 4 and {c.user_name for c in logged} == {analyst.username}  # every change, by whom
    assert TargetMilestone.objects.filter(target=airport).count() == 2  # archived, never deleted
    listed = client.get(f"/api/v1/targets/{airport.pk}/milestones").json()
    assert [s["name"] for s in listed] == ["完成主体结构", "竣工验收"] and listed[1]["archived"] is True


def test_bad_steps_are_refused_with_the_field(client_for, analyst, jinshui_reporter, airport, fai_target):
    client = client_for(analyst)
    bad = api(client, "post", airport, {"name": "", "due": "6月底"})
    assert bad.status_code == 422
    assert {d["field"] for d in bad.json()["detail"]} == {"name", "due"}
    assert api(client, "post", fai_target, {"name": "节点", "due": "2023-06-30"}).json()["detail"][0]["field"] == "target"
    assert api(client, "patch", airport, {"id": 999999, "done": "2023-06-30"}).status_code == 404
    assert api(client_for(jinshui_reporter), "post", airport, {"name": "节点", "due": "2023-06-30"}).status_code in (
        403, 404)
    assert not TargetMilestone.objects.exists()


def test_the_target_page_form_adds_and_completes_a_step(client_for, analyst, airport):
    client = client_for(analyst)
    url = reverse("dashboard:milestones", args=[airport.pk])
    response = client.post(url, {"name": "开工建设", "due": "2023-03-31", "order": "0"})
    assert response.status_code == 302 and response["Location"].endswith(f"/plans/targets/{airport.pk}/#milestones")
    step = TargetMilestone.objects.get(target=airport)
    client.post(url, {"step": step.pk, "name": "开工建设", "due": "2023-03-31", "done": "2023-03-20", "order": "0"})
    step.refresh_from_db()
    assert step.done == dt.date(2023, 3, 20) and not step.archived
    page = client.get(reverse("plans:target", args=[airport.pk])).content.decode()
    assert 'id="milestones"' in page and "开工建设" in page and "添加节点" in page
    refused = client.post(url, {"name": "竣工", "due": "年底"}, follow=True).content.decode()
    assert "里程碑节点未保存" in refused and "不是日期" in refused
