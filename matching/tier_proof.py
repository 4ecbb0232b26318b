"""The checker's proof that a run serves the most due first (contract v1.2, "Who is served first").

Independent of the engine: plain Python over the published arcs (whose set and costs the checker
has already proved against the hard rules), sharing no code with `tiered.py` or `lexicographic.py`.
Pass-overs are read from `fairness.pass_overs`, the one place that finds them.

- Holds: no option gives tiers later and none more than its remaining less its held places.
- A council's limit (`Problem.district_caps`): stated afresh from the problem (a register vacancy
  of a district named there); each graph below sends those vacancies' places to the sink through
  one node per district whose arc carries the limit, so the counts and the order are proved under it
  (the checker also counts the vacancies each district gives).
- Counts: for each tier t up to later, the young people matched of tiers up to t equal a maximum
  flow from those young people alone (augmenting paths, here); so each tier's count is the
  largest any assignment allows while the tiers before keep theirs.
- Lexicographic optimality: write each arc's cost as a vector (one "unmatched" unit per counted
  tier, the cost of each costed tier's proposals, the departure from the plan of the coming months'
  first month, then the rest of the objective) compared in order. A flow is optimal for such
  costs exactly when its residual graph has no cycle of negative total (the cycle-cancelling
  argument needs only an ordered group of costs), which Bellman-Ford decides. So this proves the
  counts, the costs of move_now, overdue and soon, and the fewest departures from the plan.
"""

from collections import Counter, deque
from dataclasses import dataclass

import numpy as np

from matching.fairness import COSTED_TIERS, pass_overs
from matching.problem import Problem
from matching.solution import Solution
from matching.vocabulary import DUE_TIERS, HOLDABLE_TIERS, REGISTER_VACANCY

COUNTED = DUE_TIERS[:4]  # move_now, overdue, soon, later
COSTED = DUE_TIERS[:3]  # move_now, overdue, soon
PLAN = len(COUNTED) + len(COSTED)  # departures from the plan of the coming months' first month
WIDTH = PLAN + 2
SINK = ("sink",)


def tier_problems(
    problem: Problem, solution: Solution, arc_costs: dict[tuple[str, str], int], base: dict[str, int]
) -> list[str]:
    """What breaks the tiers' order: holds, counts against max flows, a cheaper order of goals."""
    tier = {p.id: p.due_tier for p in problem.young_people}
    placed = {p.young_person: p.option for p in solution.proposals}
    problems = [
        f"{person_id} has an unknown tier {t!r}" for person_id, t in tier.items() if t not in DUE_TIERS
    ]
    if problems:
        return problems
    room = {o.id: max(o.remaining, 0) for o in problem.options}
    capped = _capped(problem)
    open_to_later = {
        o: max(room[o] - max(hold.places, 0), 0) for o, hold in problem.held_back.items() if o in room
    }
    holdable = Counter(option for person_id, option in placed.items() if tier[person_id] in HOLDABLE_TIERS)
    problems += [
        f"HOLD: {option} gives {holdable[option]} places to tiers later and none, {limit} open to them"
        for option, limit in open_to_later.items()
        if holdable[option] > limit
    ]
    for t in range(len(COUNTED)):
        tiers = set(DUE_TIERS[: t + 1])
        best = _most_matched(tiers, tier, arc_costs, room, open_to_later, capped=capped)
        matched = sum(1 for person_id in placed if tier[person_id] in tiers)
        if matched != best:
            problems.append(f"{matched} matched of tiers up to {DUE_TIERS[t]}, where {best} can be")
    if not problems:
        plan = _plan_costs(problem, tier, arc_costs, base)
        problems += _cheaper_cycle(_Run(tier, placed, arc_costs, base, room, open_to_later, plan, capped))
    return problems


@dataclass(frozen=True)
class _Run:
    tier: dict[str, str]  # per young person
    placed: dict[str, str]  # young person → option proposed
    arc_costs: dict[tuple[str, str], int]
    base: dict[str, int]  # per young person: the penalty without the urgent premium
    room: dict[str, int]  # per option: its remaining
    open_to_later: dict[str, int]  # per held option: the places tiers later and none may take
    plan: dict[tuple[str, str], int]  # per arc: its departure from the plan's first month
    capped: "_Capped"  # register vacancies whose district's commitment limits the run


