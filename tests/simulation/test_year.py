"""The simulated county's year: hindsight bounds every policy, seeds reproduce, seeds spread out."""

from datetime import date

from distributed import LocalCluster
from hypothesis import given, settings
from hypothesis import strategies as st

from simulation.events import draw_year
from simulation.hindsight import play_hindsight
from simulation.measures import measure
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
