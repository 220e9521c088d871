import datetime as dt

import pytest

from luoshi.accounts.models import ApiToken
from luoshi.demo import loader
from luoshi.figures.entries import Entry

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def actuals(plan):
    """The real published Zhengzhou figures (2022 baselines, 2023 results), approved, as in the demo."""
    loader.load_actuals()
    return plan


@pytest.fixture
def token_client(client):
    """token_client(user) → the test client sending a fresh API token of USER (Bearer)."""
    def make(user):
        _, key = ApiToken.issue(user, "test")
        client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {key}"
        return client
    return make


def entry(row=1, *, series="固定资产投资", unit="410105", period="2023M03", value=None, growth=None, **extra):
    return Entry(row=row, series=series, unit=unit, period=period, value=value, growth=growth, **extra)
