"""The district officer's, the coordinator's and the admin's pages."""

import io
import re

from openpyxl import load_workbook
from sqlalchemy import update

from housing.models import District
from housing.vocabulary import Role
from tests import payloads
from tests.builders import nominated
from tests.web.conftest import csrf


def test_a_district_officer_sees_the_minimised_applicants_and_declines_a_nomination(
    client, officer, person_signing_in
):
    person = nominated(client, officer)
    response, _ = person_signing_in(client, Role.DISTRICT_OFFICER)
    assert response.headers["Location"] == "/district"

    text = client.get("/district").get_data(as_text=True)
    assert "NOM-1" in text
    assert "Flat 3, Ifield" in text
    assert "MARKER-WISHES-QZX" not in text
    nomination = re.search(r'action="/nominations/(\w+)/decide"', text).group(1)

    empty = client.post(
        f"/nominations/{nomination}/decide",
        data={"csrf_token": csrf(client, "/district"), "decision": "declined"},
    )
    assert empty.status_code == 400
    assert f'href="#reason-{nomination}"' in empty.get_data(as_text=True)
    declined = client.post(f"/nominations/{nomination}/decide", data={"csrf_token": csrf(client, "/district"),
                           "decision": "declined", "reason": "Band too low"})  # fmt: skip
    assert declined.status_code == 302
    assert "None waiting." in client.get("/district").get_data(as_text=True)
    assert (
        client.get(f"/api/v1/young-people/{person}", headers=officer).json["pathway"]["status"]
        == "in_progress"
    )


def test_the_district_downloads_carry_the_minimised_view(client, officer, person_signing_in):
    nominated(client, officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)

    csv = client.get("/district/applicants.csv")
    xlsx = client.get("/district/applicants.xlsx")

    assert csv.status_code == 200
    assert "NOM-1" in csv.get_data(as_text=True)
    assert "MARKER" not in csv.get_data(as_text=True)
    cells = [
        v for row in load_workbook(io.BytesIO(xlsx.data)).active.iter_rows(values_only=True) for v in row
    ]
    assert "NOM-1" in cells
    assert client.get("/district/applicants.pdf").status_code == 404


def test_a_coordinator_moves_a_member_on_and_a_wrong_move_is_explained(
    client, officer, person_signing_in, auth
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "Cohort 9", "starts_on": "2026-11-01"}, headers=coordinator
    ).json
    person = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="HP-1"), headers=officer
    ).json["id"]
    client.post(f"/api/v1/cohorts/{cohort['id']}/members", json={"young_person": person}, headers=coordinator)
    response, _ = person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    assert response.headers["Location"] == "/cohorts"
    assert "Cohort 9" in client.get("/cohorts").get_data(as_text=True)

    url = f"/cohorts/{cohort['id']}/members/{person}/stage"
    token = csrf(client, f"/cohorts/{cohort['id']}")
    assert client.post(url, data={"csrf_token": token, "stage": "preparing"}).status_code == 302
    wrong = client.post(url, data={"csrf_token": token, "stage": "moved_in"})
    assert wrong.status_code == 422
    assert "the next stages are tenancy_ready, withdrawn" in wrong.get_data(as_text=True)
    board = client.get(f"/cohorts/{cohort['id']}").get_data(as_text=True)
    assert "Preparing (1)" in board


def test_an_admin_reads_the_audit_trail_and_others_cannot(client, officer, person_signing_in, app):
    person = client.post("/api/v1/young-people", json=payloads.young_person(), headers=officer).json["id"]
    person_signing_in(client, Role.ADMIN)

    text = client.get(f"/audit?young_person={person}").get_data(as_text=True)

    assert "housing_officer.county@test.example" in text
    assert "created record" in text
    other = app.test_client()
    person_signing_in(other, Role.HOUSING_OFFICER)
    assert other.get("/audit").status_code == 403
    assert other.get("/district").status_code == 403


def test_the_councils_card_says_when_an_answer_is_needed_by_where_the_county_set_a_response_time(
    app, client, officer, person_signing_in
):
    nominated(client, officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)
    assert "The county has set no response time for your council" in client.get("/district").get_data(
        as_text=True
    )
    with app.extensions["pathways"].writer_factory() as session, session.begin():
        session.execute(
            update(District).where(District.slug == "crawley").values(nomination_response_days=10)
        )
    try:
        text = client.get("/district").get_data(as_text=True)
    finally:
        with app.extensions["pathways"].writer_factory() as session, session.begin():
            session.execute(update(District).values(nomination_response_days=None))

    assert "Answer needed by" in text
    assert "the county asks 10 days for an answer, after which the nomination lapses" in text
