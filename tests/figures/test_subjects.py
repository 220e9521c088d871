"""Figure subjects: a kind registered from outside the figures app holds figures like a key project does."""

import ast
import datetime as dt
from pathlib import Path

import pytest

from luoshi.figures import subjects
from luoshi.figures.models import Figure
from luoshi.figures.slots import slots_for
from luoshi.figures.submission import submit
from luoshi.figures.tabular import entries_from_rows
from luoshi.lib.periods import parse
from luoshi.units.models import Unit
from tests.figures.conftest import entry
from tests.migrating import migrate_one_by_one

TODAY = dt.date(2023, 5, 10)
FIGURES = Path(__file__).resolve().parents[2] / "luoshi" / "figures"


@pytest.fixture
def branch_kind(monkeypatch):
    """A made-up kind for the test: a district's figure reported by the unit above it (its parent)."""
    kind = subjects.SubjectKind(
        key="branch", label="下辖区", queryset=lambda: Unit.objects.all(), headers=("下辖区",),
        owner_field="parent", owes=lambda unit, period: [("固定资产投资", u) for u in unit.children.all()])
    monkeypatch.setitem(subjects._KINDS, "branch", kind)
    return kind


def test_the_figures_app_imports_no_subject_app():
    imported = set()
    for path in FIGURES.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("luoshi."):
                imported.add(node.module.split(".")[1])
            elif isinstance(node, ast.Import):
                imported |= {a.name.split(".")[1] for a in node.names if a.name.startswith("luoshi.")}
    assert imported.isdisjoint({"projects", "attraction", "chains", "tasks", "enterprises"}), imported


def test_key_projects_plug_in_with_their_column_and_label():
    kind = subjects.kind("project")
    assert (kind.label, kind.headers[0], kind.owner_field) == ("重点项目", "项目", "owner")
    [read] = entries_from_rows([("指标", "项目", "期间", "数值"), ("重点项目完成投资", "T-1", "2023M03", 5)], "t.csv")
    assert (read.subject_kind, read.subject, read.unit) == ("project", "T-1", "")


def test_a_registered_kind_holds_its_figures_beside_the_units_own(series, branch_kind):
    jinshui = Unit.objects.get(code="410105")
    city = jinshui.parent
    outcome = submit(None, [entry(unit="", subject_kind="branch", subject="410105", value=120),
                            entry(row=2, unit=city.code, value=900)], today=TODAY)
    assert len(outcome.written) == 2
    theirs = Figure.objects.get(subject_kind="branch")
    assert (theirs.unit, theirs.subject_id, theirs.subject, theirs.value) == (city, jinshui.pk, jinshui, 120)
    assert Figure.objects.own().get(unit=city).value == 900
    assert str(theirs).startswith("固定资产投资 · 金水区")


def test_a_subject_of_another_unit_is_refused_naming_the_kind(series, branch_kind):
    other = Unit.objects.get(code="410102")
    with pytest.raises(Exception) as refused:
        submit(None, [entry(unit=other.code, subject_kind="branch", subject="410105", value=1)], today=TODAY)
    assert "下辖区“410105”不是" in str(refused.value.validation.errors[0])
    assert not Figure.objects.exists()


def test_the_entry_form_offers_a_row_for_each_subject_the_unit_owes(series, branch_kind):
    city = Unit.objects.get(code="410105").parent
    rows = [s for s in slots_for(city, parse("2023M03")) if s.subject_kind == "branch"]
    assert "金水区 · 固定资产投资" in {s.label for s in rows}
    assert all(s.key.startswith(f"{s.series.pk}-branch") for s in rows)


@pytest.mark.django_db(transaction=True)
def test_the_migration_moves_every_project_figure_to_its_subject():
    executor = migrate_one_by_one([("figures", "0005_holdable_numbers")])
    old = executor.loader.project_state([("figures", "0005_holdable_numbers")]).apps
    unit = old.get_model("units", "Unit").objects.create(code="T1", name="测试区", path="T1/")
    series = old.get_model("figures", "Series").objects.create(name="测试投资", unit_of_measure="亿元")
    project = old.get_model("projects", "Project").objects.create(code="T-1", name="测试项目", owner=unit)
    figure = old.get_model("figures", "Figure")
    common = {"series": series, "unit": unit, "period": "2023M03", "period_start": dt.date(2023, 1, 1),
              "period_end": dt.date(2023, 3, 31)}
    mine, its = figure.objects.create(**common), figure.objects.create(project=project, **common)
    migrate_one_by_one()
    assert Figure.objects.get(pk=its.pk).subject_kind == "project"
    assert Figure.objects.get(pk=its.pk).subject_id == project.pk
    assert (Figure.objects.get(pk=mine.pk).subject_kind, Figure.objects.get(pk=mine.pk).subject_id) == ("", 0)
