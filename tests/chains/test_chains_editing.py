"""Chain domain functions: nodes added, moved and archived within one chain; firms checked; every change logged."""

import pytest
from django.core.exceptions import PermissionDenied

from luoshi.chains import editing
from luoshi.chains.editing import ChainError
from luoshi.chains.maps import build_map
from luoshi.core.errors import FieldErrors
from luoshi.core.models import ObjectChange


def test_a_node_takes_its_parents_segment_and_names_are_unique_among_siblings(chain, mapped, analyst):
    assert mapped["cathode"].segment == "upstream"
    with pytest.raises(FieldErrors):
        editing.add_node(analyst, chain, "正极", parent=mapped["battery"])
    editing.add_node(analyst, chain, "正极", segment="downstream")  # another place: allowed


def test_moving_a_node_carries_its_subtree_and_never_under_itself(chain, mapped, analyst):
    with pytest.raises(ChainError):
        editing.move_node(analyst, mapped["battery"], parent=mapped["cathode"])
    editing.move_node(analyst, mapped["battery"], segment="midstream")
    mapped["cathode"].refresh_from_db()
    assert mapped["cathode"].segment == "midstream"
    assert [v.path for v in build_map(chain).nodes()][:2] == ["中游/电池", "中游/电池/正极"]


def test_archiving_a_node_archives_what_is_below_and_keeps_the_rows(chain, mapped, analyst):
    editing.archive_node(analyst, mapped["battery"])
    assert [v.node.name for v in build_map(chain).nodes()] == ["回收"]
    assert [v.node.name for v in build_map(chain, archived=True).nodes()] == ["电池", "正极", "负极", "回收"]
    editing.archive_node(analyst, mapped["battery"], archived=False)
    assert len(build_map(chain).nodes()) == 4


def test_outside_firms_are_targets_and_city_firms_are_on_nodes(mapped, analyst, firm, outside_firm):
    with pytest.raises(ChainError):
        editing.attach_enterprise(analyst, mapped["anode"], outside_firm)
    with pytest.raises(ChainError):
        editing.add_target_firm(analyst, mapped["anode"], firm)


def test_another_citys_analyst_and_a_leader_cannot_change_the_chain(chain, mapped, kf_analyst, leader):
    for user in (kf_analyst, leader):
        with pytest.raises(PermissionDenied):
            editing.add_node(user, chain, "越界", segment="upstream")
        with pytest.raises(PermissionDenied):
            editing.set_standing(user, mapped["anode"], "weak")


def test_a_standing_outside_the_vocabulary_is_refused(mapped, analyst):
    with pytest.raises(FieldErrors):
        editing.set_standing(analyst, mapped["anode"], "great")


def test_every_change_is_logged_with_the_chains_unit(chain, mapped, analyst, units):
    editing.set_standing(analyst, mapped["anode"], "missing")
    change = ObjectChange.objects.filter(changed_object_type__model="chainnode",
                                         changed_object_id=mapped["anode"].pk).first()
    assert change.action == "update" and change.unit == units["郑州市"]
    assert change.diff["standing"] == ("", "missing")
    assert ObjectChange.objects.filter(changed_object_type__model="nodeenterprise").exists()
