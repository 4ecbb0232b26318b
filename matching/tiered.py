"""A run's answer (contract v1.2, "Who is served first"): the most due served first, exactly.

The goals, in order (`GOALS`): the fewest young people of `move_now` left unmatched that any
assignment allows (the most matched); keeping that, the fewest of `overdue`, then of `soon`, then
of `later`; keeping the four counts, the least cost of `move_now`'s proposals, then of
`overdue`'s, then of `soon`'s; then the rest of the objective: the plan of the coming months
where the run makes one (the fewest departures from its first month, `solution.plan_costs`), then
Σ arc costs + Σ penalties of the unmatched (without v1.1's urgent premium, which the counts
replace). Places held back (`Problem.held_back`) are closed to tiers later and none.

The graph and the goals as costs on its arcs are built in `tier_graph.py`; a count is a cost of 1
on the "unmatched" arcs of its tier, and `lexicographic.solve_in_order` minimises them in turn.

Two paths, both exact. Up to `WHOLE_GRAPH_ARCS` arcs, or where young people have
`DENSE_ARCS_PER_PERSON` arcs or more each, the whole graph is solved in one sequence. Beyond, each
young person's cheapest arcs are solved first, part by part, and the answer proved over every
arc, adding the arcs the proof refuses (`tiered_parts.py`) — unless a council's commitment limits
the run (`commitments.py`), whose node joins parts: then the whole graph. Cheapest arcs first pays
where each young person has few arcs (the region: 24 each, 2.5 s by parts against 6.9 s whole,
CPU); where each reaches most of the options, as in the seeded county ten times over (218 each),
most must give up their cheapest arcs to someone, the proof adds arcs for 46 rounds, and the
whole graph is five times faster (1.2 s against 6.8 s, CPU; issue 34).

Arcs no optimum needs are dropped first: an arc of a young person of tier none costing at least
their penalty (`prune.py`'s argument: leaving them out instead changes no count and costs no more;
the plan's goal never counts such an arc, `candidates.build`).
"""

import numpy as np

from matching import lexicographic
from matching.flow import MIN_COST_FLOW, Flow
from matching.solution import Candidates
from matching.tier_graph import build_part, goals, stages, useful_arcs
from matching.tiered_parts import solve_by_parts

WHOLE_GRAPH_ARCS = 200_000  # measured: county (157,000 useful arcs) whole is faster; region by parts (README)
DENSE_ARCS_PER_PERSON = 100  # measured: county x10 (218 each) whole is faster; region (24) by parts
SOLVER = f"{MIN_COST_FLOW}, by tier"
SOLVER_BY_PARTS = f"{MIN_COST_FLOW}, by tier, cheapest arcs first"


def solve_tiered(c: Candidates) -> Flow:
    """The lexicographic optimum over every published arc: per arc, whether it carries its young person."""
    chosen = np.zeros(c.size, bool)
    if len(c.penalty) == 0:
        return Flow("optimal", 0, chosen, SOLVER)
    useful = useful_arcs(c)
    # A council's limit joins all of its register's vacancies: the parts would not be independent.
    dense = len(useful) >= DENSE_ARCS_PER_PERSON * len(c.penalty)
    if len(useful) > WHOLE_GRAPH_ARCS and not dense and not c.capped:
        status, chosen = solve_by_parts(c, useful)
        solver = SOLVER_BY_PARTS
    else:
        part = build_part(c, useful)
        solved = lexicographic.solve_in_order(
            part.network, goals(c, part, stages(c, len(part.network.supply)))
        )
        status, solver = solved.status, SOLVER
        chosen[useful[solved.flow[: len(useful)] > 0]] = True
    if status == "infeasible":
        return Flow(status, 0, np.zeros(c.size, bool), solver)
    placed = np.zeros(len(c.penalty), bool)
    placed[c.person[chosen]] = True
    objective = int(c.cost[chosen].sum()) + int(c.penalty[~placed].sum())
    return Flow(status, objective, chosen, solver)