@dataclass(frozen=True)
class _Capped:
    """Each limited district's register vacancies go to the sink through a node of its own."""

    district: dict[str, str]  # option → its district, for register vacancies of a limited district
    limit: dict[str, int]  # district → the most of its vacancies the run may give

    def into(self, option_id: str) -> tuple:
        """The node an option's places flow into: its district's limit, or the sink."""
        return ("limit", self.district[option_id]) if option_id in self.district else SINK


def _capped(problem: Problem) -> _Capped:
    district = {
        o.id: o.district
        for o in problem.options
        if o.route == REGISTER_VACANCY and o.district in problem.district_caps
    }
    return _Capped(district, {d: max(n, 0) for d, n in problem.district_caps.items()})


def _arc_head(person_id: str, option_id: str, tier: dict[str, str], open_to_later: dict[str, int]) -> tuple:
    """The node an arc enters: the option, or its open part for tiers a hold keeps out."""
    if tier[person_id] in HOLDABLE_TIERS and option_id in open_to_later:
        return ("open", option_id)
    return ("option", option_id)


def _capacities(
    room: dict[str, int], open_to_later: dict[str, int], capped: _Capped
) -> dict[tuple, dict[tuple, int]]:
    graph: dict[tuple, dict[tuple, int]] = {}
    for option_id, places in room.items():
        graph.setdefault(("option", option_id), {})[capped.into(option_id)] = places
    for district, limit in capped.limit.items():
        graph.setdefault(("limit", district), {})[SINK] = limit
    for option_id, places in open_to_later.items():
        graph.setdefault(("open", option_id), {})[("option", option_id)] = places
    return graph


def _most_matched(tiers, tier, arc_costs, room, open_to_later, *, capped) -> int:
    """A maximum flow from the young people of `tiers` to the sink, by shortest augmenting paths."""
    graph = _capacities(room, open_to_later, capped)
    source = ("source",)
    for person_id, option_id in arc_costs:
        if tier[person_id] in tiers:
            graph.setdefault(source, {})[("person", person_id)] = 1
            graph.setdefault(("person", person_id), {})[
                _arc_head(person_id, option_id, tier, open_to_later)
            ] = 1
    residual = {u: dict(edges) for u, edges in graph.items()}
    for u, edges in graph.items():
        for v in edges:
            residual.setdefault(v, {}).setdefault(u, 0)
    total = 0
    while True:
        parent = {source: None}
        queue = deque([source])
        while queue and SINK not in parent:
            u = queue.popleft()
            for v, left in residual.get(u, {}).items():
                if left > 0 and v not in parent:
                    parent[v] = u
                    queue.append(v)
        if SINK not in parent:
            return total
        v = SINK
        while parent[v] is not None:
            u = parent[v]
            residual[u][v] -= 1
            residual[v][u] += 1
            v = u
        total += 1


def _plan_costs(
    problem: Problem, tier: dict[str, str], arc_costs: dict[tuple[str, str], int], base: dict[str, int]
) -> dict[tuple[str, str], int]:
    """Per arc, as contract v1.2 ranks a run that made a plan: -1 for the plan's agreement for now
    (where a run may make it: not a move of someone of tier none at a cost of at least their
    penalty), +1 for any arc of a young person the plan agrees nothing for now, else 0."""
    if not problem.plan_made:
        return {}
    planned = {
        p.id: p.planned
        for p in problem.young_people
        if (p.id, p.planned) in arc_costs
        and (tier[p.id] != "none" or arc_costs[p.id, p.planned] < base[p.id])
    }
    return {(p, o): -1 if planned.get(p) == o else int(p not in planned) for p, o in arc_costs}


