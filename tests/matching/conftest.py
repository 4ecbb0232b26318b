"""The engine has two paths (`matching/tiered.py`): the whole graph solved in one sequence of goals
for problems of up to `tiered.WHOLE_GRAPH_ARCS` arcs or dense ones (`tiered.DENSE_ARCS_PER_PERSON`),
and cheapest arcs first by parts, proved over every arc, otherwise (`tiered_parts.py`). Every test
problem is small, so a test that asks for `engine_path` runs once on each."""

import pytest

from matching import tiered


@pytest.fixture(scope="module", params=["whole graph", "cheapest arcs first by parts"])
def engine_path(request):
    saved = tiered.WHOLE_GRAPH_ARCS, tiered.DENSE_ARCS_PER_PERSON
    if request.param == "cheapest arcs first by parts":
        tiered.WHOLE_GRAPH_ARCS, tiered.DENSE_ARCS_PER_PERSON = 0, float("inf")
    yield request.param
    tiered.WHOLE_GRAPH_ARCS, tiered.DENSE_ARCS_PER_PERSON = saved
