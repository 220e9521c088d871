"""Unit codes differ in more than case: a jurisdiction is a prefix match on the path of codes, which SQLite's LIKE
makes regardless of case, so two codes alike but for case would each reach the other's subtree."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from luoshi.accounts.scoping import Reach
from luoshi.units import editing
from luoshi.units.models import Unit


@pytest.fixture
def zone(units):
    return editing.add_unit(units["郑州市"], kind="zone", name="试验片区", code="410100.Pilot")


def test_adding_a_unit_whose_code_differs_only_in_case_names_the_unit_that_has_it(units, zone):
    with pytest.raises(ValidationError) as raised:
        editing.add_unit(units["郑州市"], kind="department", name="另一单位", code="410100.PILOT")
    message = raised.value.message_dict["code"][0]
    assert "试验片区" in message and "410100.Pilot" in message
    assert not Unit.objects.filter(name="另一单位").exists()


def test_the_database_refuses_such_a_code_on_any_path(units, zone):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(parent=units["郑州市"], kind="zone", name="绕过表单", code="410100.pilot")


def test_a_subtree_reaches_its_own_units_only(units, zone):
    below = editing.add_unit(zone, kind="department", name="片区办公室", code="410100.Pilot.office")
    sibling = editing.add_unit(units["郑州市"], kind="zone", name="邻近片区", code="410100.Pilots")
    reached = set(Unit.objects.filter(Reach(root=zone, subtree=True).q()).values_list("pk", flat=True))
    assert reached == {zone.pk, below.pk} and sibling.pk not in reached