def _vector(tier_name: str, arc_cost: int | None, penalty: int, plan: int = 0) -> tuple[int, ...]:
    """A placement's cost (arc_cost given) or being left unmatched (None), as the ordered vector."""
    out = [0] * WIDTH
    out[PLAN] = plan
    if arc_cost is None:
        if tier_name in COUNTED:
            out[COUNTED.index(tier_name)] = 1
        out[-1] = penalty
    else:
        if tier_name in COSTED:
            out[len(COUNTED) + COSTED.index(tier_name)] = arc_cost
        out[-1] = arc_cost
    return tuple(out)


def _cheaper_cycle(run: _Run) -> list[str]:
    """The residual graph of the run under vector costs: empty when it has no negative cycle."""
    tier, placed, open_to_later = run.tier, run.placed, run.open_to_later
    arcs: list[tuple[tuple, tuple, tuple[int, ...]]] = []
    load = Counter(placed.values())
    open_load = Counter(o for p, o in placed.items() if tier[p] in HOLDABLE_TIERS and o in open_to_later)
    zero = (0,) * WIDTH
    for (person_id, option_id), arc_cost in run.arc_costs.items():
        u, v = ("person", person_id), _arc_head(person_id, option_id, tier, open_to_later)
        cost = _vector(tier[person_id], arc_cost, 0, run.plan.get((person_id, option_id), 0))
        if placed.get(person_id) == option_id:
            arcs.append((v, u, tuple(-x for x in cost)))
        else:
            arcs.append((u, v, cost))
    for person_id, tier_name in tier.items():
        u, cost = ("person", person_id), _vector(tier_name, None, run.base[person_id])
        arcs.append((SINK, u, tuple(-x for x in cost)) if person_id not in placed else (u, SINK, cost))
    for option_id, places in run.room.items():
        node, into = ("option", option_id), run.capped.into(option_id)
        arcs += [(node, into, zero)] if load[option_id] < places else []
        arcs += [(into, node, zero)] if load[option_id] > 0 else []
    given = Counter(run.capped.district[o] for o in placed.values() if o in run.capped.district)
    for district, limit in run.capped.limit.items():
        node = ("limit", district)
        arcs += [(node, SINK, zero)] if given[district] < limit else []
        arcs += [(SINK, node, zero)] if given[district] > 0 else []
    for option_id, places in open_to_later.items():
        node, into = ("open", option_id), ("option", option_id)
        arcs += [(node, into, zero)] if open_load[option_id] < places else []
        arcs += [(into, node, zero)] if open_load[option_id] > 0 else []
    nodes = {u for u, _, _ in arcs} | {v for _, v, _ in arcs}
    distance = dict.fromkeys(nodes, zero)
    # Bellman-Ford: with no negative cycle, a pass among the first len(nodes) + 1 changes nothing
    # (the one more pass also proves a problem with no arcs at all, which has no cycle).
    for _ in range(len(nodes) + 1):
        changed = False
        for u, v, cost in arcs:
            offer = tuple(a + b for a, b in zip(distance[u], cost, strict=True))
            if offer < distance[v]:
                distance[v], changed = offer, True
        if not changed:
            return []
    return ["a cheaper assignment exists under the tiers' order (a negative cycle of the residual graph)"]


def kept_pass_overs(problem: Problem, solution: Solution) -> list[str]:
    """Pass-overs a run must not keep: of a young person of move_now, overdue or soon, unless the
    exchange would leave a young person of tier later with no place (contract v1.2)."""
    c = solution.candidates
    people, options = problem.young_people, problem.options
    arc = {
        (people[i].id, options[k].id): a
        for a, (i, k) in enumerate(zip(c.person.tolist(), c.option.tolist(), strict=True))
    }
    chosen = np.zeros(c.size, bool)
    for p in solution.proposals:
        if (p.young_person, p.option) in arc:
            chosen[arc[p.young_person, p.option]] = True
    found = pass_overs(c, chosen)
    later = DUE_TIERS.index("later")
    tier = c.tiers
    return [
        f"{people[i].id} is passed over at {options[k].id} for {people[j].id}, who is due later"
        for i, k, j, alone in zip(
            found.young_person.tolist(), found.option.tolist(), found.holder.tolist(),
            found.no_other_place.tolist(), strict=True,
        )
        if tier[i] < COSTED_TIERS and not (alone and tier[j] == later)
    ]  # fmt: skip
