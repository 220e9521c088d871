"""A NUL in a query parameter is read as the same filter without it (PostgreSQL holds no NUL in text)."""

import pytest

from tests.conftest import make_user


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v1/series?q=%00GDP%00&publisher=sta%00tistics", "/catalogue/?q=%E7%94%9F%00",
                                 "/plans/?x%00=1"])
def test_a_nul_in_the_query_is_dropped_not_a_server_error(client, units, url):
    client.force_login(make_user("nul-analyst", "analyst", units["郑州市"]))
    assert client.get(url).status_code < 500
