"""The engine has two paths (`matching/engine.py`): a proved sparse assignment for problems of up
to `sparse_assignment.MAX_PEOPLE` young people, and the min-cost flow beyond. Every test problem is
small, so a test that asks for `engine_path` runs once on each."""

import pytest

from matching import sparse_assignment


@pytest.fixture(scope="module", params=["sparse assignment", "min-cost flow"])
def engine_path(request):
    saved = sparse_assignment.MAX_PEOPLE
    if request.param == "min-cost flow":
        sparse_assignment.MAX_PEOPLE = 0
    yield request.param
    sparse_assignment.MAX_PEOPLE = saved
