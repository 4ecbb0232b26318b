"""A council keeps the matcher to its commitment: the run page says in words whom the limit held back."""

import pytest

from housing.vocabulary import Role
from tests import builders, payloads
from tests.browser.conftest import axe_violations, sign_in_with_the_keyboard, snapshot

SCHEME = "/api/v1/districts/crawley/scheme"


@pytest.fixture(autouse=True)
def crawley_as_found(client, auth):
    """Councils are reference data, kept from test to test: the test leaves Crawley's as it found it."""
    yield
    body = {"yearly_commitment": None, "commitment_limits_matching": False}
    client.patch(SCHEME, json=body, headers=auth.headers(Role.ADMIN))


def test_an_officer_reads_why_a_council_home_with_room_was_not_proposed(client, officer, auth, page, user):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    assert client.patch(SCHEME, json={"yearly_commitment": 1, "commitment_limits_matching": True},
                        headers=crawley).status_code == 200  # fmt: skip
    people = []
    for reference in ("LIM-1", "LIM-2"):
        people.append(builders.young_person(client, officer, reference))
        client.post(f"/api/v1/young-people/{people[-1]}/applications",
                    json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    for name in ("Flat 1, Ifield", "Flat 2, Ifield"):
        home = payloads.option("register_vacancy", place="Crawley", step_free=True, name=name)
        client.post("/api/v1/options", json=home, headers=officer)
    run = builders.run(client, officer, young_people=people)

    sign_in_with_the_keyboard(page, user(Role.HOUSING_OFFICER))
    page.goto(f"/runs/{run['id']}")

    text = page.locator("main").inner_text()
    assert "Crawley has given all the homes it committed to care leavers this year" in text
    assert axe_violations(page) == []
    snapshot(page, "run-commitment")
