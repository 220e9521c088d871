"""Prepared reads make the same instances as the ORM: every field's value and type (SQLite's dates, decimals,
booleans and JSON converted as the ORM converts them)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from luoshi.core import prepared
from luoshi.figures.entries import Entry
from luoshi.figures.models import Figure, FigureRevision, Series
from luoshi.figures.submission import submit
from luoshi.units.models import Unit

pytestmark = pytest.mark.django_db


def read(model, ids) -> list:
    columns = prepared.Columns(model, "x")
    rows = prepared.fetch(f"SELECT {columns.select} FROM {columns.table} WHERE x.id IN ({prepared.marks(ids)}) "
                          "ORDER BY x.id", ids)
    return [columns.instance(row) for row in rows]


def same(model, ids) -> None:
    ours = read(model, ids)
    theirs = list(model.objects.filter(pk__in=ids).order_by("pk"))
    assert len(ours) == len(theirs) > 0
    for mine, orm in zip(ours, theirs, strict=True):
        for field in model._meta.concrete_fields:
            a, b = getattr(mine, field.attname), getattr(orm, field.attname)
            assert (a, type(a)) == (b, type(b)), field.name
        assert not mine._state.adding


def test_series_units_figures_and_revisions_read_as_the_orm_reads_them(series, analyst):
    gdp = Series.objects.get(name="地区生产总值")
    gdp.aliases, gdp.allow_negative = ["GDP"], True
    gdp.save()
    submit(analyst, [Entry(row=1, series="地区生产总值", unit="410105", period="2023Q1", value="123.45",
                           growth="-3.2", note="测试")])
    figure = Figure.objects.get(series=gdp, unit__code="410105")
    assert figure.value == Decimal("123.45")
    same(Series, [gdp.pk])
    same(Unit, list(Unit.objects.values_list("pk", flat=True)[:5]))
    same(Figure, [figure.pk])
    same(FigureRevision, [figure.head_revision_id])


def test_an_outer_join_that_found_nothing_is_none(units):
    columns = prepared.Columns(Unit, "u")
    assert columns.instance((None,) * columns.width) is None


def test_marks():
    assert prepared.marks([1, 2, 3]) == "%s, %s, %s"


def test_insert_writes_what_bulk_create_writes_and_sets_the_keys(series, units, analyst):
    gdp = Series.objects.get(name="地区生产总值")
    unit = Unit.objects.get(code="410105")
    ours = [Figure(series=gdp, unit=unit, period=f"{year}Q1", period_start=dt.date(year, 1, 1),
                   period_end=dt.date(year, 3, 31), value=Decimal("1.2345") * year, growth=Decimal("-3.5"))
            for year in range(1900, 2020)]  # 120 rows: more than one statement on SQLite (999 parameters)
    prepared.insert(ours)
    assert len({f.pk for f in ours}) == 120 and not ours[0]._state.adding
    stored = {f.pk: f for f in Figure.objects.filter(pk__in=[f.pk for f in ours])}
    for mine in ours:
        for field in Figure._meta.concrete_fields:
            assert getattr(stored[mine.pk], field.attname) == getattr(mine, field.attname), field.name
    revision = FigureRevision(figure=ours[0], number=1, value=Decimal("7.5"), submitted_by=analyst,
                              submitted_by_name=str(analyst), submitted_at=timezone.now(), client_key=None)
    prepared.insert([revision])
    assert FigureRevision.objects.get(pk=revision.pk).submitted_at == revision.submitted_at


def test_update_sets_each_rows_own_values(series, units):
    gdp = Series.objects.get(name="地区生产总值")
    unit = Unit.objects.get(code="410105")
    figures = prepared.insert([Figure(series=gdp, unit=unit, period=f"{year}Q1", period_start=dt.date(year, 1, 1),
                                      period_end=dt.date(year, 3, 31)) for year in (2021, 2022, 2023)])
    prepared.update(Figure, ["value", "growth", "not_published"],
                    [(f.pk, Decimal(i) + Decimal("0.5"), None, i == 1) for i, f in enumerate(figures)])
    assert list(Figure.objects.filter(pk__in=[f.pk for f in figures]).order_by("period_start").values_list(
        "value", "growth", "not_published")) == [(Decimal("0.5"), None, False), (Decimal("1.5"), None, True),
                                                 (Decimal("2.5"), None, False)]
