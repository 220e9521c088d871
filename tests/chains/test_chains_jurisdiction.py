"""辖区 for chains and the enterprise register: every chain and enterprise page and API operation, walked
with the other city's ids by GET and POST, shows and writes nothing of it (the site-wide walk in
tests/accounts does the same over every app; this one runs on the chains' routes alone)."""

import re
from types import SimpleNamespace

import pytest

from luoshi.api.urls import api
from tests.accounts.test_jurisdiction import (
    API_OBJECTS,
    call_api,
    chain_world,
    fill,
    leaks,
    routes,
    snapshot,
    text_of,
)

PAGES = ("chains/", "enterprises/")
OPERATIONS = ("/api/v1/chains", "/api/v1/nodes", "/api/v1/enterprises")


def world(city, district) -> dict:
    """A chain world; body fields naming a unit get the district (as the site-wide walk's assignment unit)."""
    return {**chain_world(city, district), "unit": city, "assignment": SimpleNamespace(unit=district)}


@pytest.fixture
def worlds(units):
    return {"410100": world(units["郑州市"], units["金水区"]), "410200": world(units["开封市"], units["龙亭区"])}


def operations(world: dict):
    for path, methods in api.get_openapi_schema()["paths"].items():
        if not path.startswith(OPERATIONS):
            continue
        url = path
        for name in re.findall(r"{(\w+)}", path):
            url = url.replace("{" + name + "}", str(world[API_OBJECTS[name]].pk))
        for method, operation in methods.items():
            yield method, url, operation.get("requestBody", {}).get("content")


def walk(client, world: dict, code: str) -> list[str]:
    crossed, pages = [], [u for route, _ in routes() if route.startswith(PAGES) for u in fill(route, world)]
    calls = [("get", u, lambda u=u: client.get(u)) for u in pages]
    calls += [("post", u, lambda u=u: client.post(u, {"note": "越界", "value": "1", "unit": world["unit"].code}))
              for u in pages]
    calls += [(m, u, lambda m=m, u=u, c=c: call_api(client, m, u, c, world)) for m, u, c in operations(world)]
    assert len(calls) > 40
    for method, url, call in calls:
        response = call()
        names_object = re.search(r"/\d+(/|$)", url)
        refused = response.status_code in (403, 404, 405)
        if (names_object and not refused) or response.status_code >= 500 or leaks(text_of(response), code):
            crossed.append(f"{method.upper()} {url} → {response.status_code} {text_of(response)[:120]}")
    return crossed


@pytest.mark.parametrize(("persona", "foreign"), [("analyst", "410200"), ("kf_analyst", "410100"),
                                                  ("jinshui_reporter", "410200"), ("erqi_reporter", "410100")])
def test_nothing_of_the_other_side_is_read_or_written(client, request, worlds, persona, foreign):
    client.force_login(request.getfixturevalue(persona))
    before = snapshot()
    assert walk(client, worlds[foreign], foreign) == []
    assert snapshot() == before


def test_the_own_side_opens(client_for, analyst, jinshui_reporter, worlds):
    world = worlds["410100"]
    for user in (analyst, jinshui_reporter):  # 金水区 leads the test chain: its reporter reads it
        client = client_for(user)
        for url in (f"/chains/{world['chain'].pk}/", f"/chains/nodes/{world['node'].pk}/",
                    f"/enterprises/{world['enterprise'].pk}/", f"/api/v1/chains/{world['chain'].pk}"):
            assert client.get(url).status_code == 200, (user, url)
