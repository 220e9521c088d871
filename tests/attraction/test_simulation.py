"""`luoshi simulate-attraction`: labelled leads through every stage, summed exactly by `luoshi attraction
summary`, a started lead among the key projects, and all of it gone with --remove."""

import json
from collections import Counter
from decimal import Decimal

import pytest

from luoshi.attraction import funds
from luoshi.attraction.models import Event, Lead, LeadStep
from luoshi.cli import main
from luoshi.enterprises.models import Enterprise
from luoshi.figures.models import Figure
from luoshi.projects.models import Project


@pytest.fixture
def simulated(task_force, other_force, node, capsys):
    assert main(["simulate-attraction", "--year", "2023"]) == 0
    assert "simulated leads (模拟)" in capsys.readouterr().out
    return Lead.objects.filter(simulated=True)


def summary_json(capsys, *args) -> dict:
    assert main(["attraction", "summary", "--period", "2023", *args, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_every_stage_is_filled_and_labelled(simulated):
    assert Counter(simulated.values_list("stage", flat=True)) == dict.fromkeys(Lead.Stage.values, 2)
    assert all(lead.name.startswith("模拟") and str(lead).endswith("(模拟)") for lead in simulated)
    for lead in simulated:
        steps = list(lead.steps.values_list("to_stage", flat=True))
        assert steps == Lead.Stage.values[:Lead.Stage.values.index(lead.stage) + 1]
    started = simulated.filter(stage__in=("started", "producing"))
    assert all(lead.project.simulated and lead.project.stage in ("started", "operating") for lead in started)
    assert Project.objects.filter(lead__in=started).count() == 4


def test_the_summary_sums_exactly_the_leads(simulated, capsys):
    data = summary_json(capsys, "--by", "task-force")
    signed = LeadStep.objects.filter(lead__in=simulated, to_stage="signed", date__year=2023)
    assert data["total"]["signed"] == signed.count() == 8
    assert Decimal(str(data["total"]["signed_amount"])) == sum(s.lead.signed_investment for s in signed)
    paid = funds.current_at(simulated, signed.first().date.replace(month=12, day=31))
    assert paid and data["total"]["paid_in"] == pytest.approx(float(sum(paid.values())))
    assert sum(line["paid_in"] for line in data["lines"]) == pytest.approx(data["total"]["paid_in"])
    assert sum(line["leads"] for line in data["lines"]) == data["total"]["leads"] == 12
    assert data["total"]["stages"] == dict.fromkeys(Lead.Stage.values, 2)
    assert [b["leads"] for b in data["three_batches"]] == [8, 4, 2]
    table = main(["attraction", "summary", "--period", "2023", "--by", "chain"])
    assert table == 0 and "测试汽车链" in capsys.readouterr().out


def test_remove_takes_it_all_away(simulated, capsys):
    assert Figure.objects.of("lead", simulated).filter(approved_revision__isnull=False).exists()
    firms = Enterprise.objects.filter(name__startswith="模拟企业").count()
    assert firms == 12
    assert main(["simulate-attraction", "--remove"]) == 0
    assert not Lead.objects.exists() and not Figure.objects.filter(subject_kind="lead").exists()
    assert not Event.objects.filter(simulated=True).exists()
    assert not Project.objects.filter(code__startswith="ZS-").exists()
    assert not Enterprise.objects.filter(name__startswith="模拟企业").exists()


def test_no_task_force_no_scenario(db, capsys):
    assert main(["simulate-attraction"]) == 2
    assert "还没有招商专班" in capsys.readouterr().err
