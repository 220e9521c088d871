import datetime as dt

import pytest

from luoshi.demo import loader
from luoshi.figures.entries import Entry
from luoshi.figures.submission import submit

TODAY = dt.date(2024, 6, 1)


@pytest.fixture
def actuals(plan):
    """The real 2023 figures of 郑州市, as the demo loads them."""
    loader.load_actuals()
    return plan


def report(unit_code: str, series: str, period: str, value=None, growth=None, user=None, source="测试来源"):
    """Figures as a unit reports them (approved at once when USER is None: a system import)."""
    entry = Entry(row=1, series=series, unit=unit_code, period=period, value=value, growth=growth, source=source)
    return submit(user, [entry], channel="import").written
