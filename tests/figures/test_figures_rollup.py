import pytest

from luoshi.figures.rollup import decomposition
from luoshi.figures.submission import submit
from luoshi.lib.periods import parse
from tests.figures.conftest import TODAY, entry

pytestmark = pytest.mark.django_db


def test_quotas_are_summed_and_an_under_decomposed_target_is_flagged(assignments, fai_target):
    found = decomposition(fai_target)
    assert (found.quotas.total, found.quotas.gap, found.quotas.under_decomposed) == (1300, -5700, True)


def test_rates_are_never_summed(plan, units):
    growth = plan.targets.get(indicator="固定资产投资", kind="growth")
    growth.assignments.create(unit=units["金水区"], value=16)
    assert decomposition(growth, parse("2023M03")).quotas is None


def test_the_city_figure_stands_beside_the_sum_of_its_units(analyst, assignments, fai_target):
    submit(analyst, [entry(1, unit="410105", value=300), entry(2, unit="410103", value=150),
                     entry(3, unit="410100", value=1700)], today=TODAY)
    rollup = decomposition(fai_target, parse("2023M03")).rollup
    assert (rollup.city, rollup.units_total, rollup.difference, rollup.units_reported) == (1700, 450, 1250, 2)
