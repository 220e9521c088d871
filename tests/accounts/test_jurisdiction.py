"""辖区: each user sees their unit and what lies below it, and nothing across the line.

Two cities and their province share one installation: 郑州 (with 金水区) and 开封 (with 龙亭区), each
with a published plan, a front, a target decomposed to a district, an approved figure, a key project
with an obstacle, a task with a milestone and evidence, a pending proposal and an upload. Every page
and every API operation is walked with the other city's ids: nothing of it is read or written.
"""

import datetime as dt
import functools
import json
import re

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver

from luoshi.accounts.models import User
from luoshi.accounts.scoping import CHANGE, in_reach, units_for
from luoshi.api.urls import api
from luoshi.attraction.models import Event, TaskForce
from luoshi.attraction.stages import open_lead
from luoshi.chains.models import Chain, ChainNode, NodeEnterprise, TargetFirm
from luoshi.enterprises.models import Enterprise
from luoshi.figures.entries import Entry
from luoshi.figures.models import Figure, FigureRevision, Series, Upload
from luoshi.figures.submission import FiguresRejected, submit
from luoshi.notices.models import Notification
from luoshi.plans.models import Assignment, Front, Plan, Target
from luoshi.projects.models import Obstacle, Project
from luoshi.review.models import Proposal
from luoshi.tasks.models import Evidence, Milestone, Task
from luoshi.units.models import Unit
from tests.conftest import make_user

#: Words that appear only in each city's objects (its unit names, titles and indicators).
MARKERS = {"410100": ("郑州", "金水"), "410200": ("开封", "龙亭")}
#: URL prefixes outside the rule: the public pledge pages, the comparison of cities (published targets
#: and approved figures of every city, by design), the indicator catalogue (指标库: one list of statistical
#: series the whole installation shares, owned by no unit), sign-in, the admin; the API is walked by its schema.
UNSCOPED = ("pledge/", "compare/", "catalogue/", "accounts/", "i18n/", "admin/", "api/")
UNSCOPED_API = ("/api/v1/compare", "/api/v1/series")
#: Which object fills the id of a URL, by the longest matching route prefix.
ROUTE_OBJECTS = {
    "plans/": "plan", "plans/targets/": "target", "dashboard/targets/": "target", "review/plans/": "plan", "review/proposals/": "proposal",
    "figures/review/": "revision", "figures/upload/": "upload", "projects/": "project",
    "projects/obstacles/": "obstacle", "tasks/": "task", "tasks/evidence/": "evidence",
    "tasks/milestones/": "milestone", "units/": "unit", "chains/": "chain", "chains/nodes/": "node",
    "chains/firms/": "node_link", "chains/targets/": "target_firm", "enterprises/": "enterprise",
    "attraction/leads/": "lead", "attraction/task-forces/": "task_force", "attraction/events/": "event",
    "inbox/": "notice",
}
#: Which object fills a path parameter of the API.
API_OBJECTS = {
    "plan_id": "plan", "target_id": "target", "project_id": "project", "obstacle_id": "obstacle",
    "task_id": "task", "evidence_id": "evidence", "revision_id": "revision", "figure_id": "figure",
    "milestone_id": "milestone", "proposal_id": "proposal", "assignment_id": "assignment", "unit_id": "unit",
    "code": "unit.code", "chain_id": "chain", "node_id": "node", "enterprise_id": "enterprise",
    "lead_id": "lead", "notification_id": "notice", "task_force_id": "task_force", "event_id": "event",
}
ACTIONS = {"action": ("receive", "start", "request", "approve", "return", "route", "answer", "confirm", "reopen")}


@pytest.fixture
def kaifeng(units):
    return units["开封市"]  # the demo's units hold every city of Henan (luoshi units import --under 410000)


@pytest.fixture
def gdp(db):
    return Series.objects.create(name="辖区测试生产总值", unit_of_measure="亿元", frequency="quarterly",
                                 accumulation="flow", due_day=20)


