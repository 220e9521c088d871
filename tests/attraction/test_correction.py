"""更正: a registered lead's facts put right by its 专班, landing unit or an analyst above them — on the page and
through the API, by one domain function; its stages stay as logged; the change is in the change log; another
unit's reporter can neither see nor change it."""

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType

from luoshi.attraction.models import Lead
from luoshi.attraction.stages import NotAllowed, correct_lead
from luoshi.core.models import ObjectChange
from luoshi.enterprises.models import Enterprise

D = dt.date


@pytest.fixture
def lead(make_lead):
    return make_lead("更正测试项目", "金水区", talks=D(2023, 2, 1), signed=D(2023, 3, 1), signed_amount=8)


@pytest.fixture
def right_firm(units):
    return Enterprise.objects.create(name="正确的电池公司", register_unit=units["郑州市"], outside=True)


def updates_of(lead) -> int:
    kind = ContentType.objects.get_for_model(Lead)
    return ObjectChange.objects.filter(changed_object_type=kind, changed_object_id=lead.pk, action="update").count()


def test_the_facts_change_and_the_stages_stay(analyst, lead, right_firm, other_force):
    steps = list(lead.steps.values_list("to_stage", "date"))
    before = updates_of(lead)
    correct_lead(analyst, lead, name=" 更正后的项目 ", company=right_firm, task_force=other_force)
    lead.refresh_from_db()
    assert (lead.name, lead.company, lead.task_force, lead.stage) == ("更正后的项目", right_firm, other_force, "signed")
    assert list(lead.steps.values_list("to_stage", "date")) == steps
    assert updates_of(lead) == before + 1


def test_a_correction_is_refused_with_its_reason(erqi_reporter, analyst, lead):
    with pytest.raises(NotAllowed):
        correct_lead(erqi_reporter, lead, name="越界更正")
    with pytest.raises(ValueError, match="项目名称"):
        correct_lead(analyst, lead, name="  ")
    with pytest.raises(TypeError, match="stage"):
        correct_lead(analyst, lead, stage="producing")
    assert Lead.objects.get(pk=lead.pk).name == "更正测试项目"


def test_the_page_corrects_and_another_unit_is_refused(client_for, analyst, erqi_reporter, lead, right_firm):
    page = client_for(analyst).get(f"/attraction/leads/{lead.pk}/")
    assert f"/attraction/leads/{lead.pk}/edit/" in page.content.decode()
    form = client_for(analyst).get(f"/attraction/leads/{lead.pk}/edit/")
    assert form.status_code == 200 and "更正招商项目" in form.content.decode() and 'name="date"' not in form.content.decode()
    posted = {"name": "页面更正项目", "company": right_firm.pk, "task_force": lead.task_force_id, "unit": lead.unit_id,
              "node": lead.node_id, "event": "", "planned_investment": "12"}
    done = client_for(analyst).post(f"/attraction/leads/{lead.pk}/edit/", posted)
    assert done.status_code == 302
    lead.refresh_from_db()
    assert (lead.name, lead.company, lead.planned_investment) == ("页面更正项目", right_firm, 12)
    assert client_for(erqi_reporter).get(f"/attraction/leads/{lead.pk}/edit/").status_code == 404
    assert client_for(erqi_reporter).post(f"/attraction/leads/{lead.pk}/edit/", posted).status_code == 404


def test_the_api_opens_and_corrects_a_lead(client_for, analyst, erqi_reporter, lead, right_firm, task_force):
    body = {"name": "接口登记项目", "company_id": right_firm.pk, "task_force_id": task_force.pk, "unit": "410105",
            "date": "2023-05-01"}
    opened = client_for(analyst).post("/api/v1/leads", body, content_type="application/json")
    assert opened.status_code == 201 and opened.json()["stage"] == "clue"
    fixed = client_for(analyst).put(f"/api/v1/leads/{lead.pk}", {**body, "name": "接口更正项目"},
                                    content_type="application/json")
    assert fixed.status_code == 200 and fixed.json()["name"] == "接口更正项目"
    assert fixed.json()["steps"] == client_for(analyst).get(f"/api/v1/leads/{lead.pk}").json()["steps"]
    bad = client_for(analyst).put(f"/api/v1/leads/{lead.pk}", {**body, "company_id": 999999, "unit": "999999"},
                                  content_type="application/json")
    assert bad.status_code == 422 and {d["field"] for d in bad.json()["detail"]} == {"company_id", "unit"}
    assert client_for(erqi_reporter).put(f"/api/v1/leads/{lead.pk}", body,
                                         content_type="application/json").status_code == 404
