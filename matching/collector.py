"""Python's cyclic garbage collector paused over work that makes millions of short-lived objects
without cycles (encoding a national problem, explaining its answer, a run's rows and snapshot).

Its full collections walk everything the process holds, and at ten times the county they took a
sixth of a run's CPU (issue 34). While paused, whatever is freed is still freed by reference counts;
once on again the collector finds any cycle. Pauses nest: an inner one leaves the collector as the
outer one wants it, so a run paused around the matcher stays paused through the matcher's own.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
