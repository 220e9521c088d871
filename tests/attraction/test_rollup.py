"""The roll-up by 专班, chain, unit and month, checked by hand, beside the 招商引资 target and the bureau's
figure; "三个一批" counts leads and key projects as one pipeline."""

import datetime as dt
from decimal import Decimal

import pytest

from luoshi.attraction.batches import three_batches
from luoshi.attraction.models import Lead
from luoshi.attraction.rollup import summary, target_for
from luoshi.attraction.stages import link_project
from luoshi.figures.entries import Entry
from luoshi.figures.submission import submit
from luoshi.lib.periods import Period, parse
from luoshi.plans.models import Target
from luoshi.projects.models import Project
from luoshi.projects.stages import change_stage

D = dt.date


@pytest.fixture
def pipeline(make_lead, other_force):
    """Five leads: three of the first task force, two of the second (amounts in 亿元)."""
    return {
        "L1": make_lead("一号", "金水区", talks=D(2023, 2, 1), signed=D(2023, 3, 10), landed=D(2023, 4, 1),
                        started=D(2023, 5, 1), producing=D(2023, 11, 1), signed_amount=20),
        "L2": make_lead("二号", "二七区", talks=D(2023, 2, 1), signed=D(2023, 3, 20), landed=D(2023, 4, 1),
                        started=D(2023, 6, 15), signed_amount=30),
        "L3": make_lead("三号", "金水区", with_node=False, talks=D(2023, 2, 1)),
        "L4": make_lead("四号", "二七区", force=other_force, with_node=False, day=D(2022, 11, 1),
                        talks=D(2022, 11, 2), signed=D(2022, 12, 1), landed=D(2023, 1, 20), started=D(2023, 2, 10),
                        signed_amount=100),
        "L5": make_lead("五号", "金水区", force=other_force, talks=D(2023, 6, 1), signed=D(2023, 7, 5),
                        signed_amount=Decimal("7.5")),
    }


def facts(line) -> tuple:
    return (line.label, line.leads, line.signed, line.signed_amount, line.started, line.producing,
            line.conversion_started, line.conversion_producing)


def test_by_task_force_over_the_year(pipeline):
    result = summary(Lead.objects.all(), Period.year(2023), "task-force")
    assert [facts(line) for line in result.lines] == [
        ("测试一专班", 3, 2, Decimal(50), 2, 1, 1.0, 0.5),
        ("测试二专班", 2, 1, Decimal("7.5"), 1, 0, 0.5, 0.0),
    ]
    assert facts(result.total) == ("合计", 5, 3, Decimal("57.5"), 3, 1, 0.75, 1 / 3)
    assert result.lines[0].stages == {"clue": 0, "talks": 1, "signed": 0, "landed": 0, "started": 1, "producing": 1}


def test_at_half_year_what_came_later_is_not_known(pipeline):
    result = summary(Lead.objects.all(), parse("2023H1"), "task-force")
    assert [facts(line) for line in result.lines] == [
        ("测试一专班", 3, 2, Decimal(50), 2, 0, 1.0, 0.0),
        ("测试二专班", 2, 0, Decimal(0), 1, 0, 1.0, 0.0),
    ]
    second = result.lines[1].stages
    assert (second["talks"], second["signed"], second["started"]) == (1, 0, 1)  # 五号 signed only in July


def test_by_chain_and_by_unit(pipeline):
    chains = summary(Lead.objects.all(), Period.year(2023), "chain")
    assert [(g.label, g.leads, g.signed, g.signed_amount) for g in chains.lines] == [
        ("测试汽车链", 3, 3, Decimal("57.5")), ("未关联产业链", 2, 0, Decimal(0))]
    units = summary(Lead.objects.all(), Period.year(2023), "unit")
    assert [(g.label, g.leads, g.signed, g.signed_amount) for g in units.lines] == [
        ("二七区", 2, 1, Decimal(30)), ("金水区", 3, 2, Decimal("27.5"))]


def test_by_month_counts_what_happened_in_each_month(pipeline):
    months = summary(Lead.objects.all(), parse("2023M11"), "month").lines
    assert [m.label for m in months][:3] == ["2023年1月", "2023年2月", "2023年3月"] and len(months) == 11
    table = {m.key: (m.signed, m.signed_amount, m.started, m.producing) for m in months}
    assert table["2023-03"] == (2, Decimal(50), 0, 0)
    assert table["2023-02"] == (0, Decimal(0), 1, 0)
    assert table["2023-07"] == (1, Decimal("7.5"), 0, 0)
    assert table["2023-11"] == (0, Decimal(0), 0, 1)
    assert sum(m.signed_amount for m in months) == Decimal("57.5")


def test_beside_the_target_and_the_bureaus_figure(plan, pipeline):
    submit(None, [Entry(row=1, series="招商引资签约总额", unit="410100", period="2023", value=Decimal(7797),
                        source="测试来源")], channel="import", today=D(2024, 3, 1))
    year = target_for(Target.objects.all(), Period.year(2023))
    quarter = target_for(Target.objects.all(), parse("2023Q1"))
    assert (year.value, year.period, quarter.value, quarter.period) == (7000, "2023", 1800, "2023Q1")
    assert target_for(Target.objects.all(), parse("2023M06")) == year
    result = summary(Lead.objects.all(), Period.year(2023), target=year)
    assert (result.reported, result.difference) == (Decimal(7797), Decimal("7739.5"))
    assert result.share_of_target == pytest.approx(57.5 / 7000)
    assert summary(Lead.objects.all(), parse("2023Q1"), target=quarter).reported is None


def test_three_batches_count_one_pipeline(pipeline, units):
    own = Project.objects.create(code="T-OWN", name="自有项目", owner=units["金水区"])
    change_stage(own, "signed", D(2023, 3, 1), None)
    change_stage(own, "started", D(2023, 4, 1), None)
    linked = Project.objects.create(code="T-LINK", name="已签约项目", owner=units["金水区"])
    change_stage(linked, "signed", D(2023, 7, 1), None)
    link_project(pipeline["L5"], linked, None)
    counts = three_batches(Lead.objects.all(), Project.objects.all(), D(2023, 1, 1), D(2023, 12, 31))
    assert [(b.label, b.leads, b.projects, b.total) for b in counts] == [
        ("签约一批", 3, 1, 4), ("开工一批", 3, 1, 4), ("投产一批", 1, 0, 1)]
    started = pipeline["L1"].project
    assert Project.objects.filter(stage="started").count() == 3 and started.stage == "operating"


def test_the_target_page_shows_the_rollup_beside_the_reported_figure(client_for, analyst, erqi_reporter, plan,
                                                                      pipeline):
    submit(None, [Entry(row=1, series="招商引资签约总额", unit="410100", period="2023", value=Decimal(7797),
                        source="测试来源")], channel="import", today=D(2024, 3, 1))
    year = target_for(Target.objects.all(), Period.year(2023))
    page = client_for(analyst).get(f"/plans/targets/{year.pk}/").content.decode()
    assert 'id="attraction-rollup"' in page and "7797" in page and "57.5" in page and "7739.5" in page
    assert "测试一专班" in page
    other = next(t for t in Target.objects.filter(plan=year.plan) if t.series_id and t.series.name != "招商引资签约总额")
    assert 'id="attraction-rollup"' not in client_for(analyst).get(f"/plans/targets/{other.pk}/").content.decode()
    outsider = client_for(erqi_reporter).get(f"/plans/targets/{year.pk}/").content.decode()
    assert "7797" not in outsider.split('id="attraction-rollup"')[-1]  # the bureau's figure is not a district's
