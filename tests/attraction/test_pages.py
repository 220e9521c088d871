"""The attraction pages: the kanban with its filters (full page and htmx board), a lead's page with its steps
and the next-stage form, 专班 list with its ranking and page, events, the roll-up; each scoped."""

import datetime as dt

import pytest

from luoshi.attraction.models import Lead

D = dt.date


@pytest.fixture
def leads(make_lead, other_force, event):
    signed = make_lead("金水签约项目", "金水区", talks=D(2023, 2, 1), signed=D(2023, 3, 1), signed_amount=12)
    signed.event = event
    signed.save()
    return {"signed": signed, "clue": make_lead("二七线索项目", "二七区", force=other_force, with_node=False)}


def page(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def test_the_kanban_shows_a_column_per_stage_and_filters(client_for, analyst, leads, task_force, chain):
    client = client_for(analyst)
    html = page(client, "/attraction/")
    assert html.count('class="kanban-column"') == 6 and "金水签约项目" in html and "二七线索项目" in html
    board = client.get(f"/attraction/?task_force={task_force.pk}", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in board and "金水签约项目" in board and "二七线索项目" not in board
    assert "二七线索项目" not in page(client, f"/attraction/?chain={chain.pk}")
    assert "金水签约项目" not in page(client, "/attraction/?unit=410103")
    only = page(client, "/attraction/?stage=signed")
    assert only.count('class="kanban-column"') == 1 and "金水签约项目" in only
    assert "筛选条件无效" in page(client, "/attraction/?unit=410202&stage=nope")


def test_a_reporter_sees_only_their_units_and_their_task_forces_leads(client_for, erqi_reporter, jinshui_reporter,
                                                                       leads):
    html = page(client_for(erqi_reporter), "/attraction/")
    assert "二七线索项目" in html and "金水签约项目" not in html
    page(client_for(erqi_reporter), f"/attraction/leads/{leads['signed'].pk}/", 404)
    assert "金水签约项目" in page(client_for(jinshui_reporter), "/attraction/")


def test_a_leads_page_moves_it_to_the_next_stage(client_for, bureau_reporter, leads):
    client = client_for(bureau_reporter)
    lead = leads["signed"]
    html = page(client, f"/attraction/leads/{lead.pk}/")
    assert "进入“落地(注册)”" in html and "测试长三角推介会" in html and "签约后关联重点项目" in html
    response = client.post(f"/attraction/leads/{lead.pk}/stage/", {"date": "2023-04-02", "note": "已注册"})
    assert response.status_code == 302
    assert Lead.objects.get(pk=lead.pk).stage == "landed"
    response = client.post(f"/attraction/leads/{lead.pk}/stage/", {"date": "2023-05-02"}, follow=True)
    assert "开工时须关联一个重点项目" in response.content.decode()
    client.post(f"/attraction/leads/{lead.pk}/stage/", {"date": "2023-05-02", "create_project": "on"})
    lead.refresh_from_db()
    assert lead.stage == "started" and lead.project.name == "金水签约项目"
    html = page(client, f"/attraction/leads/{lead.pk}/")
    assert lead.project.code in html and "进入“投产”" in html


def test_a_leader_reads_but_cannot_move(client_for, leader, leads):
    client = client_for(leader)
    lead = leads["clue"]
    assert "推进阶段" not in page(client, f"/attraction/leads/{lead.pk}/")
    assert client.post(f"/attraction/leads/{lead.pk}/stage/", {"date": "2023-02-02"}).status_code == 403
    assert Lead.objects.get(pk=lead.pk).stage == "clue"


def test_registering_a_lead(client_for, bureau_reporter, firm, task_force, units):
    client = client_for(bureau_reporter)
    assert "登记招商线索" in page(client, "/attraction/leads/new/")
    response = client.post("/attraction/leads/new/", {
        "name": "新登记项目", "company": firm.pk, "task_force": task_force.pk, "unit": units["二七区"].pk,
        "date": "2023-03-03", "planned_investment": "8"})
    lead = Lead.objects.get(name="新登记项目")
    assert response.status_code == 302 and (lead.stage, lead.unit.name, lead.created_by) == (
        "clue", "二七区", bureau_reporter)


def test_task_forces_ranking_and_page(client_for, analyst, leads, task_force):
    client = client_for(analyst)
    html = page(client, "/attraction/task-forces/?period=2023")
    assert html.index("测试一专班") < html.index("测试二专班") and "测试分工" in html
    html = page(client, f"/attraction/task-forces/{task_force.pk}/?period=2023")
    assert "2023年3月" in html and "金水签约项目" in html and "测试长三角推介会" in html


def test_events_and_summary(client_for, analyst, leads, event, plan):
    client = client_for(analyst)
    assert "测试长三角推介会" in page(client, "/attraction/events/")
    assert "金水签约项目" in page(client, f"/attraction/events/{event.pk}/")
    html = page(client, "/attraction/summary/?period=2023&by=unit")
    assert "招商引资总额" in html and "金水区" in html and "签约一批" in html
    assert "汇总条件无效" in page(client, "/attraction/summary/?period=whenever")


def test_a_chain_nodes_page_shows_its_leads(client_for, analyst, erqi_reporter, leads, node, firm):
    html = page(client_for(analyst), f"/chains/nodes/{node.pk}/")
    assert 'id="node-leads"' in html and "金水签约项目" in html and "二七线索项目" not in html
    assert "在谈招商项目" in page(client_for(analyst), f"/chains/{node.chain_id}/")
    assert "金水签约项目" in page(client_for(analyst), f"/enterprises/{firm.pk}/")


def test_the_pages_speak_english_when_asked(client_for, analyst, leads):
    client = client_for(analyst)
    client.post("/i18n/setlang/", {"language": "en", "next": "/attraction/"})
    html = page(client, "/attraction/")
    assert "Investment lead pipeline" in html and "Negotiating" in html and "Landed (registered)" in html
