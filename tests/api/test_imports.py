"""Imports from the county's systems through the API: every row checked, all or nothing, by reference.

Young people from a case system's report, then their register applications from councils'
choice-based lettings exports (tests/fixtures/imports).
"""

import pytest
from sqlalchemy import select

from housing.models import Application, AuditEntry, YoungPerson
from housing.vocabulary import Role
from tests.builders import IMPORTS, send_import


def people(db) -> dict[str, YoungPerson]:
    db.rollback()
    return {p.reference: p for p in db.scalars(select(YoungPerson))}


def test_a_case_system_report_adds_each_young_person_with_its_headings_read(client, officer, db):
    response = send_import(client, officer, "young-people", "young_people_lcs.csv")

    assert response.status_code == 201, response.json
    assert len(response.json["created"]) == 5
    assert response.json["updated"] == []
    held = people(db)
    assert set(held) == {"LCS-1001", "LCS-1002", "LCS-1003", "LCS-1004", "LCS-1005"}
    billie = held["LCS-1002"]
    assert billie.home_district == "mid-sussex"
    assert billie.date_of_birth.isoformat() == "2008-09-02"
    assert billie.children == 1
    assert (billie.accommodation_code, billie.accommodation_suitable) == ("U", True)
    cai = held["LCS-1003"]
    assert (cai.uasc, cai.immigration, cai.wheelchair) == (True, "leave_granted", True)
    assert cai.move_date is not None  # leave granted: three months' notice, so a move date
    assert held["LCS-1005"].support_level == "low"
    created = db.scalars(select(AuditEntry).where(AuditEntry.action == "create")).all()
    assert {entry.young_person_id for entry in created} == {p.id for p in held.values()}


