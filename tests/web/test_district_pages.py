"""A council officer's pages: nomination cards, decided nominations, filtered applicants, uploading vacancies."""

import io
import re

from sqlalchemy import func, select

from housing.models import Option
from housing.vocabulary import Role
from tests.builders import leaks, nominated, text_of
from tests.districts.conftest import MARKERS, applicant  # noqa: F401 - a fixture
from tests.web.conftest import csrf

HEADER = "name,place,capacity,available_from"


def test_a_nomination_card_shows_what_the_council_decides_on_and_nothing_it_may_not_see(
    client, officer, person_signing_in
):
    nominated(client, officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)

    text = client.get("/district").get_data(as_text=True)

    card = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text[text.index('class="govuk-summary-card"') :]))
    for expected in ("Testy Exampleton (NOM-1) for Flat 3, Ifield", "Property Flat 3, Ifield, Crawley",
                     "Bedrooms Needs 1 by your allocation scheme; this home has 1", "Home free from",
                     "Tenancy would start",
                     "Property access Step-free; no children", "Band A, applied 1 June 2026", "Support package Medium support",
                     "Access needs Step-free", "Children None; needs 1 bedroom", "Links in your district None recorded",
                     "Officer to contact housing_officer.county@test.example"):  # fmt: skip
        assert expected in card, expected
    assert re.search(r"Needs a home from [A-Z][a-z]+ \d{4} Nominated", card)
    assert "MARKER-WISHES-QZX" not in text


def test_decided_nominations_keep_their_decision_reason_who_and_when_filtered_by_status(
    client, officer, person_signing_in
):
    nominated(client, officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)
    nomination = re.search(
        r'action="/nominations/(\w+)/decide"', client.get("/district").get_data(as_text=True)
    )[1]
    decided = client.post(f"/nominations/{nomination}/decide", data={"csrf_token": csrf(client, "/district"),
                          "decision": "declined", "reason": "Band too low"})  # fmt: skip
    assert "Nomination of Testy Exampleton (NOM-1) declined." in client.get(
        decided.headers["Location"]
    ).get_data(as_text=True)

    history = client.get("/district/nominations/decided").get_data(as_text=True)
    accepted_only = client.get("/district/nominations/decided?status=accepted").get_data(as_text=True)

    assert "Declined by district_officer.crawley@test.example on" in history
    assert "Band too low" in history
    assert "Band too low" not in accepted_only
    assert "No decided nominations accepted yet." in accepted_only


def test_applicants_are_filtered_as_the_api_filters_and_the_downloads_hold_what_is_shown(
    client,
    officer,
    person_signing_in,
    applicant,  # noqa: F811
):
    nominated(client, officer)
    person_signing_in(client, Role.DISTRICT_OFFICER)

    everyone = client.get("/district/applicants").get_data(as_text=True)
    band_a = client.get("/district/applicants?band=A").get_data(as_text=True)
    bad = client.get("/district/applicants?need_month_before=March")
    csv = client.get("/district/applicants.csv?band=A").get_data(as_text=True)
    xlsx = text_of(client.get("/district/applicants.xlsx?band=A%2B"))

    assert "NOM-1" in everyone
    assert "CL-1" in everyone
    assert ("NOM-1" in band_a, "CL-1" in band_a) == (True, False)
    assert bad.status_code == 400
    assert 'href="#need_month_before"' in bad.get_data(as_text=True)
    assert ("NOM-1" in csv, "CL-1" in csv) == (True, False)
    assert ("NOM-1" in xlsx, "CL-1" in xlsx) == (False, True)
    assert "need_month" in csv.splitlines()[0]
    assert leaks(everyone + csv + xlsx) == []


def upload(client, content: bytes, filename="vacancies.csv"):
    return client.post(
        "/district/vacancies",
        data={"csrf_token": csrf(client, "/district/vacancies"), "file": (io.BytesIO(content), filename)},
        content_type="multipart/form-data",
    )


def test_an_upload_with_problems_lists_each_with_line_and_column_and_adds_nothing_then_a_good_one_adds_all(
    client, db, person_signing_in
):
    person_signing_in(client, Role.DISTRICT_OFFICER)
    bad = f"{HEADER}\nFlat 1,Crawley,1,2026-12-01\nFlat 2,Worthing,x,2026-12-01\n=cmd,Crawley,1,2026-12-01\n"

    refused = upload(client, bad.encode())

    page = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "<title>Error: Vacancies" in page
    assert "Nothing was added: there is a problem with the file" in page
    for problem in (
        "line 3, column capacity: must be a whole number, like 3",
        "line 4, column name: looks like a spreadsheet formula",
    ):
        assert problem in page
    assert db.scalar(select(func.count()).select_from(Option)) == 0

    added = upload(client, f"{HEADER}\nFlat 1,Crawley,1,2026-12-01\nFlat 2,Crawley,2,2027-01-01\n".encode())

    assert added.status_code == 302
    assert "2 vacancies added to your register from vacancies.csv." in client.get(
        added.headers["Location"]
    ).get_data(as_text=True)
    db.rollback()
    assert db.scalar(select(func.count()).select_from(Option)) == 2


def test_files_that_are_not_csv_or_xlsx_are_refused_on_the_page(client, person_signing_in):
    person_signing_in(client, Role.DISTRICT_OFFICER)

    assert "is not UTF-8 text" in upload(client, "Café".encode("latin-1")).get_data(as_text=True)
    assert "must be .csv or .xlsx" in upload(client, b"x", "notes.txt").get_data(as_text=True)
    assert "not an Excel workbook" in upload(client, b"junk", "v.xlsx").get_data(as_text=True)
    assert "Select a CSV or Excel file" in upload(client, b"", "").get_data(as_text=True)


def test_the_template_has_every_heading_and_one_example_row_that_would_be_accepted(
    client, person_signing_in, db
):
    person_signing_in(client, Role.DISTRICT_OFFICER)

    template = client.get("/district/vacancies/template.csv")

    lines = template.get_data(as_text=True).splitlines()
    assert lines[0].startswith("name,place,capacity,available_from,available_until,min_age,max_age")
    assert len(lines) == 2
    assert upload(client, template.data, "template.csv").status_code == 302


def test_a_file_over_5_mb_is_refused_on_a_page_of_its_own_and_adds_nothing(client, db, person_signing_in):
    person_signing_in(client, Role.DISTRICT_OFFICER)
    token = csrf(client, "/district/vacancies")
    line = b"Flat,Crawley,1,2026-12-01\n"
    content = HEADER.encode() + b"\n" + line * (5 * 1024 * 1024 // len(line) + 10)
    # The body built by hand: the test client's own encoder would spool it to a file left open.
    body = (
        (
            f'--B\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            '--B\r\nContent-Disposition: form-data; name="file"; filename="v.csv"\r\n\r\n'
        ).encode()
        + content
        + b"\r\n--B--\r\n"
    )

    response = client.post("/district/vacancies", data=body, content_type="multipart/form-data; boundary=B")

    assert response.status_code == 413
    assert "larger than 5 MB" in response.get_data(as_text=True)
    assert db.scalar(select(func.count()).select_from(Option)) == 0
