"""Whether an assignment treats some young people worse than others: ranks, justified envy, distances.

Justified envy (after Gale and Shapley's stability, with "more due" as the priority): young person
i envies option o when their own cost there, c(i, o), is below what they have now (the cost of
their arc, or their unmatched penalty when they have none), and the envy is justified when a
place in o went to someone less due than i (a later due date) or stayed empty. An optimal
assignment can hold justified envy: it minimises the total, so one young person's gain may cost
others more; the count says how often that happened.
"""

from dataclasses import dataclass

import numpy as np

from matching.solution import Candidates

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
class Envy:
    """Per envy pair: who envies, the option, and who holds the place there (−1: it stayed empty)."""

    young_person: np.ndarray
    option: np.ndarray
    holder: np.ndarray


def justified_envy(c: Candidates, chosen: np.ndarray, days_to_due: np.ndarray) -> Envy:
    """Every justified envy pair; `days_to_due` per young person (smaller is more due)."""
    chosen = np.asarray(chosen, dtype=bool)
    n_options = len(c.capacity)
    own = c.penalty.astype(np.int64).copy()
    own[c.person[chosen]] = c.cost[chosen]
    envious = np.flatnonzero(~chosen & (c.cost < own[c.person]))
    person, option = c.person[envious], c.option[envious]

    used = np.bincount(c.option[chosen], minlength=n_options)
    empty = used[option] < c.capacity[option]
    # Holders sorted by option, then least due first: those less due than i are a prefix of o's slice.
    days = np.asarray(days_to_due, dtype=np.int64)
    latest = int(days.max(initial=0))
    span = latest - int(days.min(initial=0)) + 1
    held = np.flatnonzero(chosen)
    key = c.option[held] * span + (latest - days[c.person[held]])
    order = np.argsort(key, kind="stable")
    held, key = held[order], key[order]
    holder_of = c.person[held]
    start = np.searchsorted(key, np.arange(n_options + 1) * span)
    counts = np.searchsorted(key, option * span + (latest - days[person]), side="left") - start[option]
    pairs = np.repeat(np.arange(len(envious)), counts)
    offsets = np.arange(len(pairs)) - np.repeat(np.cumsum(counts) - counts, counts)
    holders = holder_of[start[option[pairs]] + offsets]
    return Envy(
        young_person=np.concatenate((person[empty], person[pairs])),
        option=np.concatenate((option[empty], option[pairs])),
        holder=np.concatenate((np.full(int(empty.sum()), -1), holders)),
    )


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
