"""The plan as solved (merged nodes, dominated arcs left out: `horizon.plan`) reaches the optimum of
the whole place-month flow as first written, one node per (option, month), every arc, on random
plans with places appearing in later months."""

from dataclasses import replace
from datetime import date

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from ortools.graph.python import min_cost_flow

from matching import horizon
from matching.horizon import MonthArcs, PlaceMonths, _bonus, plan

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


@st.composite
def month_tables(draw) -> tuple[list[MonthArcs], dict[tuple[str, int], int]]:
    """Months' tables as `months_once` makes them: each pair one cost every month it is allowed,
    young people coming and going, the same options, places appearing in later months."""
    people = [f"p{i}" for i in range(draw(st.integers(1, 5)))]
    options = tuple(f"o{k}" for k in range(draw(st.integers(1, 4))))
    pairs = [(i, k) for i in range(len(people)) for k in range(len(options))]
    cost = {pair: draw(st.integers(0, 30)) for pair in pairs}
    penalty = {p: draw(st.integers(5, 60)) for p in people}
    due = {p: draw(st.sampled_from([None, *MONTHS])) for p in people}
    tables = []
    for _m in MONTHS:
        here = [i for i in range(len(people)) if draw(st.booleans())]
        arcs = [(i, k) for i in here for k in range(len(options)) if draw(st.integers(0, 3))]
        local = {i: n for n, i in enumerate(here)}
        tables.append(
            MonthArcs(
                people=tuple(people[i] for i in here),
                options=options,
                person=np.array([local[i] for i, _k in arcs], dtype=np.int64),
                option=np.array([k for _i, k in arcs], dtype=np.int64),
                cost=np.array([cost[a] for a in arcs], dtype=np.int64),
                penalty=np.array([penalty[people[i]] for i in here], dtype=np.int64),
                due=tuple(due[people[i]] for i in here),
                pair=np.array([pairs.index(a) for a in arcs], dtype=np.int64),
            )
        )
    supply = draw(
        st.dictionaries(
            st.tuples(st.sampled_from(options), st.integers(0, len(MONTHS) - 1)), st.integers(0, 2)
        )
    )
    return tables, supply


@given(month_tables())
def test_leaving_out_a_pairs_later_arcs_as_the_months_are_gathered_solves_the_same_flow(drawn) -> None:
    # `place_months` leaves out the arcs no optimal plan uses as it gathers tables whose pairs cost
    # the same every month; the flow solved must be the one over every arc: the same arcs kept
    # (`undominated`), costs, bonus and so the same plan, not just one as good.
    tables, supply = drawn
    until = date(2027, 5, 1)
    gathered = horizon.place_months(MONTHS, until, tables, supply)
    every = horizon.place_months(MONTHS, until, [replace(t, pair=None) for t in tables], supply)

    assert len(gathered.person) <= len(every.person)
    assert (gathered.people, gathered.options) == (every.people, every.options)
    assert gathered.penalty.tolist() == every.penalty.tolist()
    assert gathered.in_time.tolist() == every.in_time.tolist()
    assert _bonus(gathered) == _bonus(every)
    assert plan(gathered) == plan(every)