def city_world(city: Unit, district: Unit, gdp: Series, analyst: User) -> dict:
    """Everything one city has: plan, front, target, assignment, figure, project, task, proposal, upload."""
    name = city.name
    text = f"{name}2023年地区生产总值达到1000亿元,{district.name}重点项目加快建设。"
    plan = Plan.objects.create(title=f"{name}2023年目标", issuer=city, year=2023, region=city.short_name,
                               text=text, status=Plan.Status.PUBLISHED)
    front = Front.objects.create(plan=plan, order=1, name=f"{city.short_name}发展")
    target = Target.objects.create(plan=plan, front=front, indicator=f"{city.short_name}地区生产总值", kind="level",
                                   accumulation="flow", value=1000, unit_of_measure="亿元", period="2023",
                                   region=city.short_name, region_unit=city, series=gdp, span_start=0,
                                   span_end=len(name) + 11)
    assignment = Assignment.objects.create(target=target, unit=district, value=300, note=f"{district.name}分解")
    submit(None, [Entry(row=1, series=gdp.name, unit=district.code, period="2023Q1", value=70,
                        source=f"{name}统计局")], channel="import")
    figure = Figure.objects.get(unit=district)
    project = Project.objects.create(code=f"P{city.code}", name=f"{district.name}重点项目", owner=district,
                                     plan=plan, year=2023)
    project.targets.add(target)
    obstacle = Obstacle.objects.create(project=project, category="land", description=f"{district.name}用地未落实")
    task = Task.objects.create(title=f"{district.name}督办事项", lead_unit=district, plan=plan, target=target)
    milestone = Milestone.objects.create(task=task, name=f"{district.name}节点", due="2023-06-30")
    evidence = Evidence.objects.create(task=task, name=f"{district.name}佐证.txt", uploaded_by_name="x",
                                       file=SimpleUploadedFile("e.txt", "佐证".encode()))
    proposal = Proposal.objects.create(plan=plan, indicator=f"{city.short_name}提议指标", value=5,
                                       unit_of_measure="%", kind="growth", period="2023", span_start=0,
                                       span_end=4, sentence=text[:4])
    upload = Upload.objects.create(user=analyst, file_name=f"{city.short_name}.xlsx", content=b"")
    attraction = attraction_world(city, district)
    colleague = make_user(f"colleague_{city.code}", User.Role.ANALYST, city)  # no intruder owns the notice
    notice = Notification.objects.create(recipient=colleague, unit=city, key=f"test:{city.code}", day="2023-01-05",
                                         title=f"{name}测试通知", link=f"/plans/{plan.pk}/")
    return {**chain_world(city, district, target), **attraction, "plan": plan, "front": front, "target": target, "assignment": assignment, "figure": figure,
            "revision": figure.approved_revision, "project": project, "obstacle": obstacle, "task": task,
            "milestone": milestone, "evidence": evidence, "proposal": proposal, "upload": upload,
            "notice": notice, "unit": city}


def chain_world(city: Unit, district: Unit, target: Target | None = None) -> dict:
    """A chain of CITY serving TARGET, a node with a district firm on it and an outside firm it targets."""
    enterprise = Enterprise.objects.create(name=f"{district.name}测试企业", register_unit=city, unit=district,
                                           scale="above")
    outside = Enterprise.objects.create(name=f"{city.short_name}靶向测试企业", register_unit=city, outside=True)
    chain = Chain.objects.create(name=f"{city.short_name}测试产业链", unit=city, department=district)
    if target is not None:
        chain.targets.add(target)
    node = ChainNode.objects.create(chain=chain, segment="upstream", name=f"{city.short_name}测试环节")
    return {"chain": chain, "node": node, "enterprise": enterprise,
            "node_link": NodeEnterprise.objects.create(node=node, enterprise=enterprise, is_anchor=True),
            "target_firm": TargetFirm.objects.create(node=node, enterprise=outside)}


