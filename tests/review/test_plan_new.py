"""`luoshi plan new`: a 开封 plan text in, a published plan out, every target wired (series, region, owner)."""

import pytest

from luoshi import cli
from luoshi.plans.models import Plan

pytestmark = pytest.mark.django_db

CATALOGUE_INDICATORS = {"生产总值": "地区生产总值", "规模以上工业增加值": "规模以上工业增加值",
                        "固定资产投资": "固定资产投资", "社会消费品零售总额": "社会消费品零售总额",
                        "一般公共预算收入": "一般公共预算收入"}


@pytest.fixture
def plan_file(tmp_path, kf_text):
    path = tmp_path / "kaifeng-2024.txt"
    path.write_text(kf_text, encoding="utf-8")
    return path


def test_a_kaifeng_plan_goes_in_published_with_every_catalogue_indicator_wired(kf_units, default_catalogue,
                                                                              plan_file, capsys):
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200", "--accept-all", "--publish"]) == 0
    plan = Plan.objects.get()
    assert (plan.status, plan.issuer, plan.year, plan.region) == ("published", kf_units["开封市"], 2024, "开封")
    assert plan.title == "2024年开封市人民政府工作报告"
    targets = list(plan.targets.active().select_related("series", "region_unit", "owner"))
    series_of = {t.indicator: t.series.name for t in targets if t.region_unit == kf_units["开封市"]}
    for indicator, series in CATALOGUE_INDICATORS.items():
        assert any(indicator in name and got == series for name, got in series_of.items()), (indicator, series_of)
    longting = [t for t in targets if t.region_unit == kf_units["龙亭区"]]
    assert len(longting) == 1 and longting[0].series.name == "地区生产总值" and longting[0].value == 7
    # Each target is answered for by its own place: the city's by the city, 龙亭区's by 龙亭区.
    assert all(t.owner == t.region_unit and t.kind == "growth" for t in targets)
    out = capsys.readouterr().out
    assert out.startswith(f"plan {plan.pk}\t") and out.count("\ntarget ") == len(targets)
    assert "一般公共预算收入" in out and "龙亭区" in out


def test_plan_new_without_the_region_unit_says_to_import_it_first(plan_file, capsys, db):
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200"]) == 2
    assert "luoshi units import --under 410200" in capsys.readouterr().err
    assert not Plan.objects.exists()


def test_plan_new_leaves_a_draft_with_its_proposals_pending_unless_told_to_accept(kf_units, default_catalogue,
                                                                                 plan_file, capsys):
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200", "--title", "开封草稿"]) == 0
    plan = Plan.objects.get()
    assert plan.status == "draft" and plan.title == "开封草稿" and not plan.targets.exists()
    proposed = plan.proposals.select_related("series")
    assert proposed.count() == 6 and all(p.series is not None for p in proposed)
    assert "6 proposals to review" in capsys.readouterr().out


def test_publishing_a_plan_without_targets_is_refused_with_the_blocker(kf_units, tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("2024年开封市工作安排\n全面推进各项工作。\n", encoding="utf-8")
    assert cli.main(["plan", "new", str(empty), "--region", "410200", "--accept-all", "--publish"]) == 1
    err = capsys.readouterr().err
    assert "blocker: 规划还没有目标" in err and "not published" in err
    assert Plan.objects.get().status == "draft"


def test_a_new_series_is_created_for_an_indicator_the_catalogue_lacks(kf_units, default_catalogue, tmp_path):
    text = tmp_path / "new.txt"
    text.write_text("2024年开封市工作目标\n全年接待游客总量突破1.5亿人次。\n", encoding="utf-8")
    assert cli.main(["plan", "new", str(text), "--region", "410200", "--accept-all", "--publish"]) == 0
    target = Plan.objects.get().targets.get()
    assert target.series is not None and target.series.unit_of_measure == target.unit_of_measure
    assert target.series.name == target.indicator and target.series.publisher == "owner"


def test_plan_new_as_a_user_needs_an_analyst_of_that_region(kf_units, plan_file, capsys):
    from luoshi.accounts.models import User

    User.objects.create_user(username="lt-reporter", password="pw", role=User.Role.REPORTER, unit=kf_units["龙亭区"])
    User.objects.create_user(username="lt-analyst", password="pw", role=User.Role.ANALYST, unit=kf_units["龙亭区"])
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200", "--as", "lt-reporter"]) == 2
    assert "只有分析员" in capsys.readouterr().err
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200", "--as", "lt-analyst"]) == 2
    assert "不在您的辖区内" in capsys.readouterr().err
    assert not Plan.objects.exists()
    assert cli.main(["plan", "new", str(plan_file), "--region", "410202", "--as", "lt-analyst"]) == 0
    assert Plan.objects.get().created_by.username == "lt-analyst"


def test_on_a_fresh_installation_the_first_plan_brings_the_default_catalogue(kf_units, plan_file):
    from luoshi.figures.models import Series

    assert not Series.objects.exists()
    assert cli.main(["plan", "new", str(plan_file), "--region", "410200", "--accept-all"]) == 0
    assert Series.objects.filter(name="社会消费品零售总额", publisher="statistics").exists()
    assert not Series.objects.filter(publisher="owner", name__contains="生产总值").exists()
