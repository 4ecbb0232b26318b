"""What councils promised: a council records its yearly commitment; each nomination it accepts
uses one; the council and the county's managers see used and remaining."""

import pytest

from housing.clock import today
from housing.reads import commitments
from housing.vocabulary import Role
from tests.builders import nominated

SCHEME = "/api/v1/districts/crawley/scheme"


@pytest.fixture(autouse=True)
def no_commitment_after(client, auth):
    """Councils are reference data, kept from test to test: each test leaves Crawley's as it found it."""
    yield
    client.patch(SCHEME, json={"yearly_commitment": None}, headers=auth.headers(Role.ADMIN))


def accept_the_nomination(client, auth):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    [nomination] = client.get("/api/v1/districts/crawley/nominations", headers=crawley).json["items"]
    decided = client.post(f"/api/v1/nominations/{nomination['id']}/decision", json={"decision": "accepted"},
                          headers=crawley)  # fmt: skip
    assert decided.status_code == 200


def crawley_now(app):
    with app.extensions["pathways"].session_factory() as session:
        return commitments.for_year(session, commitments.year_ending(today()), "crawley")[0]


def test_a_councils_commitment_counts_down_as_it_accepts_nominations(app, client, officer, auth):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    recorded = client.patch(SCHEME, json={"yearly_commitment": 12}, headers=crawley)
    assert recorded.status_code == 200
    assert recorded.json["yearly_commitment"] == 12
    nominated(client, officer)

    pending = crawley_now(app)
    accept_the_nomination(client, auth)
    accepted = crawley_now(app)

    assert (pending.promised, pending.used, pending.remaining) == (12, 0, 12)
    assert (accepted.used, accepted.remaining) == (1, 11)


def test_no_commitment_recorded_shows_none_and_another_council_cannot_set_it(app, client, auth):
    worthing = auth.headers(Role.DISTRICT_OFFICER, "worthing")

    assert crawley_now(app).remaining is None
    assert client.patch(SCHEME, json={"yearly_commitment": 3}, headers=worthing).status_code == 403
    assert (
        client.patch(SCHEME, json={"yearly_commitment": -1}, headers=auth.headers(Role.ADMIN)).status_code
        == 422
    )
