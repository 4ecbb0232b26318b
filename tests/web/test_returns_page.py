"""The 903 return page: the year's figures without a view of anyone, the file audited when taken."""

from sqlalchemy import func, select

from housing.models import AuditEntry
from housing.vocabulary import Role


def test_the_page_shows_the_years_figures_and_offers_the_file(client, person_signing_in, db):
    person_signing_in(client)

    page = client.get("/returns/ssda903")

    assert page.status_code == 200
    body = page.get_data(as_text=True)
    assert "Care leavers in the file" in body
    assert "Download the file (CSV)" in body
    db.rollback()
    assert db.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "view")) == 0


def test_a_year_not_offered_is_an_error_beside_the_select(client, person_signing_in):
    person_signing_in(client, Role.ADMIN)

    page = client.get("/returns/ssda903?year=1990")

    assert page.status_code == 400
    assert "Select one of the collection years listed" in page.get_data(as_text=True)


def test_the_download_is_the_dfes_layout(client, person_signing_in):
    person_signing_in(client)

    answer = client.get("/returns/ssda903/care-leavers.csv?year=2027")

    assert answer.status_code == 200
    assert answer.get_data(as_text=True).startswith("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM")
    assert client.get("/returns/ssda903/care-leavers.csv?year=soon").status_code == 400


def test_councils_cannot_open_it(client, person_signing_in):
    person_signing_in(client, Role.DISTRICT_OFFICER, "crawley")

    assert client.get("/returns/ssda903").status_code == 403
