"""到位资金: monthly year-to-date figures with revisions, and what the roll-up adds up from them."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.attraction import funds
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import summary
from luoshi.attraction.stages import LeadError, NotAllowed
from luoshi.lib.periods import Period, parse

D = dt.date
TODAY = D(2024, 1, 15)


@pytest.fixture
def landed(make_lead):
    return make_lead("到位测试", talks=D(2023, 1, 10), signed=D(2023, 1, 20), landed=D(2023, 2, 1), signed_amount=40)


def test_a_month_reported_twice_keeps_both_and_the_latest_counts(landed, bureau_reporter):
    funds.report(bureau_reporter, landed, "2023M03", 5, "专班台账", today=TODAY)
    funds.report(None, landed, "2023M03", Decimal("6.5"), "复核", today=TODAY)
    funds.report(None, landed, "2023M05", 9, today=TODAY)
    [march, may] = funds.figures_of(landed)
    assert (march.period, march.value, march.revisions, march.source, march.by_name) == (
        "2023M03", Decimal("6.5"), 2, "复核", "system")
    assert (may.period, may.value, may.revisions) == ("2023M05", Decimal(9), 1)
    assert list(landed.paid_in.values_list("value", flat=True)) == [Decimal(5), Decimal("6.5"), Decimal(9)]


def test_what_cannot_be_reported(landed, erqi_reporter):
    with pytest.raises(LeadError, match="月份"):
        funds.report(None, landed, "2023Q1", 5, today=TODAY)
    with pytest.raises(LeadError, match="还没有到"):
        funds.report(None, landed, "2024M03", 5, today=TODAY)
    with pytest.raises(LeadError, match="不小于 0"):
        funds.report(None, landed, "2023M03", -1, today=TODAY)
    with pytest.raises(NotAllowed):
        funds.report(erqi_reporter, landed, "2023M03", 5, today=TODAY)
    funds.report(None, landed, "2023M04", 8, today=TODAY)
    with pytest.raises(LeadError, match="不能少于上月的 8 亿元"):
        funds.report(None, landed, "2023M05", 7, today=TODAY)
    funds.report(None, landed, "2024M1-2", 1, today=D(2024, 3, 1))  # a new year starts again from zero


def test_the_roll_up_adds_paid_in_by_period_and_month(landed, make_lead):
    other = make_lead("另一到位", talks=D(2023, 1, 10), signed=D(2023, 1, 20), landed=D(2023, 2, 1), signed_amount=10)
    for lead, values in ((landed, {"2023M1-2": 2, "2023M03": 5, "2023M06": 11}), (other, {"2023M03": 1, "2023M04": 3})):
        for period, value in values.items():
            funds.report(None, lead, period, value, today=TODAY)
    assert summary(Lead.objects.all(), Period.year(2023)).total.paid_in == Decimal(14)  # 11 + 3
    assert summary(Lead.objects.all(), parse("2023Q1")).total.paid_in == Decimal(6)  # 5 + 1
    months = {m.key: m.paid_in for m in summary(Lead.objects.all(), parse("2023M06"), "month").lines}
    assert months == {"2023-01": 0, "2023-02": 2, "2023-03": 4, "2023-04": 2, "2023-05": 0, "2023-06": 6}
