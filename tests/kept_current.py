"""Helpers for the kept-current tests: the queue switched to huey's immediate mode, runs by trigger."""

import pytest
from sqlalchemy import select

from housing.models import Event, MatchingRun


@pytest.fixture
def immediate(app):
    """Jobs run as they are queued (huey's test mode): an event is processed when its request commits."""
    huey = app.extensions["pathways_queue"]
    huey.immediate = True
    yield huey
    huey.immediate = False


def automatic_runs(db) -> list[MatchingRun]:
    db.rollback()
    return list(
        db.scalars(
            select(MatchingRun).where(MatchingRun.trigger != "manual").order_by(MatchingRun.created_at)
        )
    )


def events(db) -> list[Event]:
    db.rollback()
    return list(db.scalars(select(Event).order_by(Event.created_at)))
