"""One node for options that every young person sees alike (optimisation notes §3).

Two options whose arc lists are identical — the same young people, at the same costs — are
interchangeable: any flow can move a unit from one to the other without changing its cost. So
they may share one node whose capacity is the sum of theirs, and an optimal flow of the merged
graph splits back into an optimal flow of the original: give each member, in turn, as many of the
node's young people as it has places. Both graphs have the same feasible assignments up to that
relabelling and the same costs, hence the same optimum. Same place and attributes is not enough
(availability and rules differ), so it is the arc lists that are compared: by a hash to group
them, then element by element, so a hash collision can only leave two options apart, never merge
two that differ.
"""

from dataclasses import dataclass

import numpy as np

from matching.ragged import expand, group_starts


@dataclass(frozen=True)
class Merged:
    arcs: np.ndarray  # indices of the candidates' arcs kept: each representative's own
    group: np.ndarray  # per kept arc: its merged option node
    capacity: np.ndarray  # per merged node: the members' places together
    member_of: np.ndarray  # per option: its merged node, -1 for an option without arcs


def _mix(x: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64): spreads each (young person, cost) over all bits."""
    x = x.astype(np.uint64)
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def merge(person: np.ndarray, option: np.ndarray, cost: np.ndarray, capacity: np.ndarray) -> Merged:
    n_options = len(capacity)
    by_option = np.lexsort((person, option))
    starts = group_starts(option[by_option], n_options)
    length = np.diff(starts)
    with np.errstate(over="ignore"):
        arc_hash = _mix(
            person[by_option].astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) ^ _mix(cost[by_option])
        )
        digest = np.zeros(n_options, np.uint64)
        np.add.at(digest, option[by_option], arc_hash)
    # Options with the same length and digest form a group; its first option represents it.
    with_arcs = np.flatnonzero(length > 0)
    order = with_arcs[np.lexsort((with_arcs, digest[with_arcs], length[with_arcs]))]
    new = np.ones(len(order), bool)
    new[1:] = (length[order][1:] != length[order][:-1]) | (digest[order][1:] != digest[order][:-1])
    representative = np.full(n_options, -1, np.int64)
    representative[order] = order[np.flatnonzero(new)][np.cumsum(new) - 1]
    # Check element by element; an option whose list differs from its representative's stands alone.
    row, position = expand(starts[with_arcs], length[with_arcs])
    twin = starts[representative[with_arcs]][row] + (position - starts[with_arcs][row])
    differs = (person[by_option][position] != person[by_option][twin]) | (
        cost[by_option][position] != cost[by_option][twin]
    )
    apart = np.unique(with_arcs[row[differs]])
    representative[apart] = apart
    nodes, member_of_rep = np.unique(representative[with_arcs], return_inverse=True)
    member_of = np.full(n_options, -1, np.int64)
    member_of[with_arcs] = member_of_rep.ravel()
    kept = np.flatnonzero(representative[option] == option)
    return Merged(
        arcs=kept,
        group=member_of[option[kept]],
        capacity=np.bincount(member_of[with_arcs], weights=capacity[with_arcs], minlength=len(nodes)).astype(
            np.int64
        ),
        member_of=member_of,
    )


def split(m: Merged, node: np.ndarray, capacity: np.ndarray) -> np.ndarray:
    """The member option each young person placed on a merged node takes: members fill in turn."""
    members = np.flatnonzero(m.member_of >= 0)
    members = members[np.argsort(m.member_of[members], kind="stable")]
    filled = np.cumsum(capacity[members])  # places up to and including each member
    node_start = np.concatenate(([0], np.cumsum(m.capacity)))[:-1]
    order = np.argsort(node, kind="stable")
    rank = np.empty(len(node), np.int64)
    rank[order] = np.arange(len(node)) - group_starts(node[order], len(m.capacity))[node[order]]
    return members[np.searchsorted(filled, node_start[node] + rank, side="right")]
