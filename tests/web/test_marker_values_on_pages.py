"""No value a council or a coordinator may not see reaches their pages or downloads (marker values)."""

import pytest

from housing.vocabulary import Role
from tests.builders import text_of
from tests.districts.conftest import MARKERS, applicant, nomination  # noqa: F401 - fixtures
from tests.web.conftest import csrf

# The markers as a page would write them too: a date of birth or custody date in words.
WRITTEN = {**MARKERS, "date_of_birth_written": "11 April 2009", "custody_written": "17 March 2027",
           "custody_short": "17 Mar 2027", "immigration_written": "Leave granted"}  # fmt: skip


PLACE_NAMES = ("outside_link", "avoid_place", "avoid_district")


def leaks(text: str) -> list[str]:
    return [name for name, marker in WRITTEN.items() if marker in text]


COUNCIL_PAGES = ["/district", "/district/applicants", "/district/applicants?band=A%2B",
                 "/district/applicants.csv", "/district/applicants.xlsx?status=pending", "/district/vacancies"]  # fmt: skip


@pytest.mark.parametrize("path", COUNCIL_PAGES)
def test_no_marker_reaches_a_council_page_or_download(client, person_signing_in, nomination, path):  # noqa: F811
    person_signing_in(client, Role.DISTRICT_OFFICER)

    response = client.get(path)

    assert response.status_code == 200
    assert nomination["reference"] in text_of(response) or "vacancies" in path
    assert leaks(text_of(response)) == []


def test_no_marker_reaches_the_decided_nominations(client, person_signing_in, nomination):  # noqa: F811
    person_signing_in(client, Role.DISTRICT_OFFICER)
    client.post(f"/nominations/{nomination['id']}/decide",
                data={"csrf_token": csrf(client, "/district"), "decision": "accepted"})  # fmt: skip

    text = client.get("/district/nominations/decided").get_data(as_text=True)

    assert "Accepted by" in text
    assert leaks(text) == []


def test_no_marker_reaches_a_coordinators_pages(client, auth, person_signing_in, applicant):  # noqa: F811
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "M", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    token = csrf(client, f"/cohorts/{cohort['id']}")
    enrolled = client.post(
        f"/cohorts/{cohort['id']}/members", data={"csrf_token": token, "young_person": applicant}
    )
    assert enrolled.status_code == 302

    for path in (f"/cohorts/{cohort['id']}", f"/cohorts/{cohort['id']}/outcomes", "/cohorts/new", "/cohorts"):
        text = client.get(path).get_data(as_text=True)
        # Wishes, notes, immigration, custody and date of birth never. The place and district markers
        # are names every coordinator's form lists (towns, districts), and links are theirs to see.
        assert [name for name in leaks(text) if name not in PLACE_NAMES] == [], path
