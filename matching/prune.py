"""Arcs no optimum needs: those dearer than leaving the young person out.

An arc of young person i costing at least i's base penalty is never needed. Take any optimal flow
that uses it and move i to "unmatched" instead: the option gains a free place (harmless), and the
objective changes by base_i − cost ≤ 0, so the flow stays optimal. This needs i's unmatched arc to
be free of any limit, which holds for everyone but the urgent (whose unmatched arcs share the
overflow node of `urgency.py`); and the urgent's base exceeds every arc cost (`penalties.py`), so
none of their arcs is pruned anyway. Only those with nothing due have a penalty below some of
their arcs: at national size about a sixth of all arcs go.
"""

import numpy as np

from matching.solution import Candidates


def useful_arcs(c: Candidates, base: np.ndarray, arcs: np.ndarray) -> np.ndarray:
    """Those of `arcs` some optimum may use: the ones cheaper than the young person's base penalty."""
    return arcs[c.cost[arcs] < base[c.person[arcs]]]
