"""What the matcher returns: proposals and their reasons, the unmatched and theirs, the problem solved."""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from matching.vocabulary import DUE_TIERS, HOLDABLE_TIERS

NONE_TIER = DUE_TIERS.index("none")
# Tiers whose young people a hold keeps out (`Problem.held_back`): "later" and "none".
HOLDABLE = np.array([tier in HOLDABLE_TIERS for tier in DUE_TIERS])


def plan_costs(person: np.ndarray, planned: np.ndarray, n_people: int) -> np.ndarray:
    """Per arc, how far taking it departs from the plan of the coming months' month 0: -1 for the
    plan's agreement for now (`planned`, at most one arc per young person); +1 for any arc of a young
    person the plan agrees nothing for now (it has them wait, or leaves them out); 0 otherwise. Each
    young person left unmatched counts 0, so the sum is the departures from the plan, less a constant.
    """
    has = np.zeros(n_people, bool)
    has[person[planned]] = True
    return np.where(planned, -1, (~has[person]).astype(np.int64))


@dataclass(frozen=True)
class Candidates:
    """The published problem: every arc the hard rules allow, its integer cost, and the penalties.

    Arrays are index-aligned: arc k joins young person `person[k]` (an index into
    `Problem.young_people`) to option `option[k]` (an index into `Problem.options`) at cost
    `cost[k]`; `penalty` is per young person, `capacity` per option.
    """

    person: np.ndarray
    option: np.ndarray
    cost: np.ndarray
    parts: dict[str, np.ndarray]  # the cost's parts, each in integer units: they add up to `cost`
    preference_rank: np.ndarray  # best matching preference rank, 0 for none
    penalty: np.ndarray  # per young person: the cost of leaving them unmatched
    capacity: np.ndarray  # per option: remaining places
    urgent: np.ndarray  # per young person
    premium: int = 0  # BIG, the urgent's premium inside `penalty` (`penalties.py`)
    tier: np.ndarray | None = None  # per young person: index into DUE_TIERS; None: everyone "none"
    held: np.ndarray | None = None  # per option: places held back from tiers later and none; None: no hold
    plan_cost: np.ndarray | None = None  # per arc: its departure from the plan's month 0; None: no plan
    # A council's commitment as a limit (`Problem.district_caps`): per option, the index of its
    # district's cap (-1: none; register vacancies only), and per cap its limit and district.
    cap_group: np.ndarray | None = None
    cap_limit: np.ndarray | None = None
    cap_district: tuple[str, ...] = ()

    @property
    def tiers(self) -> np.ndarray:
        """Per young person, the index of their tier in `vocabulary.DUE_TIERS` (4, "none", if not given)."""
        return self.tier if self.tier is not None else np.full(len(self.penalty), NONE_TIER, np.int64)

    @cached_property  # read per part of a run by tier: worked out once (the arrays never change)
    def held_places(self) -> np.ndarray:
        """Per option, the places young people of tier later or none may not take (at most its remaining)."""
        if self.held is None:
            return np.zeros(len(self.capacity), np.int64)
        return np.minimum(self.held, np.maximum(self.capacity, 0))

    @property
    def plan_costs(self) -> np.ndarray:
        """Per arc, its cost in the run's last goal but one (`plan_costs`); zeros if the run made no plan."""
        return self.plan_cost if self.plan_cost is not None else np.zeros(len(self.cost), np.int64)

    @property
    def capped(self) -> bool:
        """Whether some option's district caps what this run may assign to its register."""
        return self.cap_group is not None and bool((self.cap_group >= 0).any())

    @property
    def cap_groups(self) -> np.ndarray:
        """Per option, the index of its district's cap, -1 for none."""
        return self.cap_group if self.cap_group is not None else np.full(len(self.capacity), -1, np.int64)

    @cached_property  # likewise
    def base_penalty(self) -> np.ndarray:
        """Each young person's penalty without v1.1's urgent premium: what the last step of a run weighs."""
        return self.penalty - self.premium * self.urgent.astype(np.int64)

    @property
    def size(self) -> int:
        return len(self.cost)

    def by_person_then_cost(self) -> np.ndarray:
        """Arc positions sorted by young person, then cost; a stable sort keeps arc order on ties."""
        low = int(self.cost.min(initial=0))
        spread = int(self.cost.max(initial=0)) - low + 1
        return np.argsort(self.person * spread + (self.cost - low), kind="stable")


@dataclass(frozen=True)
class Proposal:
    young_person: str
    option: str
    route: str
    place: str
    cost: int
    explanation: dict[str, Any]


@dataclass(frozen=True)
class Unmatched:
    young_person: str
    penalty: int
    reasons: list[dict[str, Any]]


@dataclass(frozen=True)
class Solution:
    status: str  # optimal | feasible | infeasible
    objective: int
    proposals: list[Proposal]
    unmatched: list[Unmatched]
    candidates: Candidates
    urgent_matched: int
    tier_matched: dict[str, int] = field(default_factory=dict)  # per tier in DUE_TIERS: young people matched
    timings_ms: dict[str, float] = field(default_factory=dict)
    solver: str = "ortools.SimpleMinCostFlow"  # or the sparse assignment: `flow.py` names both
