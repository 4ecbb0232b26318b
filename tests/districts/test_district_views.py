"""The councils' side: each role's reach, the exact fields a district sees, and nominations decided."""

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from housing.models import YoungPerson
from housing.vocabulary import Role
from tests import payloads
from tests.builders import NOMINATION_FIELDS, leaks, text_of

AS_OF = "2026-11-23"
APPLICANT_FIELDS = {
    "id", "reference", "given_name", "family_name", "age", "support_level", "step_free", "wheelchair",
    "children", "bedrooms_needed", "need_month", "links_in_district", "application", "nomination",
}  # fmt: skip


def test_a_district_officer_sees_its_applicants_with_the_minimised_fields_only(client, auth, applicant):
    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")

    response = client.get("/api/v1/districts/crawley/applicants", headers=crawley)

    assert response.status_code == 200
    [row] = response.json["items"]
    assert set(row) == APPLICANT_FIELDS
    assert row["id"] == applicant
    assert row["links_in_district"] == [{"kind": "college", "place": "Crawley"}]
    assert row["application"] == {"band": "A+", "applied_on": "2026-06-01", "status": "active"}
    assert row["nomination"] is None
    assert leaks(response.get_data(as_text=True)) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_carry_the_same_minimised_view_and_nothing_more(client, auth, applicant, suffix):
    response = client.get(
        f"/api/v1/districts/crawley/applicants{suffix}", headers=auth.headers(Role.DISTRICT_OFFICER)
    )

    assert response.status_code == 200
    text = text_of(response)
    assert text.splitlines()[0].startswith("id,reference,given_name")
    assert applicant in text
    assert leaks(text) == []


def test_cells_a_spreadsheet_would_run_are_neutralised(client, officer, auth):
    person = client.post(
        "/api/v1/young-people",
        json=payloads.young_person(reference="=HYPERLINK(1)", given_name="+cmd", family_name="@SUM(A1)"),
        headers=officer,
    ).json
    client.post(f"/api/v1/young-people/{person['id']}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip

    text = client.get(
        "/api/v1/districts/crawley/applicants.csv", headers=auth.headers(Role.DISTRICT_OFFICER)
    ).text
    book = client.get(
        "/api/v1/districts/crawley/applicants.xlsx", headers=auth.headers(Role.DISTRICT_OFFICER)
    ).data
    cells = [v for row in load_workbook(io.BytesIO(book)).active.iter_rows(values_only=True) for v in row]

    assert "'=HYPERLINK(1)" in text
    assert "'+cmd" in text
    assert "'@SUM(A1)" in text
    assert "'=HYPERLINK(1)" in cells
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in cells)


def test_a_name_holding_a_control_character_is_exported_not_a_server_error(client, officer, auth, db):
    """The API now refuses control characters in names (issue 27), but records stored before it may
    hold them; an XLSX cell cannot hold most of them, and `make fuzz` found the workbook then failed
    as a 500."""
    body = payloads.young_person(reference="CL-1", given_name="Sam", family_name="Tab")
    person = client.post("/api/v1/young-people", json=body, headers=officer).json
    client.post(f"/api/v1/young-people/{person['id']}/applications",
                json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip
    db.execute(
        update(YoungPerson)
        .where(YoungPerson.id == person["id"])
        .values(reference="CL-\x1b", given_name="Sam\x01", family_name="Tab\tOk")
    )
    db.commit()

    crawley = auth.headers(Role.DISTRICT_OFFICER, "crawley")
    response = client.get("/api/v1/districts/crawley/applicants.xlsx", headers=crawley)
    csv = client.get("/api/v1/districts/crawley/applicants.csv", headers=crawley)

    assert response.status_code == 200
    [_, row] = load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True)
    assert row[1:4] == ("CL-\ufffd", "Sam\ufffd", "Tab\tOk")
    assert "Sam\x01" in csv.text


