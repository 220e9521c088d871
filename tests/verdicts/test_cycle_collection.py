"""Reading kept rows holds the cyclic collector off and then hands what was made to its oldest generation: the
collector is on again, nothing stays frozen, and a cycle made meanwhile is still collected."""

import gc
import weakref

from luoshi.verdicts.keeping import _no_cycle_collection


class Node:
    pass


def test_the_collector_is_back_nothing_stays_frozen_and_cycles_are_still_collected():
    assert gc.isenabled()
    with _no_cycle_collection():
        assert not gc.isenabled()
        cycle = Node()
        cycle.me = cycle
        alive = weakref.ref(cycle)
        del cycle
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert alive() is not None  # moved to the oldest generation, not collected yet
    gc.collect()
    assert alive() is None


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    try:
        with _no_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
