"""The queue for real: a huey consumer beside the app, over the store's own kind of database."""

import signal
import time

import pytest
from sqlalchemy import select

from api import create_app
from housing.models import Event, MatchingRun
from housing.vocabulary import Role
from jobs import queue
from tests.builders import add_young_person, matching_run, supported_place
from tests.conftest import Auth

WITHIN_S = 10  # contract v1.2: proposed again within 10 seconds


@pytest.fixture
def queued_app(app, database_url):
    """The same store, with jobs queued in storage (SqliteHuey or SqlHuey) rather than in memory."""
    other = create_app({"DATABASE_URL": database_url, "TESTING": True, "SECRET_KEY": "test-only",
                        "SESSION_COOKIE_SECURE": False, "PATHWAYS_QUEUE": "store"})  # fmt: skip
    queue.prepare_storage(other.extensions["pathways_queue"])
    other.extensions["pathways_queue"].flush()
    yield other
    huey = other.extensions["pathways_queue"]
    huey.flush()
    if hasattr(huey.storage, "database"):  # SqlHuey's peewee pool: the workers' connections too
        huey.storage.database.close_all()
    other.extensions["pathways"].engine.dispose()


@pytest.fixture
def consumer(queued_app):
    saved = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    worker = queued_app.extensions["pathways_queue"].create_consumer(workers=1, periodic=False, initial_delay=0.05,
                                                                      max_delay=0.2, check_worker_health=False)  # fmt: skip
    worker.start()
    yield worker
    worker.stop(graceful=True)
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def test_a_running_consumer_proposes_again_within_ten_seconds_of_a_rejection(queued_app, consumer):
    client, officer = queued_app.test_client(), Auth(queued_app).headers(Role.HOUSING_OFFICER)
    add_young_person(client, officer, "A")
    supported_place(client, officer, "Worthing")
    supported_place(client, officer, "Lancing")
    [proposal] = matching_run(client, officer)["proposals"]
    started = time.monotonic()

    rejected = client.post(
        f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "Too far"}, headers=officer
    )

    assert rejected.status_code == 200
    store = queued_app.extensions["pathways"]
    made = None
    while made is None and time.monotonic() - started < WITHIN_S:
        time.sleep(0.1)
        with store.session_factory() as session:
            made = session.scalar(select(MatchingRun).where(MatchingRun.triggered_by == proposal["id"]))
    assert made is not None, "no run within 10 seconds"
    assert made.trigger == "rejected"
    with store.session_factory() as session:
        event = session.scalar(select(Event).where(Event.subject_id == proposal["id"]))
        assert event.id == made.event_id
