"""The collector's pause nests: the matcher's own pause must not switch it on inside a run's."""

import gc

from matching import collector


def test_an_inner_pause_leaves_the_collector_off_for_the_outer_one_and_on_after_both():
    assert gc.isenabled()
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_is_on_again_after_a_failure_inside():
    try:
        with collector.paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()
