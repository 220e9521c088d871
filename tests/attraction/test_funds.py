"""到位资金: monthly year-to-date figures with revisions, and what the roll-up adds up from them."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.attraction import funds
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import summary
from luoshi.attraction.stages import LeadError, NotAllowed
from luoshi.figures.submission import approve
from luoshi.lib.periods import Period, parse

D = dt.date
TODAY = D(2024, 1, 15)


@pytest.fixture
def landed(make_lead):
    return make_lead("到位测试", talks=D(2023, 1, 10), signed=D(2023, 1, 20), landed=D(2023, 2, 1), signed_amount=40)


def test_paid_in_funds_are_figures_with_revisions_and_approval(landed, jinshui_reporter, analyst):
    first = funds.report(jinshui_reporter, landed, "2023M03", 5, "专班台账", today=TODAY)
    [figure] = funds.figures_of(landed)
    assert (figure.subject_kind, figure.subject_id, figure.unit.name, figure.series.name) == (
        "lead", landed.pk, "金水区", "招商项目到位资金")
    assert (first.status, figure.value) == ("submitted", None)  # the landing unit's report awaits review
    approve(first, analyst)
    second = funds.report(analyst, landed, "2023M03", Decimal("6.5"), "复核", today=TODAY)
    figure.refresh_from_db()
    assert (second.status, second.number, figure.value) == ("approved", 2, Decimal("6.5"))
    assert list(figure.revisions.values_list("value", "source")) == [(Decimal(5), "专班台账"), (Decimal("6.5"), "复核")]
    assert funds.current_at(Lead.objects.all(), D(2023, 12, 31)) == {landed.pk: Decimal("6.5")}


def test_what_cannot_be_reported(landed, erqi_reporter, bureau_reporter):
    with pytest.raises(LeadError, match="尚未结束"):
        funds.report(None, landed, "2024M03", 5, today=TODAY)
    with pytest.raises(LeadError):
        funds.report(None, landed, "2023M03", -1, today=TODAY)
    for outsider in (erqi_reporter, bureau_reporter):  # the landing unit reports, as for any subject
        with pytest.raises(NotAllowed):
            funds.report(outsider, landed, "2023M03", 5, today=TODAY)
    funds.report(None, landed, "2023M04", 8, today=TODAY)
    with pytest.raises(LeadError, match="与已填报的数值相同"):
        funds.report(None, landed, "2023M04", 8, today=TODAY)
    assert [f.period for f in funds.figures_of(landed)] == ["2023M04"]


def test_the_roll_up_adds_paid_in_by_period_and_month(landed, make_lead):
    other = make_lead("另一到位", talks=D(2023, 1, 10), signed=D(2023, 1, 20), landed=D(2023, 2, 1), signed_amount=10)
    for lead, values in ((landed, {"2023M1-2": 2, "2023M03": 5, "2023M06": 11}), (other, {"2023M03": 1, "2023M04": 3})):
        for period, value in values.items():
            funds.report(None, lead, period, value, today=TODAY)
    assert summary(Lead.objects.all(), Period.year(2023)).total.paid_in == Decimal(14)  # 11 + 3
    assert summary(Lead.objects.all(), parse("2023Q1")).total.paid_in == Decimal(6)  # 5 + 1
    months = {m.key: m.paid_in for m in summary(Lead.objects.all(), parse("2023M06"), "month").lines}
    assert months == {"2023-01": 0, "2023-02": 2, "2023-03": 4, "2023-04": 2, "2023-05": 0, "2023-06": 6}


def test_the_entry_form_offers_a_signed_leads_row(client_for, jinshui_reporter, landed):
    html = client_for(jinshui_reporter).get("/figures/entry/?period=2023M03").content.decode()
    assert "招商项目到位资金" in html and "到位测试" in html
