"""A card's figures carry their unit and one precision: 实际 6.8% beside 目标 15%, never "15 %"."""

import re


def test_the_card_numbers_have_units_and_no_space_before_a_percent_sign(actuals, client_for, analyst):
    page = client_for(analyst).get("/dashboard/", {"plan": actuals.pk, "period": "2023"}).content.decode()
    assert "6.8%" in page and "15%" in page
    assert not re.search(r"\d %", page), "a space before a percent sign"
    numbers = [n.strip() for n in re.findall(r"<dt>实际</dt><dd>([^<]*)<", page)]
    assert "6.8%" in numbers and "5623 亿元" in numbers
    assert all(n == "—" or not n[-1].isdigit() for n in numbers), numbers  # each with its unit


def test_computed_figures_are_as_precise_as_the_reported_ones(actuals, client_for, analyst):
    page = client_for(analyst).get("/dashboard/", {"plan": actuals.pk, "period": "2023M06"}).content.decode()
    for expected in re.findall(r"<dt>应达</dt><dd>([^<]*)<", page):
        number = expected.split()[0].rstrip("%")
        assert number == "—" or len(number.partition(".")[2]) <= 1, expected  # the figures are reported to 0.1
