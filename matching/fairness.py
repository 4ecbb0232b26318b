"""Whether an assignment treats some young people worse than others: ranks, pass-overs, distances.

Pass-overs (contract v1.2, "Who is served first"; after Gale and Shapley's justified envy, with
the tier of what is due as the priority) are found here and nowhere else: the checker, the run
page and the API read them from `pass_overs`. A run keeps one only where the exchange would leave
the other young person, of tier later, with no place at all; and where both are of tiers the run
does not cost first (later passed over for none), when the exchange costs more overall.
"""

from dataclasses import dataclass

import numpy as np

from matching.solution import HOLDABLE, Candidates
from matching.vocabulary import DUE_TIERS

COSTED_TIERS = 3  # move_now, overdue, soon: a run keeps their numbers matched before anything else

RANKS = {1: "first", 2: "second", 3: "third"}


def rank_profile(c: Candidates, chosen: np.ndarray) -> dict[str, int]:
    """How many got their first, second, third or a later preference, a place they did not name, or none."""
    ranks = c.preference_rank[chosen]
    profile = {name: int((ranks == rank).sum()) for rank, name in RANKS.items()}
    profile["later"] = int((ranks > max(RANKS)).sum())
    profile["not_a_preference"] = int((ranks == 0).sum())
    profile["unmatched"] = len(c.penalty) - int(chosen.sum())
    return profile


@dataclass(frozen=True)
class PassOvers:
    """Per pass-over: who is passed over, the option, who holds the place there, and whether the
    exchange would leave that holder with no place at all (the one reason a run keeps one)."""

    young_person: np.ndarray
    option: np.ndarray
    holder: np.ndarray
    no_other_place: np.ndarray


def pass_overs(c: Candidates, chosen: np.ndarray) -> PassOvers:
    """Every pass-over of `chosen` as the contract defines it (v1.2, "Who is served first").

    Young person A is passed over at option o when B, of a later tier, holds a place in o, A is
    allowed o, o costs A less than A's own proposal (anything is less than no place), and the
    exchange keeps the number matched in each of move_now, overdue and soon (none of them falls).
    The exchange: A takes B's place; B takes A's former option if B is allowed it (and a hold
    lets them), else an option of theirs with a place left (within its council's limit, where one
    limits the run), else B goes unmatched.
    """
    chosen = np.asarray(chosen, dtype=bool)
    n_people, n_options = len(c.penalty), len(c.capacity)
    tier, held, capacity = c.tiers, c.held_places, np.maximum(c.capacity, 0)
    own = np.full(n_people, np.iinfo(np.int64).max, np.int64)
    own[c.person[chosen]] = c.cost[chosen]
    placed_in = np.full(n_people, -1, np.int64)
    placed_in[c.person[chosen]] = c.option[chosen]
    wanted = np.flatnonzero(~chosen & (c.cost < own[c.person]))
    person, option, holder = _later_holders(c, chosen, wanted)
    used = np.bincount(c.option[chosen], minlength=n_options)
    holdable_used = np.bincount(c.option[chosen & HOLDABLE[tier[c.person]]], minlength=n_options)

    def hold_lets(who: np.ndarray, where: np.ndarray, extra: np.ndarray) -> np.ndarray:
        """Whether a hold leaves room for `who` at `where` with `extra` more of tiers later or none there."""
        limit = capacity[where] - held[where]
        return ~HOLDABLE[tier[who]] | (holdable_used[where] + extra < limit)

    if len(holder) == 0:
        none = np.zeros(0, np.int64)
        return PassOvers(none, none, none, np.zeros(0, bool))
    # B into A's former option: a place is freed there, so only the hold can refuse them (and not
    # when A, leaving, was of a tier the hold keeps out too).
    former = placed_in[person]
    keys = c.person * max(n_options, 1) + c.option
    sorted_keys = np.sort(keys)
    wanted_keys = holder * max(n_options, 1) + np.maximum(former, 0)
    found = sorted_keys[np.minimum(np.searchsorted(sorted_keys, wanted_keys), c.size - 1)] == wanted_keys
    leaving = -HOLDABLE[tier[person]].astype(np.int64)
    into_former = (former >= 0) & found & hold_lets(holder, np.maximum(former, 0), leaving)
    # Else any option of B's with a place left (and no hold in the way). At o itself B's own place
    # went to A: another place there must be free, and the hold counts A in and B out and in again.
    room = (used[c.option] < capacity[c.option]) & hold_lets(c.person, c.option, np.zeros(c.size, np.int64))
    roomy = np.bincount(c.person[room], minlength=n_people)
    spare = used[option] < capacity[option]
    room_at_o_before = spare & hold_lets(holder, option, np.zeros(len(holder), np.int64))
    room_at_o_after = spare & hold_lets(holder, option, HOLDABLE[tier[person]].astype(np.int64) - 1)
    elsewhere = roomy[holder] - room_at_o_before + room_at_o_after > 0
    if c.capped:  # a council's limit (`commitments.py`) may close the options with a place left
        elsewhere &= _within_limits(
            c, chosen, holder=holder, option=option, former=former, room=room, room_at_o_after=room_at_o_after
        )
    unmatched = ~into_former & ~elsewhere
    keeps = ~unmatched | (tier[holder] >= COSTED_TIERS)
    return PassOvers(person[keeps], option[keeps], holder[keeps], unmatched[keeps])


