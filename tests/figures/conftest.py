import datetime as dt

import pytest

from luoshi.demo import loader
from luoshi.figures.entries import Entry

TODAY = dt.date(2024, 3, 1)


@pytest.fixture
def actuals(plan):
    """The real published Zhengzhou figures (2022 baselines, 2023 results), approved, as in the demo."""
    loader.load_actuals()
    return plan


def entry(row=1, *, series="固定资产投资", unit="410105", period="2023M03", value=None, growth=None, **extra):
    return Entry(row=row, series=series, unit=unit, period=period, value=value, growth=growth, **extra)
