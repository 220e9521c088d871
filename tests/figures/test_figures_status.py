"""The demo tells the real story of 2023 (issue: figures and judgement)."""

import datetime as dt

import pytest

from luoshi.figures.models import FigureRevision
from luoshi.figures.status import judge_targets, verdict_row
from luoshi.lib.periods import parse

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)


def verdicts(plan, period):
    rows = [verdict_row(j) for j in judge_targets(plan.targets.select_related("plan", "front", "series",
                                                                                "region_unit"),
                                                  parse(period), TODAY)]
    return {(r["indicator"], r["kind"], r["period"]): r for r in rows}


def test_2023_verdicts_tell_the_real_story(actuals):
    found = verdicts(actuals, "2023")
    gdp = found[("地区生产总值", "growth", "2023")]
    assert (gdp["status"], gdp["actual"], gdp["met"]) == ("green", 7.4, True)
    fai = found[("固定资产投资", "growth", "2023")]
    assert (fai["status"], fai["actual"], fai["met"]) == ("red", 6.8, False)
    retail = found[("社会消费品零售额", "level", "2023")]
    assert (retail["status"], retail["actual"], retail["met"]) == ("red", 5623, False)
    assert found[("社会消费品零售额", "growth", "2023")]["actual"] == 7.7
    assert found[("社会消费品零售额", "growth", "2023")]["status"] == "red"
    attraction = found[("招商引资总额", "level", "2023")]
    assert (attraction["status"], attraction["actual"], attraction["met"]) == ("green", 7797, True)


def test_figures_not_published_stay_absent(actuals):
    found = verdicts(actuals, "2023")
    assert found[("固定资产投资", "level", "2023")]["status"] == "grey"
    for key in (("高新技术企业总量", "count", "2023"), ("规上工业企业研发活动覆盖率", "share", "2023"),
                ("吸引青年人才来郑留郑发展", "count", "2023-2027"), ("新建省级以上创新引领型平台", "count", "2023")):
        assert found[key]["status"] == "grey" and found[key]["actual"] is None


def test_the_mid_year_picture(actuals):
    found = verdicts(actuals, "2023H1")
    gdp = found[("地区生产总值", "growth", "2023")]
    assert (gdp["status"], gdp["actual"], round(gdp["gap"], 1)) == ("yellow", 6.3, -0.7)
    retail = found[("社会消费品零售额", "level", "2023")]
    assert retail["actual"] == 2805.7 and retail["forecast_basis"]
    early = verdicts(actuals, "2023M1-2")
    assert early[("固定资产投资", "growth", "2023")]["actual"] == 7.0
    assert early[("固定资产投资", "growth", "2023")]["status"] == "red"


def test_real_figures_keep_their_sources(actuals):
    gdp_2023 = FigureRevision.objects.get(figure__series__name="地区生产总值", figure__period="2023")
    assert gdp_2023.source.startswith("big5.cri.cn") and gdp_2023.note == "新闻"
    assert gdp_2023.status == "approved" and gdp_2023.submitted_by_name == "system"
