"""What councils promised, on pages: the council records it, the county's managers see every council."""

import pytest

from housing.vocabulary import Role
from tests.web.conftest import csrf


@pytest.fixture(autouse=True)
def no_commitment_after(client, auth):
    """Councils are reference data, kept from test to test: leave Crawley's as it was found."""
    yield
    client.patch(
        "/api/v1/districts/crawley/scheme", json={"yearly_commitment": None}, headers=auth.headers(Role.ADMIN)
    )


def test_the_council_records_it_on_its_page_and_managers_see_every_council(client, person_signing_in, auth):
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")
    wrong = client.post(
        "/district/commitment", data={"csrf_token": csrf(client, "/district"), "commitment": "lots"}
    )
    saved = client.post(
        "/district/commitment", data={"csrf_token": csrf(client, "/district"), "commitment": "8"}
    )
    home = client.get("/district").get_data(as_text=True)

    assert wrong.status_code == 400
    assert "Enter a whole number of homes" in wrong.get_data(as_text=True)
    assert saved.status_code == 302
    assert "Your yearly commitment is saved." in home
    assert 'value="8"' in home

    manager = client.application.test_client()
    person_signing_in(manager, Role.TEAM_MANAGER)
    team = manager.get("/team").get_data(as_text=True)
    assert "What councils promised" in team
    assert "Mid Sussex" in team
