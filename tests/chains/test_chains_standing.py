"""The proposed standing rule (pure) and how a map carries it up the tree and beside the analyst's."""

from luoshi.chains import editing
from luoshi.chains.maps import build_map
from luoshi.chains.standing import MISSING, STRONG, WEAK, Firm, propose


def test_no_firm_is_missing_some_firm_weak():
    assert propose([]) == MISSING
    assert propose([Firm(1, "other")]) == WEAK
    assert propose([Firm(1, "above"), Firm(2, "specialised")]) == WEAK


def test_an_anchor_or_enough_sizeable_firms_make_it_strong():
    assert propose([Firm(1, "other", anchor=True)]) == STRONG
    assert propose([Firm(1, "anchor")]) == STRONG
    assert propose([Firm(i, "above") for i in range(3)]) == STRONG
    assert propose([Firm(i, "above") for i in range(2)], enough=2) == STRONG


def test_a_firm_listed_twice_counts_once():
    assert propose([Firm(1, "above"), Firm(1, "above"), Firm(1, "above")]) == WEAK
    assert propose([Firm(1, "above"), Firm(1, "above", anchor=True)]) == STRONG


def test_the_setting_changes_the_threshold(settings):
    settings.LUOSHI_CHAIN_STRONG_ABOVE = 1
    assert propose([Firm(1, "above")]) == STRONG


def test_a_parent_is_proposed_from_its_firms_and_those_below(chain, mapped, analyst):
    chain_map = build_map(chain)
    battery = chain_map.find(mapped["battery"].pk)
    assert (battery.proposed, chain_map.find(mapped["cathode"].pk).proposed) == (STRONG, STRONG)
    assert chain_map.find(mapped["anode"].pk).proposed == MISSING
    assert not battery.confirmed and battery.standing == STRONG
    editing.set_standing(analyst, mapped["battery"], WEAK)
    again = build_map(chain).find(mapped["battery"].pk)
    assert again.confirmed and again.standing == WEAK and again.proposed == STRONG
    assert build_map(chain).tally() == {"strong": 1, "weak": 1, "missing": 2}
