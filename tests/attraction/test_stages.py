"""The lead's stage machine: one step at a time, dated, the signed amount at 签约, a key project at 开工."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.attraction.models import Lead
from luoshi.attraction.stages import LeadError, NotAllowed, advance, link_project, next_stage
from luoshi.core.models import ObjectChange
from luoshi.projects.models import Project
from tests.attraction.conftest import DAY

TODAY = dt.date(2024, 6, 30)


def test_a_lead_opens_at_clue_with_its_first_step(make_lead):
    lead = make_lead()
    assert lead.stage == "clue" and lead.stage_date == DAY
    assert [(s.from_stage, s.to_stage, s.date) for s in lead.steps.all()] == [("", "clue", DAY)]
    assert ObjectChange.objects.filter(changed_object_id=lead.pk, object_repr=lead.name, action="create").exists()


def test_only_the_next_stage_may_follow(make_lead):
    lead = make_lead()
    with pytest.raises(LeadError, match="只能进入“洽谈”"):
        advance(lead, "signed", dt.date(2023, 2, 1), None, signed_investment=5, today=TODAY)
    with pytest.raises(LeadError, match="不能从"):
        advance(lead, "no-such-stage", dt.date(2023, 2, 1), None, today=TODAY)
    assert next_stage(lead) == "talks"
    produced = make_lead(name="已投产", talks=dt.date(2023, 1, 6), signed=dt.date(2023, 1, 7), landed=dt.date(2023, 1, 8),
                         started=dt.date(2023, 1, 9), producing=dt.date(2023, 1, 10), signed_amount=3)
    assert next_stage(produced) is None
    with pytest.raises(LeadError, match="已投产"):
        advance(produced, "producing", dt.date(2023, 2, 1), None, today=TODAY)


def test_a_step_is_never_in_the_future_nor_before_the_last(make_lead):
    lead = make_lead()
    with pytest.raises(LeadError, match="还没有到"):
        advance(lead, "talks", dt.date(2024, 7, 1), None, today=TODAY)
    with pytest.raises(LeadError, match="不能早于上一阶段日期 2023-01-05"):
        advance(lead, "talks", dt.date(2023, 1, 4), None, today=TODAY)
    advance(lead, "talks", DAY, None, today=TODAY)  # the same day is fine
    assert Lead.objects.get(pk=lead.pk).stage == "talks"


def test_signing_needs_the_signed_amount(make_lead):
    lead = make_lead(talks=dt.date(2023, 2, 1))
    with pytest.raises(LeadError, match="签约投资额"):
        advance(lead, "signed", dt.date(2023, 3, 1), None, today=TODAY)
    with pytest.raises(LeadError, match="签约投资额"):
        advance(lead, "signed", dt.date(2023, 3, 1), None, signed_investment=0, today=TODAY)
    advance(lead, "signed", dt.date(2023, 3, 1), None, signed_investment=Decimal("12.5"), today=TODAY)
    lead.refresh_from_db()
    assert (lead.stage, lead.signed_investment) == ("signed", Decimal("12.5"))


def test_starting_needs_a_key_project_and_creates_one(make_lead, units):
    lead = make_lead(talks=dt.date(2023, 2, 1), signed=dt.date(2023, 3, 1), landed=dt.date(2023, 4, 1), signed_amount=20)
    with pytest.raises(LeadError, match="重点项目"):
        advance(lead, "started", dt.date(2023, 5, 1), None, today=TODAY)
    advance(lead, "started", dt.date(2023, 5, 1), None, create_project=True, today=TODAY)
    lead.refresh_from_db()
    project = lead.project
    assert (project.name, project.owner, project.investor, project.total_investment, project.stage,
            project.stage_date) == (lead.name, units["金水区"], lead.company, Decimal(20), "started", dt.date(2023, 5, 1))
    advance(lead, "producing", dt.date(2023, 11, 1), None, today=TODAY)
    project.refresh_from_db()
    assert (project.stage, project.stage_date) == ("operating", dt.date(2023, 11, 1))
    assert [c.to_stage for c in project.stage_changes.all()] == ["started", "operating"]


def test_an_existing_project_is_linked_once(make_lead, units):
    existing = Project.objects.create(code="T-1", name="已有项目", owner=units["金水区"], stage="signed",
                                      stage_date=dt.date(2023, 1, 1))
    first = make_lead(talks=dt.date(2023, 2, 1), signed=dt.date(2023, 3, 1), signed_amount=5)
    link_project(first, existing, None)
    second = make_lead(name="另一个", talks=dt.date(2023, 2, 1), signed=dt.date(2023, 3, 1), landed=dt.date(2023, 4, 1),
                       signed_amount=5)
    with pytest.raises(LeadError, match="已关联另一个招商项目"):
        advance(second, "started", dt.date(2023, 5, 1), None, project=existing, today=TODAY)
    clue = make_lead(name="线索")
    with pytest.raises(LeadError, match="签约后"):
        link_project(clue, existing, None)


def test_who_may_move_a_lead(make_lead, jinshui_reporter, erqi_reporter, bureau_reporter, analyst, leader):
    lead = make_lead()  # lands in 金水区, member of the task force led by the commerce bureau
    advance(lead, "talks", dt.date(2023, 2, 1), bureau_reporter, today=TODAY)
    lead.refresh_from_db()
    advance(lead, "signed", dt.date(2023, 3, 1), jinshui_reporter, signed_investment=1, today=TODAY)
    lead.refresh_from_db()
    for outsider in (erqi_reporter, leader):
        with pytest.raises(NotAllowed):
            advance(lead, "landed", dt.date(2023, 4, 1), outsider, today=TODAY)
    advance(lead, "landed", dt.date(2023, 4, 1), analyst, today=TODAY)
    assert [s.by_name for s in Lead.objects.get(pk=lead.pk).steps.all()] == ["system", "bureau", "jinshui", "analyst"]
