"""The options' columns, encoded once for a run's months.

The plan of the coming months (`horizon.month_arcs`) encodes one problem per month: the young
people change with the month, but the options are the same tuple every month, and turning 1,500
options into columns was most of each month's encoding. So the last options encoded are kept,
with the names, districts and locations they interned, and a problem holding the very same
options starts from them. Only the columns that read the young people (a Staying Put offer's
owner) or the plan (its holds, so that a run's problem, the one it planned with given its holds,
reuses them too) are made again. Keyed by identity, not equality: a tuple rebuilt from the store
is encoded afresh, so nothing stale can be reused.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class _Kept:
    options: tuple
    columns: dict[str, np.ndarray]
    interned: tuple[dict, ...]  # each `Names.index` the options filled, in the order given


_last: list[_Kept] = []


def columns(options: tuple, names: tuple, make: Callable[[], dict]) -> dict[str, np.ndarray]:
    """`make()` (which interns into `names`), or the columns it made for these very options."""
    kept = _last[0] if _last else None
    if kept is not None and kept.options is options:
        for name, index in zip(names, kept.interned, strict=True):
            name.index = dict(index)
        return dict(kept.columns)
    made = make()
    _last[:] = [_Kept(options, made, tuple(dict(name.index) for name in names))]
    return dict(made)
