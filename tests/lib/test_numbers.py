"""One number formatter: a figure with its unit, at the precision it was reported."""

from decimal import Decimal

import pytest

from luoshi.lib.numbers import number, places_of, quantity, rounded


@pytest.mark.parametrize(("value", "unit", "text"), [
    (15, "%", "15%"),
    (Decimal("6.80"), "%", "6.8%"),
    (Decimal("7000.0000"), "亿元", "7000 亿元"),
    (100, "家", "100 家"),
    (2.6, "", "2.6"),
    (None, "%", "—"),
    ("", "亿元", "—"),
    (-0.0, "%", "0%"),
    (Decimal("1E+3"), "万人", "1000 万人"),
    (3.5, " % ", "3.5%"),
])
def test_quantity_writes_the_unit_without_a_space_before_a_percent_sign(value, unit, text):
    assert quantity(value, unit) == text


def test_a_float_from_arithmetic_is_not_written_with_its_binary_noise():
    assert number(0.1 + 0.2) == "0.3"
    assert number(1000.0866666666) == "1000.0867"


def test_places_are_those_of_the_figures_as_reported():
    assert places_of(327.3) == 1
    assert places_of(Decimal("2.60")) == 1
    assert places_of(7000, 6.85) == 2
    assert places_of(None, 15) == 0
    assert places_of(1 / 3) == 4  # never more than the formatter writes


def test_a_computed_figure_is_rounded_to_the_places_of_what_it_came_from():
    places = places_of(Decimal("1500"), 327.3)
    assert rounded(1000.0866, places) == 1000.1
    assert number(rounded(327.2666, places)) == "327.3"
    assert rounded(None, 2) is None
    assert rounded(2.5, 0) == 3.0  # half up, as people round, not to even


def test_a_figure_rounded_for_display_keeps_no_trailing_zeros():
    assert number(327.27, 1) == "327.3"
    assert number(Decimal("5.00"), 2) == "5"
