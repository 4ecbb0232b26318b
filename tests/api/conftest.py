"""Fixtures of the API tests."""

import pytest
from sqlalchemy import select

import matching
from housing.models import MatchingRun
from matching.checker import check
from matching.snapshot import digest, from_data


@pytest.fixture
def every_stored_run_is_rechecked(app):
    """After each test, the independent checker re-validates every run stored, from its own snapshot."""
    yield
    with app.extensions["pathways"].session_factory() as session:
        for record in session.scalars(select(MatchingRun)):
            problem = from_data(record.snapshot)
            solution = matching.Solution(
                status=record.status,
                objective=record.objective,
                proposals=[
                    matching.Proposal(p.young_person_id, p.option_id, p.route, p.place, p.cost, p.explanation)
                    for p in record.proposals
                ],
                unmatched=[
                    matching.Unmatched(u["young_person"], u["penalty"], u["reasons"])
                    for u in record.unmatched
                ],
                candidates=matching.published(problem),
                urgent_matched=record.summary["urgent_matched"],
            )
            assert check(problem, solution) == [], record.id
            assert record.digest == digest(record.snapshot)
