"""Each morning: a run for anyone whose urgency changed overnight, and one digest to housing officers."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from housing.clock import today
from housing.models import MatchingRun, Notification
from housing.services import notifications, reproposals
from housing.vocabulary import Role
from tests import payloads
from tests.builders import supported_place
from tests.kept_current import immediate  # noqa: F401 (a fixture)

pytestmark = pytest.mark.usefixtures("immediate")


def test_the_morning_run_covers_those_whose_urgency_changed_overnight_and_no_one_else(
    client, officer, app, db
):
    # Due in exactly 90 days today: not urgent yesterday (91 days), urgent today.
    crossing = client.post("/api/v1/young-people", headers=officer, json=payloads.young_person(
        reference="CROSS", move_date=None, date_of_birth=payloads.born_aged(18, 1),
        needs={"step_free": True, "children": 0, "immigration": "not_applicable",
               "custody_release_date": None})).json  # fmt: skip
    client.patch(f"/api/v1/young-people/{crossing['id']}", headers=officer,
                 json={"move_date": (today() + timedelta(days=90)).isoformat()})  # fmt: skip
    client.post("/api/v1/young-people", headers=officer,
                         json=payloads.young_person(reference="STEADY", date_of_birth=payloads.born_aged(16, 100)))  # fmt: skip
    supported_place(client, officer, "Lancing")

    with app.extensions["pathways"].writer_factory() as session:
        event = reproposals.schedule_morning(session, today())
    with app.extensions["pathways"].writer_factory() as session:
        again = reproposals.schedule_morning(session, today())

    assert event.young_people == [crossing["id"]]
    assert again is None  # one scheduled event a day
    db.rollback()
    [made] = db.scalars(select(MatchingRun).where(MatchingRun.trigger == "scheduled")).all()
    assert (made.triggered_by, made.created_by) == (None, None)


def test_the_daily_digest_tells_each_housing_officer_once_of_the_services_own_proposals(
    client, officer, app, auth, db
):
    auth.headers(Role.ADMIN)
    client.post("/api/v1/young-people", headers=officer, json=payloads.young_person(reference="D-1"))
    supported_place(client, officer, "Worthing")  # the service proposes again for whoever it could serve

    with app.extensions["pathways"].writer_factory() as session:
        made = notifications.digest(session, today())
    with app.extensions["pathways"].writer_factory() as session:
        assert notifications.digest(session, today()) == made  # the same notifications, not new ones

    db.rollback()
    digests = db.scalars(select(Notification).where(Notification.key == f"digest:{today()}")).all()
    assert len(digests) == 1  # housing officers only, not the admin
    assert digests[0].subject == "1 new proposal since yesterday"