ROUTES = [
    ("GET", "/api/v1/districts/crawley/applicants"),
    ("GET", "/api/v1/districts/crawley/applicants.csv"),
    ("GET", "/api/v1/districts/crawley/applicants.xlsx"),
    ("GET", "/api/v1/districts/crawley/nominations"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
@pytest.mark.parametrize(
    ("role", "district", "status"),
    [
        (Role.DISTRICT_OFFICER, "crawley", 200),
        (Role.DISTRICT_OFFICER, "worthing", 403),
        (Role.HOUSING_OFFICER, None, 200),
        (Role.ADMIN, None, 200),
        (Role.HOUSE_PROJECT_COORDINATOR, None, 403),
    ],
)
def test_each_role_gets_what_the_contract_grants_on_every_district_route(
    client, auth, nomination, method, path, role, district, status
):
    response = client.open(path, method=method, headers=auth.headers(role, district))

    assert response.status_code == status
    assert leaks(text_of(response)) == []
    if status == 200 and path.endswith("applicants"):
        county_wide = {"need_date"} if role is not Role.DISTRICT_OFFICER else set()
        assert {field for item in response.json["items"] for field in item} == APPLICANT_FIELDS | county_wide
    if status == 200 and path.endswith("nominations"):
        assert {field for item in response.json["items"] for field in item} == NOMINATION_FIELDS


def test_an_unknown_district_is_404_and_another_districts_officer_403_first(client, officer, auth):
    assert client.get("/api/v1/districts/kent/applicants", headers=officer).status_code == 404
    assert client.get("/api/v1/districts/kent/nominations", headers=officer).status_code == 404
    assert (
        client.get(
            "/api/v1/districts/kent/applicants", headers=auth.headers(Role.DISTRICT_OFFICER)
        ).status_code
        == 403
    )


def test_filters_and_pagination(client, officer, auth, applicant):
    crawley = auth.headers(Role.DISTRICT_OFFICER)

    def total(query):
        return client.get(f"/api/v1/districts/crawley/applicants?{query}", headers=crawley).json.get("total")

    assert total("band=A%2B") == 1
    assert total("band=D") == 0
    assert total("status=none") == 1
    assert total("status=pending") == 0
    assert total("need_month_before=2000-01") == 0
    assert total("page_size=1&page=2") == 1
    assert client.get("/api/v1/districts/crawley/applicants?status=maybe", headers=crawley).status_code == 422


def test_every_district_view_of_an_applicant_is_audited(client, auth, admin, applicant):
    client.get("/api/v1/districts/crawley/applicants", headers=auth.headers(Role.DISTRICT_OFFICER))

    entries = client.get(f"/api/v1/audit?young_person={applicant}", headers=admin).json["items"]

    assert [(e["action"], e["role"], e["detail"]) for e in entries][-1] == (
        "view", "district_officer", "Crawley council's applicants",
    )  # fmt: skip


def test_housing_officers_list_rebrand_close_and_reopen_applications(client, officer, applicant, row_counts):
    [application] = client.get(f"/api/v1/young-people/{applicant}/applications", headers=officer).json
    url = f"/api/v1/applications/{application['id']}"

    assert client.patch(url, json={"band": "B"}, headers=officer).json["band"] == "B"
    assert client.patch(url, json={"band": "E"}, headers=officer).status_code == 422
    assert client.patch(url, json={"status": "closed"}, headers=officer).json["status"] == "closed"
    second = client.post(f"/api/v1/young-people/{applicant}/applications",
                         json={"district": "crawley", "band": "C", "applied_on": "2026-07-01"}, headers=officer)  # fmt: skip
    assert second.status_code == 201
    before = row_counts()
    assert client.patch(url, json={"status": "active"}, headers=officer).status_code == 409
    assert row_counts() == before
    assert client.patch("/api/v1/applications/nope", json={"band": "A"}, headers=officer).status_code == 404


def test_only_the_applicants_on_the_page_shown_are_audited_as_seen(client, officer, auth, db):
    from sqlalchemy import func, select  # noqa: PLC0415

    from housing.models import AuditEntry  # noqa: PLC0415

    for n in range(3):
        person = client.post(
            "/api/v1/young-people", json=payloads.young_person(reference=f"P{n}"), headers=officer
        ).json
        client.post(f"/api/v1/young-people/{person['id']}/applications",
                    json={"district": "crawley", "band": "A", "applied_on": "2026-06-01"}, headers=officer)  # fmt: skip

    page = client.get(
        "/api/v1/districts/crawley/applicants?page_size=1&page=2", headers=auth.headers(Role.DISTRICT_OFFICER)
    )

    assert (page.json["total"], len(page.json["items"])) == (3, 1)
    seen = db.scalar(select(func.count()).where(AuditEntry.detail == "Crawley council's applicants"))
    assert seen == 1


def test_a_district_officer_gets_the_month_a_home_is_needed_never_the_day(client, auth, officer, applicant):
    crawley = auth.headers(Role.DISTRICT_OFFICER)

    [council_row] = client.get("/api/v1/districts/crawley/applicants", headers=crawley).json["items"]
    [county_row] = client.get("/api/v1/districts/crawley/applicants", headers=officer).json["items"]

    assert "need_date" not in council_row
    assert council_row["need_month"] == county_row["need_date"][:7]
    assert county_row["need_month"] == council_row["need_month"]
    for suffix in (".csv", ".xlsx"):
        export = text_of(client.get(f"/api/v1/districts/crawley/applicants{suffix}", headers=crawley))
        assert "need_month" in export.splitlines()[0]
        assert county_row["need_date"] not in export


def test_need_month_before_filters_by_whole_months_only(client, auth, applicant):
    crawley = auth.headers(Role.DISTRICT_OFFICER)
    [row] = client.get("/api/v1/districts/crawley/applicants", headers=crawley).json["items"]
    year, month = map(int, row["need_month"].split("-"))
    following = f"{year + month // 12}-{month % 12 + 1:02d}"

    def total(query):
        return client.get(f"/api/v1/districts/crawley/applicants?{query}", headers=crawley)

    assert total(f"need_month_before={row['need_month']}").json["total"] == 0  # strictly before
    assert total(f"need_month_before={following}").json["total"] == 1
    for bad in ("need_month_before=2027-13", "need_month_before=2027-03-01"):
        response = total(bad)
        assert response.status_code == 422, bad
        assert set(response.json["errors"]["query"]) == {bad.split("=")[0]}