def _within_limits(
    c: Candidates,
    chosen: np.ndarray,
    *,
    holder: np.ndarray,
    option: np.ndarray,
    former: np.ndarray,
    room: np.ndarray,
    room_at_o_after: np.ndarray,
) -> np.ndarray:
    """Per exchange: whether B has an option with a place left (`room`; at o itself, `room_at_o_after`)
    whose district's limit still lets B in once A has moved: A into o and B out of it leave o's
    district as it was, A leaving their former option frees one in its district. Few exchanges
    reach here (only where some council's commitment limits the run), so one at a time."""
    group = c.cap_groups
    taken = group[c.option[chosen]]
    used = np.bincount(taken[taken >= 0], minlength=len(c.cap_limit))
    order = np.argsort(c.person, kind="stable")
    starts = np.searchsorted(c.person[order], np.arange(len(c.penalty) + 1))
    out = np.zeros(len(holder), bool)
    for r, (b, o, f) in enumerate(zip(holder.tolist(), option.tolist(), former.tolist(), strict=True)):
        freed = group[f] if f >= 0 else -1
        for arc in order[starts[b] : starts[b + 1]].tolist():
            k = int(c.option[arc])
            if not (room_at_o_after[r] if k == o else room[arc]):
                continue
            g = group[k]
            if g < 0 or used[g] - (g == freed) + 1 <= c.cap_limit[g]:
                out[r] = True
                break
    return out


def _later_holders(c: Candidates, chosen: np.ndarray, wanted: np.ndarray) -> tuple[np.ndarray, ...]:
    """For each arc `wanted` (A, o): one row per holder of a place in o of a tier later than A's."""
    tier = c.tiers
    held_arcs = np.flatnonzero(chosen)
    # Holders sorted by option, then latest tier first: those later than A's are a prefix of o's slice.
    span = len(DUE_TIERS)
    key = c.option[held_arcs] * span + (span - 1 - tier[c.person[held_arcs]])
    order = np.argsort(key, kind="stable")
    held_arcs, key = held_arcs[order], key[order]
    start = np.searchsorted(key, np.arange(len(c.capacity) + 1) * span)
    person, option = c.person[wanted], c.option[wanted]
    counts = np.searchsorted(key, option * span + (span - 1 - tier[person]), side="left") - start[option]
    rows = np.repeat(np.arange(len(wanted)), counts)
    offsets = np.arange(len(rows)) - np.repeat(np.cumsum(counts) - counts, counts)
    holders = c.person[held_arcs[start[option[rows]] + offsets]]
    return person[rows], option[rows], holders


def link_km(c: Candidates, chosen: np.ndarray, km_of_arc) -> np.ndarray:
    """Per young person: their importance-weighted mean distance to links where placed (NaN if not)."""
    out = np.full(len(c.penalty), np.nan)
    arcs = np.flatnonzero(chosen)
    out[c.person[arcs]] = km_of_arc(arcs)
    return out


def by_group(km: np.ndarray, labels: list) -> list[tuple[object, int, float | None]]:
    """Per label: young people placed with links, and their mean distance to links."""
    out = []
    for label in sorted(set(labels), key=lambda value: (value is None, str(value))):
        mine = km[[n for n, value in enumerate(labels) if value == label]]
        mine = mine[~np.isnan(mine)]
        out.append((label, len(mine), round(float(mine.mean()), 1) if len(mine) else None))
    return out
