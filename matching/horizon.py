"""The plan of the coming months: one min-cost flow over place-months (optimisation-notes §5–§6).

A run that looks at this month alone gives a place to whoever can use it now, even someone not due
for a year, while a young person due in three months will then find none. The plan looks 6–12
months ahead over the young people already known (at their future dates) and the places already
known to come, and keeps only its first month: what should be agreed now, and how many of each
option's places to hold back from those due later for someone due sooner (contract v1.2).

The flow (the same one hindsight solves over a whole year): a node per (option, month); a place that
appears in month k can be taken in month k or any month after it, so each (option, m) has an arc to
(option, m − 1) and the places appearing in month k reach the sink from (option, k). A young person
has an arc to each (option, month) the matcher allows in that month, at its cost, and an arc to the
sink at their penalty (left without a place within the plan). Being agreed in time (in a month no
later than their own last month in time) earns a bonus larger than any change the rest of the
objective can make, so the optimum agrees as many in time as any plan can, then keeps links close;
a small cost per month of waiting prefers agreeing sooner among equals, which leaves
time for a second proposal if the first is turned down.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from ortools.graph.python import min_cost_flow

Arc = tuple[str, str, int, int]  # (young person, option, month index, cost): a pair allowed that month


@dataclass(frozen=True)
class Hold:
    """Places of an option a run keeps from young people of tier later or none (contract v1.2)."""

    places: int
    from_month: date  # the first month in which the plan gives a kept place to someone due sooner


@dataclass(frozen=True)
class PlaceMonths:
    """The planning problem: plain data, built by whoever knows the months (the service, the year)."""

    months: tuple[date, ...]  # month 0 is the run's own
    arcs: Sequence[Arc]
    penalty: Mapping[str, int]  # each young person the plan knows: their cost of no place in the plan
    supply: Mapping[tuple[str, int], int]  # places appearing per (option, month index)
    # Per young person, the last month index in which being agreed is in time. Only deadlines within
    # the plan count: someone due after its last month is not late for being agreed after it.
    in_time: Mapping[str, int] = field(default_factory=dict)
    wait_cost: int = 1  # per month of waiting: among plans equal on everything else, agree sooner


@dataclass(frozen=True)
class Planned:
    """The plan's agreements, month by month, and what it means for this run."""

    agreements: tuple[Arc, ...]  # (young person, option, month, cost) in month order
    held_back: dict[str, Hold]  # option -> places kept from month 0 for someone due sooner

    @property
    def now(self) -> list[tuple[str, str]]:
        """What should be agreed this month: the plan's month 0."""
        return [(person, option) for person, option, m, _ in self.agreements if m == 0]


def plan(problem: PlaceMonths) -> Planned:
    """The optimal plan; raises RuntimeError only if OR-Tools finds no optimum (it always should)."""
    flow = min_cost_flow.SimpleMinCostFlow()
    node: dict[object, int] = {}

    def n(key: object) -> int:
        return node.setdefault(key, len(node))

    sink = n("sink")
    bonus = _bonus(problem)
    people = len(problem.penalty)
    for person, penalty in problem.penalty.items():
        flow.add_arc_with_capacity_and_unit_cost(n(person), sink, 1, penalty)
        flow.set_node_supply(n(person), 1)
    chosen = []
    for person, option, m, cost in problem.arcs:
        counts = m <= problem.in_time.get(person, -1) < len(problem.months)
        chosen.append(
            flow.add_arc_with_capacity_and_unit_cost(
                n(person), n((option, m)), 1, cost + problem.wait_cost * m - bonus * counts
            )
        )
    for (option, k), places in problem.supply.items():
        if places > 0:
            flow.add_arc_with_capacity_and_unit_cost(n((option, k)), sink, places, 0)
    carried = {}
    latest: dict[str, int] = defaultdict(int)
    for option, m in [key for key in node if isinstance(key, tuple)]:
        latest[option] = max(latest[option], m)
    for option, last in latest.items():
        for m in range(last, 0, -1):
            carried[(option, m)] = flow.add_arc_with_capacity_and_unit_cost(
                n((option, m)), n((option, m - 1)), people, 0
            )
    flow.set_node_supply(sink, -people)
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("the plan has no optimum; every young person has an arc to the sink")
    agreements = tuple(
        sorted(
            (a for a, arc in zip(problem.arcs, chosen, strict=True) if flow.flow(arc)),
            key=lambda a: (a[2], a[0]),
        )
    )
    return Planned(agreements, _held_back(problem, agreements, flow, carried))


def _bonus(problem: PlaceMonths) -> int:
    """More than the whole range of the rest of the objective: in time first, exactly (§1's argument)."""
    worst: dict[str, int] = dict(problem.penalty)
    for person, _option, m, cost in problem.arcs:
        worst[person] = max(worst[person], cost + problem.wait_cost * m)
    return 1 + sum(worst.values())


def _held_back(problem: PlaceMonths, agreements, flow, carried) -> dict[str, Hold]:
    """Month 0's places the plan carries forward to someone it agrees in a later month.

    The flow on (option, 1) → (option, 0) is exactly the number of places available now that the
    plan gives out from month 1 on; they are held from the month of the first such agreement.
    """
    first_use: dict[str, int] = {}
    for _person, option, m, _cost in agreements:
        if m > 0:
            first_use.setdefault(option, m)
    held = {}
    for (option, m), arc in carried.items():
        if m == 1 and (places := flow.flow(arc)) and problem.supply.get((option, 0), 0) > 0:
            held[option] = Hold(places, problem.months[first_use[option]])
    return held
