"""The plan as solved (merged nodes, dominated arcs left out: `horizon.plan`) reaches the optimum of
the whole place-month flow as first written, one node per (option, month), every arc, on random
plans with places appearing in later months."""

from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from ortools.graph.python import min_cost_flow

from matching.horizon import PlaceMonths, _bonus, plan

MONTHS = tuple(date(2027, m, 1) for m in range(1, 5))


@st.composite
def place_months(draw) -> PlaceMonths:
    people = [f"p{i}" for i in range(draw(st.integers(1, 4)))]
    options = [f"o{k}" for k in range(draw(st.integers(1, 3)))]
    arcs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(people), st.sampled_from(options),
                st.integers(0, len(MONTHS) - 1), st.integers(0, 30),
            ),
            unique_by=lambda a: a[:3], max_size=20,
        )
    )  # fmt: skip
    supply = draw(
        st.dictionaries(
            st.tuples(st.sampled_from(options), st.integers(0, len(MONTHS) - 1)),
            st.integers(0, 2),
            max_size=5,
        )
    )
    return PlaceMonths.of(
        MONTHS,
        arcs,
        {p: draw(st.integers(5, 40)) for p in people},
        supply,
        in_time={p: draw(st.integers(-1, len(MONTHS))) for p in people},
    )


def objective(problem: PlaceMonths, agreements) -> int:
    """The plan's cost as the whole flow counts it: arcs, months waited, bonus for in time, penalties."""
    bonus = _bonus(problem)
    at = {p: i for i, p in enumerate(problem.people)}
    total, placed = 0, set()
    for person, _option, month, cost in agreements:
        i = at[person]
        placed.add(i)
        in_time = month <= problem.in_time[i] < len(problem.months)
        total += cost + problem.wait_cost * month - (bonus if in_time else 0)
    return total + sum(int(problem.penalty[i]) for i in range(len(problem.people)) if i not in placed)


def whole_flow_optimum(problem: PlaceMonths) -> int:
    """The flow of the module's docstring, as written: a node per (option, month), every arc."""
    people, months, options = len(problem.people), len(problem.months), len(problem.options)
    sink, bonus = people, _bonus(problem)
    in_time = (problem.month <= problem.in_time[problem.person]) & (problem.in_time[problem.person] < months)
    flow = min_cost_flow.SimpleMinCostFlow()

    def node(option: int, month: int) -> int:
        return people + 1 + option * months + month

    for i in range(people):
        flow.add_arc_with_capacity_and_unit_cost(i, sink, 1, int(problem.penalty[i]))
    for i, k, m, c, t in zip(
        problem.person, problem.option, problem.month, problem.cost, in_time, strict=True
    ):
        cost = int(c) + problem.wait_cost * int(m) - (bonus if t else 0)
        flow.add_arc_with_capacity_and_unit_cost(int(i), node(int(k), int(m)), 1, cost)
    index = {o: k for k, o in enumerate(problem.options)}
    for (o, m), n in problem.supply.items():
        if n > 0 and o in index:
            flow.add_arc_with_capacity_and_unit_cost(node(index[o], m), sink, n, 0)
    for k in range(options):
        for m in range(1, months):
            flow.add_arc_with_capacity_and_unit_cost(node(k, m), node(k, m - 1), people, 0)
    for i in range(people):
        flow.set_node_supply(i, 1)
    flow.set_node_supply(sink, -people)
    assert flow.solve() == flow.OPTIMAL
    return flow.optimal_cost()


@given(place_months())
def test_the_plan_reaches_the_optimum_of_the_whole_flow(problem: PlaceMonths):
    planned = plan(problem)
    assert objective(problem, planned.agreements) == whole_flow_optimum(problem)
    taken = np.zeros(len(problem.options), dtype=np.int64)
    for _person, option, _month, _cost in planned.agreements:
        taken[problem.options.index(option)] += 1
    for k, option in enumerate(problem.options):  # no option gives more than its places
        assert taken[k] <= sum(n for (o, _m), n in problem.supply.items() if o == option)
