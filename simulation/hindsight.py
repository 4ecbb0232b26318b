"""Hindsight: the whole year known in advance, solved as one flow over place-months.

Every arrival, every place and every refusal of the year is known. A young person placed in month
m may take any place that had appeared by then, so each (option, m) node has an arc to
(option, m − 1), and the places appearing in month k reach the sink from (option, k). A young
person's arcs go to the months in which a run would have allowed the pair (the matcher's own
published arcs for that month, refusals removed); "agreed by 17½" earns a bonus larger than any
change the rest of the objective can make, so the optimum agrees as many by 17½ as any plan can,
then keeps links close (optimisation-notes §5). No policy, deciding month by month on less, can
agree more by 17½ on the same year: every policy's agreements are a feasible flow here.
"""

from collections import defaultdict

from ortools.graph.python import min_cost_flow

import matching
from simulation.events import Year
from simulation.year import Agreement, Played, in_scope

NO_AGREEMENTS: set[str] = set()


def targets(year: Year) -> dict[str, object]:
    """Young people whose 17½ falls within the year: the headline's population, with that date."""
    end = year.month(year.months)
    return {
        p.id: p.pathway_deadline
        for p in year.county.people.values()
        if year.start <= p.pathway_deadline < end
    }


def play_hindsight(year: Year) -> Played:
    arcs: list[tuple[str, str, int, int]] = []  # (young person, option, month, cost)
    penalty: dict[str, int] = {}
    for m in range(year.months):
        people = in_scope(year, m, NO_AGREEMENTS)
        options = {o: 1 for o in year.county.options if year.places_from.get(o, 0) <= m}
        problem = year.county.problem(year.month(m), people, options, frozenset())
        published = matching.published(problem)
        for i, k, cost in zip(
            published.person.tolist(), published.option.tolist(), published.cost.tolist(), strict=True
        ):
            person_id, option_id = problem.young_people[i].id, problem.options[k].id
            if not year.turned_down(person_id, option_id):
                arcs.append((person_id, option_id, m, cost))
        for i, person in enumerate(problem.young_people):
            penalty.setdefault(person.id, int(published.penalty[i]))
    return _solve(year, arcs, penalty)


def _supply(year: Year) -> dict[tuple[str, int], int]:
    """Places appearing per (option, month): those it has when it appears, then turnover."""
    appearing: dict[tuple[str, int], int] = defaultdict(int)
    for option_id, option in year.county.options.items():
        appearing[(option_id, year.places_from.get(option_id, 0))] += option.remaining
    for key, n in year.added.items():
        appearing[key] += n
    return appearing


def _solve(year: Year, arcs: list[tuple[str, str, int, int]], penalty: dict[str, int]) -> Played:
    due_by = targets(year)
    worst: dict[str, int] = dict(penalty)
    for person_id, _o, _m, cost in arcs:
        worst[person_id] = max(worst[person_id], cost)
    bonus = 1 + sum(worst.values())

    flow = min_cost_flow.SimpleMinCostFlow()
    node: dict[object, int] = {}

    def n(key: object) -> int:
        return node.setdefault(key, len(node))

    sink = n("sink")
    for person_id, p in penalty.items():
        flow.add_arc_with_capacity_and_unit_cost(n(person_id), sink, 1, p)
        flow.set_node_supply(n(person_id), 1)
    arc_of = []
    for person_id, option_id, m, cost in arcs:
        counts = person_id in due_by and year.month(m) <= due_by[person_id]
        arc_of.append(
            flow.add_arc_with_capacity_and_unit_cost(
                n(person_id), n((option_id, m)), 1, cost - bonus * counts
            )
        )
    for (option_id, k), places in _supply(year).items():
        flow.add_arc_with_capacity_and_unit_cost(n((option_id, k)), sink, places, 0)
    for option_id in year.county.options:
        for m in range(year.months - 1, 0, -1):
            if (option_id, m) in node:
                flow.add_arc_with_capacity_and_unit_cost(
                    n((option_id, m)), n((option_id, m - 1)), len(penalty), 0
                )
    flow.set_node_supply(sink, -len(penalty))
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("the hindsight flow has no optimum; every young person has an unmatched arc")

    played = Played("hindsight")
    for (person_id, option_id, m, _cost), arc in zip(arcs, arc_of, strict=True):
        if flow.flow(arc):
            played.agreements.append(Agreement(person_id, option_id, m, year.month(m)))
    played.agreements.sort(key=lambda a: (a.month, a.young_person))
    agreed = {a.young_person for a in played.agreements}
    played.waiting_at_end = in_scope(year, year.months - 1, agreed)
    return played
