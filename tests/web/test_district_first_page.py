"""The page refuses another council's nomination (403) before it reads the form: no 400, no 409."""

import pytest

from housing.vocabulary import Role
from tests.builders import horsham_records
from tests.web.conftest import csrf


@pytest.fixture
def horsham(client, officer, auth):
    return horsham_records(client, officer, auth)


def test_the_page_refuses_another_districts_nomination_before_reading_the_form(
    client, horsham, person_signing_in
):
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")
    path = f"/nominations/{horsham['nomination']}/decide"

    for form in ({"decision": "accepted"}, {"decision": "maybe"}, {"decision": "declined"}):
        response = client.post(path, data=form | {"csrf_token": csrf(client, "/district")})
        assert response.status_code == 403, form
        assert "You cannot see this page" in response.get_data(as_text=True)
    unknown = client.post(
        "/nominations/nope/decide", data={"decision": "x", "csrf_token": csrf(client, "/district")}
    )
    assert unknown.status_code == 404