def attraction_world(city: Unit, district: Unit) -> dict:
    """A task force of CITY, an event it held and a lead landing in DISTRICT."""
    company = Enterprise.objects.create(name=f"{district.name}招商测试企业", register_unit=city, outside=True)
    task_force = TaskForce.objects.create(name=f"{city.short_name}测试专班", lead_department=district)
    event = Event.objects.create(name=f"{city.short_name}测试推介会", kind="yrd", date="2023-02-01", organizer=city,
                                 task_force=task_force)
    lead = open_lead(None, name=f"{district.name}招商项目", company=company, task_force=task_force, unit=district,
                     event=event, date=dt.date(2023, 1, 5))
    return {"task_force": task_force, "event": event, "lead": lead}


@pytest.fixture
def personas(units, kaifeng):
    return {
        "zz_analyst": make_user("zz_analyst", User.Role.ANALYST, units["郑州市"]),
        "kf_analyst": make_user("kf_analyst", User.Role.ANALYST, kaifeng),
        "henan_analyst": make_user("henan_analyst", User.Role.ANALYST, units["河南省"]),
        "jinshui": make_user("jinshui_reporter", User.Role.REPORTER, units["金水区"]),
        "kf_leader": make_user("kf_leader", User.Role.LEADER, kaifeng),
    }


@pytest.fixture
def worlds(units, kaifeng, gdp, personas):
    return {
        "410100": city_world(units["郑州市"], units["金水区"], gdp, personas["zz_analyst"]),
        "410200": city_world(kaifeng, Unit.objects.get(code="410202"), gdp, personas["kf_analyst"]),
    }