def test_the_same_report_sent_again_changes_nothing_and_a_changed_row_updates_its_record(client, officer, db):
    send_import(client, officer, "young-people", "young_people_lcs.csv")
    again = send_import(client, officer, "young-people", "young_people_lcs.csv")

    assert again.status_code == 201
    assert (again.json["created"], again.json["updated"], again.json["unchanged"]) == ([], [], 5)
    assert len(people(db)) == 5

    changed = (IMPORTS / "young_people_lcs.csv").read_text().replace("Amara,Testperson", "Amara,Newname")
    response = send_import(client, officer, "young-people", "lcs.csv", changed.encode())

    assert response.status_code == 201
    assert len(response.json["updated"]) == 1
    assert people(db)["LCS-1001"].family_name == "Newname"
    entry = db.scalars(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.detail == "changed family name from Testperson to Newname, from an imported file"


def test_a_mosaic_workbook_is_read_by_its_own_headings(client, officer, db):
    response = send_import(client, officer, "young-people", "young_people_mosaic.xlsx")

    assert response.status_code == 201, response.json
    assert people(db)["MOS-2"].current_place == "Shoreham-by-Sea"


def test_every_bad_row_is_named_with_its_line_and_column_and_nothing_is_written(
    client, officer, db, row_counts
):
    before = row_counts()

    response = send_import(client, officer, "young-people", "young_people_bad.csv")

    assert response.status_code == 422
    assert row_counts() == before
    problems = response.json["errors"]["files"]["file"]
    assert problems == [
        "line 2, column Home District: not one of the seven West Sussex districts and boroughs",
        "line 3, column Current Town: not a place the service knows: see the list of places",
        "line 4, column Date of Birth: must be a real date, like 27/03/2026 (day/month/year) or 2026-03-27",
        "line 5, column Date of Birth: must not be in the future",
        "line 6, column Date of Birth: gives an age over 25; the service supports care leavers up to 25",
        "line 7, column Support Level: must be one of low, medium, high",
        f"line 8, column ACCOM: must be one of {', '.join('BCDEGHKRSTUVWXYZ')}",
        "line 9, column Suitable: in custody is never recorded as suitable",
        "line 10, column Date Judged: needed with the rest of the accommodation",
        "line 11, column Date Leave Granted: only with immigration leave_granted",
        "line 13, column Child ID: the same reference as line 12",
        "line 14, column Forename: looks like a spreadsheet formula; enter the value itself",
        "line 15, column Forename: required: fill in this cell",
        "line 15, column Number of Children: must be a whole number, like 3",
    ]


def test_a_file_that_is_not_a_report_is_refused_with_its_header_problems(client, officer):
    response = send_import(client, officer, "young-people", "x.csv", b"Child ID,Colour\nLCS-1,red\n")

    assert response.status_code == 422
    problems = response.json["errors"]["files"]["file"]
    assert "line 1, column given_name: missing: a required column" in problems
    assert "line 1, column Colour: not a known column" in problems


def test_applications_from_a_councils_export_are_added_once_and_updated_by_young_person_and_council(
    client, officer, db
):
    send_import(client, officer, "young-people", "young_people_lcs.csv")

    response = send_import(client, officer, "applications", "applications_cbl.csv")

    assert response.status_code == 201, response.json
    assert len(response.json["created"]) == 3
    db.rollback()
    held = {(a.young_person.reference, a.district): a for a in db.scalars(select(Application))}
    assert set(held) == {("LCS-1001", "crawley"), ("LCS-1001", "worthing"), ("LCS-1002", "mid-sussex")}
    assert held[("LCS-1001", "crawley")].band == "A+"

    again = send_import(client, officer, "applications", "applications_cbl.csv")
    rebanded = send_import(client, officer, "applications", "a.csv",
                    (IMPORTS / "applications_cbl.csv").read_bytes().replace(b"Crawley,A+", b"Crawley,B"))  # fmt: skip

    assert (again.json["created"], again.json["unchanged"]) == ([], 3)
    assert len(rebanded.json["updated"]) == 1
    db.rollback()
    assert len(db.scalars(select(Application)).all()) == 3
    assert db.get(Application, held[("LCS-1001", "crawley")].id).band == "B"


def test_every_bad_application_is_named_and_none_is_written(client, officer, db, row_counts):
    send_import(client, officer, "young-people", "young_people_lcs.csv")
    before = row_counts()

    response = send_import(client, officer, "applications", "applications_bad.csv")

    assert response.status_code == 422
    assert row_counts() == before
    assert response.json["errors"]["files"]["file"] == [
        "line 2, column Person ID: no young person has this reference: import young people first, or check it",
        "line 3, column Council: not one of the seven West Sussex councils",
        "line 4, column Priority Band: Arun's bands are A, B, C",
        "line 5, column Application Date: must not be in the future",
        "line 7, column Council: the same young person and council as line 6",
    ]


def test_a_large_report_of_5000_young_people_is_imported_whole(client, officer, db):
    response = send_import(client, officer, "young-people", "young_people_large.csv")

    assert response.status_code == 201, response.json
    assert len(response.json["created"]) == 5000
    assert len(people(db)) == 5000


@pytest.mark.parametrize("role", [Role.DISTRICT_OFFICER, Role.COMMISSIONER, Role.TEAM_MANAGER])
def test_only_the_countys_officers_and_admins_import(client, auth, role, row_counts):
    headers = auth.headers(role, "crawley" if role is Role.DISTRICT_OFFICER else None)
    before = row_counts()

    response = send_import(client, headers, "young-people", "young_people_lcs.csv")

    assert response.status_code == 403
    assert row_counts() == before


def test_a_file_over_5_mb_is_a_413_naming_the_limit(client, admin):
    # The body built by hand: the test client's own encoder would spool it to a file left open.
    body = b'--B\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
    body += b"x" * (5 * 1024 * 1024 + 1) + b"\r\n--B--\r\n"
    response = client.post(
        "/api/v1/imports/young-people",
        data=body,
        content_type="multipart/form-data; boundary=B",
        headers=admin,
    )
    assert response.status_code == 413
    assert "5 MB" in response.json["message"]
