"""The simulated county's year: hindsight bounds every policy, seeds reproduce, seeds spread out."""

from collections import Counter
from datetime import date

from distributed import LocalCluster
from hypothesis import given, settings
from hypothesis import strategies as st

import matching
from simulation.events import draw_year
from simulation.hindsight import play_hindsight
from simulation.measures import measure
from simulation.month import Month, capacities, in_scope
from simulation.policies import POLICIES
from simulation.runner import EVERY_POLICY, Plan, play_seed, run
from simulation.year import play

START = date(2027, 1, 1)


@settings(max_examples=4, deadline=None)
@given(seed=st.integers(1, 10_000))
def test_hindsight_agrees_at_least_as_many_by_17_and_a_half_as_any_policy(seed: int) -> None:
    year = draw_year(seed, 0.2, START, 4)
    bound = measure(year, play_hindsight(year))["agreed_by_17_and_a_half"]
    for policy in POLICIES:
        assert measure(year, play(year, policy))["agreed_by_17_and_a_half"] <= bound, policy


@settings(max_examples=3, deadline=None)
@given(seed=st.integers(1, 10_000))
def test_hindsight_agrees_only_what_a_run_that_month_could_propose(seed: int) -> None:
    """The bound keeps the service's rules: each agreement is of someone in scope that month, on an arc
    that month's run publishes (AVAILABLE, AGE and the rest on that day), to a place still free, and
    not a pair that would be turned down."""
    year = draw_year(seed, 0.3, START, 7)
    hindsight = play_hindsight(year).agreements
    agreed: set[str] = set()
    taken: dict[str, int] = {}
    for m in range(year.months):
        month = Month(year, m, in_scope(year, m, agreed), capacities(year, m, taken), frozenset())
        problem = month.problem()
        arcs = matching.published(problem)
        allowed = {
            (problem.young_people[i].id, problem.options[k].id)
            for i, k in zip(arcs.person.tolist(), arcs.option.tolist(), strict=True)
        }
        here = [a for a in hindsight if a.month == m]
        assert {(a.young_person, a.option) for a in here} <= allowed
        assert not any(year.turned_down(a.young_person, a.option) for a in here)
        for option, n in Counter(a.option for a in here).items():
            assert n <= month.remaining[option]
        agreed |= {a.young_person for a in here}
        for a in here:
            taken[a.option] = taken.get(a.option, 0) + 1


def test_the_same_seed_gives_the_same_figures() -> None:
    plan = Plan((7,), 0.2, START, 3, EVERY_POLICY, 0.85)
    assert play_seed(plan, 7) == play_seed(plan, 7)


def test_seeds_run_on_a_dask_cluster_as_on_local_cores() -> None:
    plan = Plan((1, 2), 0.15, START, 2, ("pathways", "hindsight"), 0.85)
    local = run(plan, workers=1)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        finished: list[int] = []
        on_cluster = run(plan, scheduler=cluster.scheduler_address, progress=finished.append)

    assert on_cluster["summary"] == local["summary"]
    assert finished == [1, 2]