def routes(resolver=None, prefix=""):
    """(route, pattern, default kwargs) of every URL pattern of the site."""
    for entry in (resolver or get_resolver()).url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from routes(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def fill(route: str, world: dict) -> list[str]:
    """ROUTE with its parameters filled with WORLD's objects (one URL per action of a slug)."""
    owner = max((p for p in ROUTE_OBJECTS if route.startswith(p)), key=len, default=None)
    urls = ["/" + route]
    for converter, name in re.findall(r"<(?:(\w+):)?(\w+)>", route):
        if name in ACTIONS:
            urls = [u.replace(f"<{converter}:{name}>", a) for u in urls for a in ACTIONS[name]]
        else:
            assert owner, f"{route}: add its object to ROUTE_OBJECTS"
            urls = [u.replace(f"<{converter}:{name}>" if converter else f"<{name}>", str(world[ROUTE_OBJECTS[owner]].pk))
                    for u in urls]
    return urls


def site_urls(world: dict) -> list[str]:
    return [url for route, _ in routes() if not route.startswith(UNSCOPED) for url in fill(route, world)]


def api_operations(world: dict) -> list[tuple[str, str, dict | None]]:
    """(method, URL, body schema) of every API operation, path parameters filled with WORLD's objects."""
    found = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if path.startswith(UNSCOPED_API):
            continue
        urls = [path]
        for name in re.findall(r"{(\w+)}", path):
            if name in ACTIONS:
                urls = [u.replace("{" + name + "}", a) for u in urls for a in ACTIONS[name]]
                continue
            assert name in API_OBJECTS, f"{path}: add {name} to API_OBJECTS"
            key, _, attribute = API_OBJECTS[name].partition(".")
            value = getattr(world[key], attribute or "pk")
            urls = [u.replace("{" + name + "}", str(value)) for u in urls]
        found += [(method, url, operation.get("requestBody", {}).get("content"))
                  for method, operation in operations.items() for url in urls]
    return found


@functools.cache
def components() -> dict:
    """The OpenAPI document's schemas, built once (building the document takes about a second)."""
    return api.get_openapi_schema()["components"]["schemas"]


def example(schema: dict, world: dict, name: str = ""):
    """A value that passes SCHEMA's validation, naming WORLD's units and series where a field asks for one."""
    components_ = components()
    while "$ref" in schema or "anyOf" in schema:
        schema = components_[schema["$ref"].rsplit("/", 1)[1]] if "$ref" in schema else schema["anyOf"][0]
    kind = schema.get("type")
    if name in FIELD_VALUES:
        return FIELD_VALUES[name](world)
    if "enum" in schema:
        return schema["enum"][0]
    if kind == "object":
        return {key: example(value, world, key) for key, value in schema.get("properties", {}).items()}
    if kind == "array" and "prefixItems" in schema:
        return [example(item, world) for item in schema["prefixItems"]]
    if kind == "array":
        return [example(schema.get("items", {}), world, name)]
    if kind in ("integer", "number"):
        return max(1, schema.get("minimum", 1))
    if kind == "boolean":
        return False
    if schema.get("format") == "date":
        return "2023-03-01"
    return "越界测试"


#: Body fields that name something: filled with the other city's units, plan and target, the series.
FIELD_VALUES = {
    "unit": lambda w: w["assignment"].unit.code, "lead_unit": lambda w: w["assignment"].unit.code,
    "department": lambda w: w["assignment"].unit.code, "parent": lambda w: w["unit"].code,
    "code": lambda w: w["unit"].code, "under": lambda w: w["unit"].code,
    "series": lambda w: w["target"].series.name, "period": lambda w: "2023H1", "project": lambda w: "",
    "unit_of_measure": lambda w: w["target"].unit_of_measure, "plan_id": lambda w: w["plan"].pk,
    "target_id": lambda w: w["target"].pk, "co_units": lambda w: [w["unit"].code],
}


def call_api(client, method: str, url: str, content: dict | None, world: dict):
    if method == "get":
        return client.get(url)
    if content and "multipart/form-data" in content:
        return client.post(url, {"file": SimpleUploadedFile("越界.csv", "越界".encode())})
    body = example(content["application/json"]["schema"], world) if content else {}
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


UNWATCHED = {"sessions.Session", "verdicts.StoredVerdict", "verdicts.Flip"}


def snapshot() -> dict:
    """Every row of every model (sessions and kept verdicts aside): a write anywhere changes it.

    Kept verdicts are the engine's results stored on first read (luoshi.verdicts), not anyone's data.
    """
    return {model._meta.label: list(model._default_manager.order_by("pk").values())
            for model in apps.get_models() if model._meta.label not in UNWATCHED}


def leaks(text: str, code: str) -> list[str]:
    return [word for word in MARKERS[code] if word in text]


def text_of(response) -> str:
    """The response as text, JSON with its Chinese unescaped."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode("utf-8", "ignore")


def query_for(world: dict) -> str:
    return (f"?plan={world['plan'].pk}&target={world['target'].pk}&unit={world['unit'].code}"
            f"&project={world['project'].pk}")


def walk(client, world: dict, code: str) -> list[str]:
    """Every page and API operation with WORLD's ids and units, by GET and POST: what crossed the line.

    A URL naming one of WORLD's objects must answer 403, 404 or 405; any other must not show a word of
    WORLD's city (the snapshot around the walk shows nothing was written).
    """
    crossed = []
    pages = site_urls(world)
    calls = [(m, u, lambda u=u: client.get(u)) for m, u in [("get", u) for u in pages]]
    calls += [("post", u, lambda u=u: client.post(u, {"note": "越界", "value": "1", "unit": world["unit"].code}))
              for u in pages]
    calls += [("get", u + query_for(world), lambda u=u: client.get(u + query_for(world)))
              for u in pages if "<" not in u]
    calls += [(m, u, lambda m=m, u=u, c=c: call_api(client, m, u, c, world)) for m, u, c in api_operations(world)]
    for method, url, call in calls:
        response = call()
        text = text_of(response)
        names_object = re.search(rf"/(\d+|{world['unit'].code})(/|$)", url.split("?")[0])
        refused = response.status_code in (403, 404, 405)
        if (names_object and not refused) or response.status_code >= 500 or leaks(text, code):
            crossed.append(f"{method.upper()} {url} → {response.status_code} {leaks(text, code)} {text[:120]}")
    return crossed


INTRUDERS = [("zz_analyst", "410200"), ("kf_analyst", "410100"), ("kf_leader", "410100"), ("jinshui", "410200")]


@pytest.mark.parametrize(("persona", "foreign"), INTRUDERS)
def test_nothing_crosses_the_line_on_any_page_or_api_operation(client, personas, worlds, persona, foreign):
    client.force_login(personas[persona])
    before = snapshot()
    crossed = walk(client, worlds[foreign], foreign)
    assert crossed == [], "\n".join(crossed)
    assert snapshot() == before


def test_the_walk_covers_every_page_and_operation(worlds):
    urls = site_urls(worlds["410200"])
    operations = api_operations(worlds["410200"])
    assert f"/plans/{worlds['410200']['plan'].pk}/" in urls
    assert f"/tasks/{worlds['410200']['task'].pk}/step/receive/" in urls
    assert ("post", "/api/v1/figures") in [(m, u) for m, u, _ in operations]
    assert len(urls) > 40 and len(operations) > 20


@pytest.mark.parametrize("persona", ["zz_analyst", "henan_analyst"])
def test_own_jurisdiction_pages_open(client, personas, worlds, persona):
    client.force_login(personas[persona])
    world = worlds["410100"]
    for url in (f"/plans/{world['plan'].pk}/", f"/plans/targets/{world['target'].pk}/",
                f"/projects/{world['project'].pk}/", f"/projects/obstacles/{world['obstacle'].pk}/",
                f"/tasks/{world['task'].pk}/", f"/review/plans/{world['plan'].pk}/",
                f"/dashboard/?plan={world['plan'].pk}", f"/api/v1/plans/{world['plan'].pk}",
                f"/api/v1/targets/{world['target'].pk}", f"/api/v1/tasks/{world['task'].pk}"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert leaks(text_of(response), "410100"), url


def test_a_reporter_opens_their_units_rows_and_their_citys_plan(client, personas, worlds):
    client.force_login(personas["jinshui"])
    world = worlds["410100"]
    for url in (f"/plans/{world['plan'].pk}/", f"/plans/targets/{world['target'].pk}/",
                f"/projects/{world['project'].pk}/", f"/tasks/{world['task'].pk}/"):
        assert client.get(url).status_code == 200, url
    rows = client.get("/api/v1/assignments").json()
    assert [r["unit_name"] for r in rows] == ["金水区"]


def plan_titles(client) -> list[str]:
    return sorted(p["title"] for p in client.get("/api/v1/plans").json())


def test_the_province_analyst_sees_both_cities_and_each_city_only_its_own(client, personas, worlds):
    seen = {}
    for persona in ("henan_analyst", "zz_analyst", "kf_analyst", "kf_leader", "jinshui"):
        client.force_login(personas[persona])
        seen[persona] = plan_titles(client)
    assert seen == {"henan_analyst": ["开封市2023年目标", "郑州市2023年目标"], "zz_analyst": ["郑州市2023年目标"],
                    "kf_analyst": ["开封市2023年目标"], "kf_leader": ["开封市2023年目标"],
                    "jinshui": ["郑州市2023年目标"]}


def test_every_scoped_queryset_draws_the_same_line(personas, worlds):
    models = (Plan, Front, Target, Assignment, Figure, FigureRevision, Project, Obstacle, Task, Proposal, Chain,
              ChainNode, NodeEnterprise, TargetFirm, Enterprise)
    for persona, foreign in INTRUDERS:
        user = personas[persona]
        for model in models:
            for action in ("view", "change"):
                rows = model.objects.restrict(user, action)
                assert not rows.filter(pk=_of(worlds[foreign], model).pk).exists(), (persona, model, action)
    henan = personas["henan_analyst"]
    for world in worlds.values():
        for model in models:
            assert model.objects.restrict(henan, CHANGE).filter(pk=_of(world, model).pk).exists(), model


def _of(world: dict, model) -> object:
    return next(v for v in world.values() if isinstance(v, model))


def test_units_for_is_the_subtree_and_nothing_to_change_for_a_leader(personas, worlds):
    codes = lambda user, action="view": set(units_for(user, action).values_list("code", flat=True))  # noqa: E731
    kaifeng = set(Unit.objects.filter(path__startswith="/410000/410200/").values_list("code", flat=True))
    assert codes(personas["kf_analyst"]) == codes(personas["kf_leader"]) == kaifeng >= {"410200", "410202"}
    assert codes(personas["kf_leader"], CHANGE) == set()
    assert codes(personas["jinshui"]) == codes(personas["jinshui"], CHANGE) == {"410105"}
    assert {"410100", "410105", "410200", "410202"} <= codes(personas["henan_analyst"])
    assert "410200" not in codes(personas["zz_analyst"])
    longting = Unit.objects.get(code="410202")
    assert in_reach(personas["henan_analyst"], longting, CHANGE)
    assert not in_reach(personas["zz_analyst"], longting)


def test_a_unit_filter_outside_the_jurisdiction_is_refused(client, personas, worlds):
    client.force_login(personas["zz_analyst"])
    response = client.get(f"/dashboard/?plan={worlds['410100']['plan'].pk}&unit=410202")
    assert response.status_code == 400 and "不在您的辖区内" in response.content.decode()


def test_an_analyst_cannot_write_another_citys_figure_by_api_or_cli(client, personas, worlds, gdp):
    client.force_login(personas["zz_analyst"])
    body = [{"series": gdp.name, "unit": "410202", "period": "2023H1", "value": 150}]
    response = client.post("/api/v1/figures", body, content_type="application/json")
    assert response.status_code in (403, 422)
    assert not Figure.objects.filter(unit__code="410202", period="2023H1").exists()
    with pytest.raises(FiguresRejected) as rejected:
        submit(personas["zz_analyst"], [Entry(row=2, series=gdp.name, unit="410202", period="2023H1", value=150)],
               channel="import")
    assert "辖区" in str(rejected.value.validation.errors[0].reason)
    submit(personas["henan_analyst"], [Entry(row=2, series=gdp.name, unit="410202", period="2023H1", value=150)],
           channel="import")
    assert Figure.objects.get(unit__code="410202", period="2023H1").value == 150


def test_forms_offer_and_take_only_units_of_the_jurisdiction(client, personas, worlds, units):
    client.force_login(personas["zz_analyst"])
    longting, jinshui = Unit.objects.get(code="410202"), units["金水区"]
    before = snapshot()
    client.post("/projects/new/", {"code": "X-1", "name": "越界项目", "owner": longting.pk})
    client.post("/tasks/new/", {"title": "越界事项", "lead_unit": longting.pk})
    client.post("/review/new/", {"title": "越界规划", "year": 2023, "region": "开封", "issuer": longting.pk,
                                 "text": "全年地区生产总值增长6%。"})
    assert client.get("/figures/entry/?unit=410202").status_code == 404
    assert snapshot() == before
    client.post("/projects/new/", {"code": "X-2", "name": "金水项目", "owner": jinshui.pk})
    client.post("/tasks/new/", {"title": "金水事项", "lead_unit": jinshui.pk})
    assert Project.objects.filter(code="X-2", owner=jinshui).exists()
    assert Task.objects.filter(title="金水事项", lead_unit=jinshui).exists()


def test_project_import_refuses_another_citys_owner(personas, worlds):
    from luoshi.projects.importing import ImportRejected, import_projects

    content = "项目编号,项目名称,属地单位\nX-3,越界项目,410202\n".encode()
    with pytest.raises(ImportRejected) as rejected:
        import_projects(personas["zz_analyst"], "projects.csv", content)
    assert "本辖区" in rejected.value.errors[0].reason
    assert [p.owner.code for p in import_projects(personas["kf_analyst"], "projects.csv", content)] == ["410202"]


def test_cli_import_as_a_user_draws_the_same_line(tmp_path, personas, worlds, gdp, capsys):
    from luoshi.cli import main

    table = tmp_path / "figures.csv"
    table.write_text(f"指标,单位,期间,数值\n{gdp.name},410202,2023H1,150\n", encoding="utf-8")
    assert main(["import-figures", str(table), "--as", "zz_analyst"]) != 0
    assert "不在您的辖区内" in capsys.readouterr().err
    assert not Figure.objects.filter(unit__code="410202", period="2023H1").exists()
    assert main(["import-figures", str(table), "--as", "kf_analyst"]) == 0
    assert Figure.objects.get(unit__code="410202", period="2023H1").value == 150
