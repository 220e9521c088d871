"""A NUL in a query parameter is read as the same filter without it (PostgreSQL holds no NUL in text)."""

import pytest

from tests.conftest import make_user


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/series?q=%00GDP%00&publisher=sta%00tistics", "/catalogue/?q=%E7%94%9F%00",
                                 "/plans/?x%00=1"])
def test_a_nul_in_the_query_is_dropped_not_a_server_error(client, units, url):
    client.force_login(make_user("nul-analyst", "analyst", units["郑州市"]))
    assert client.get(url).status_code < 500


@pytest.mark.django_db
def test_a_json_body_with_a_nul_is_refused_before_anything_is_stored(client, units):
    client.force_login(make_user("nul-analyst2", "analyst", units["郑州市"]))
    answer = client.post("/api/v1/units", '{"name": "a\\u0000b", "parent": "410100", "kind": "zone"}',
                         content_type="application/json")
    assert answer.status_code == 400 and answer.json()["error"].startswith("请求内容含有")
