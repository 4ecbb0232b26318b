"""Personal advisers proposed for young people: the same exact min-cost flow, advisers as capacitated options.

Ofsted found most personal advisers start "not long before their 18th birthday" and caseloads too
high; the county's self-assessment plans an adviser from 16–16½ and caseloads of at most 23. So
each adviser is an option whose capacity is the room left under the cap; every adviser may take
anyone (nothing here is a hard rule), and the cost of a pair is:

- **locality**: the importance-weighted mean great-circle distance from the adviser's base to the
  young person's local links (or where they live, with no links), in tenths of a kilometre;
- **continuity**: a flat `CONTINUITY_KM` more for an adviser who is neither a brother's or sister's
  adviser nor one who worked with them before (one worker the family already knows is worth
  about a county's width of travel).

When places are short, those nearest 17½ come first, strictly: each young person's penalty for
going without is a level by their 17½ date (nearest highest) times a step larger than any
exchange of arcs can save (`_penalties`), so no assignment trades one nearer 17½ for one further
off. `check` verifies a proposal independently. Plain data in and out: `housing` fills it.
"""

from dataclasses import dataclass

import numpy as np

from matching.assignment import optimal_assignment
from matching.geo import haversine_km
from matching.solution import Candidates

CONTINUITY_KM = 30  # what keeping a worker the family knows is worth, in kilometres of travel
UNITS_PER_KM = 10  # integer costs: tenths of a kilometre


@dataclass(frozen=True)
class Adviser:
    id: str
    lat: float
    lon: float
    room: int  # places left under the caseload cap (never below zero)


@dataclass(frozen=True)
class Client:
    """A young person to allocate: where their links are, how near 17½, whom the family knows."""

    id: str
    links: tuple[tuple[float, float, int], ...]  # (lat, lon, importance 1-3); at least one
    days_to_deadline: int  # to their 17½ date; negative once it has passed
    known_advisers: frozenset[str] = frozenset()  # a sibling's adviser, a previous adviser


@dataclass(frozen=True)
class Allocated:
    young_person: str
    adviser: str | None  # None: no adviser has room
    distance_km: float | None  # from the adviser's base, importance-weighted over the links
    continuity: bool  # an adviser the young person or their family already knows


@dataclass(frozen=True)
class Allocation:
    status: str
    objective: int
    proposals: list[Allocated]  # in the order of the clients given


def distances_km(clients: list[Client], advisers: list[Adviser]) -> np.ndarray:
    """Clients × advisers: the importance-weighted mean distance from each base to each client's links."""
    out = np.zeros((len(clients), len(advisers)))
    lat = np.array([a.lat for a in advisers])
    lon = np.array([a.lon for a in advisers])
    for i, client in enumerate(clients):
        links = np.array(client.links, dtype=float)
        km = haversine_km(links[:, 0][:, None], links[:, 1][:, None], lat[None, :], lon[None, :])
        out[i] = (km * links[:, 2][:, None]).sum(axis=0) / links[:, 2].sum()
    return out


def propose(clients: list[Client], advisers: list[Adviser]) -> Allocation:
    """An optimal allocation: nearest 17½ first when advisers' room is short, then least cost."""
    if not clients:
        return Allocation("optimal", 0, [])
    km = distances_km(clients, advisers)
    known = np.array([[a.id in c.known_advisers for a in advisers] for c in clients], dtype=bool)
    cost = np.rint(km * UNITS_PER_KM).astype(np.int64) + np.where(known, 0, CONTINUITY_KM * UNITS_PER_KM)
    person, option = np.divmod(np.arange(cost.size, dtype=np.int64), max(len(advisers), 1))
    flat = cost.reshape(-1)
    candidates = Candidates(
        person=person,
        option=option,
        cost=flat,
        parts={"locality": flat - np.where(known, 0, CONTINUITY_KM * UNITS_PER_KM).reshape(-1)},
        preference_rank=np.zeros(flat.size, dtype=np.int64),
        penalty=_penalties(clients, int(flat.max(initial=0))),
        capacity=np.array([max(a.room, 0) for a in advisers], dtype=np.int64),
        urgent=np.zeros(len(clients), dtype=bool),
    )
    solved = optimal_assignment(candidates)
    proposals = [Allocated(c.id, None, None, False) for c in clients]
    for arc in np.flatnonzero(solved.chosen):
        i, j = int(person[arc]), int(option[arc])
        proposals[i] = Allocated(clients[i].id, advisers[j].id, round(float(km[i, j]), 1), bool(known[i, j]))
    return Allocation("optimal", solved.objective, proposals)


def _penalties(clients: list[Client], max_cost: int) -> np.ndarray:
    """Levels by 17½ date (the furthest off level 1), each a step above any exchange's saving.

    An exchange that leaves one young person without so another is served moves every young person
    on its path to another adviser at most once: at most n × max_cost saved, below one step.
    """
    days = np.array([c.days_to_deadline for c in clients])
    distinct = np.unique(days)  # ascending: the nearest (or longest past) first
    level = len(distinct) - np.searchsorted(distinct, days)
    step = (max_cost + 1) * (len(clients) + 1)
    return (level * step).astype(np.int64)


def check(clients: list[Client], advisers: list[Adviser], allocation: Allocation) -> list[str]:
    """Independent checks: each adviser within room, each young person once, nearest 17½ served first."""
    problems = []
    given = [p.adviser for p in allocation.proposals]
    if [p.young_person for p in allocation.proposals] != [c.id for c in clients]:
        problems.append("the proposals are not one per young person, in order")
    room = {a.id: a.room for a in advisers}
    for adviser_id in set(given) - {None}:
        if adviser_id not in room:
            problems.append(f"unknown adviser {adviser_id}")
        elif given.count(adviser_id) > max(room[adviser_id], 0):
            problems.append(f"adviser {adviser_id} given more than their room")
    served = [c.days_to_deadline for c, a in zip(clients, given, strict=True) if a is not None]
    waiting = [c.days_to_deadline for c, a in zip(clients, given, strict=True) if a is None]
    if served and waiting and min(waiting) < max(served):
        problems.append("someone nearer 17½ waits while someone further off is served")
    if waiting and sum(max(a.room, 0) for a in advisers) > len(served):
        problems.append("someone waits while an adviser has room")
    return problems
