"""An admin's pages: the audit trail filtered and downloaded, and users created and changed, each change audited."""

import re

from sqlalchemy import select

from housing.clock import LOCAL, today
from housing.models import AuditEntry, User
from housing.vocabulary import Role
from tests import payloads
from tests.web.conftest import csrf


def test_the_audit_trail_is_newest_first_filtered_by_reference_or_name_with_names_not_ids(
    client, officer, person_signing_in
):
    first = client.post(
        "/api/v1/young-people", json=payloads.young_person(reference="AU-1"), headers=officer
    ).json
    client.post("/api/v1/young-people", headers=officer,
                json=payloads.young_person(reference="AU-2", given_name="Other", family_name="Person"))  # fmt: skip
    client.get(f"/api/v1/young-people/{first['id']}", headers=officer)
    person_signing_in(client, Role.ADMIN)

    by_reference = client.get("/audit?young_person=au-1").get_data(as_text=True)
    by_name = client.get("/audit?young_person=other+pers").get_data(as_text=True)
    by_action = client.get("/audit?action=view&user=housing_officer").get_data(as_text=True)
    bad_date = client.get("/audit?since=yesterday")

    assert "2 entries, newest first" in by_reference
    table = by_reference[by_reference.index('id="audit"') :]
    assert table.index(">view<") < table.index(">create<")  # the view came later
    assert "AU-1: Testy Exampleton" in by_reference
    assert first["id"] not in by_reference
    assert "AU-2: Other Person" in by_name
    assert "AU-1" not in by_name
    assert "1 entry, newest first" in by_action
    assert bad_date.status_code == 400
    assert 'href="#since"' in bad_date.get_data(as_text=True)


def test_the_audit_download_holds_what_the_filter_shows(client, officer, person_signing_in):
    client.post("/api/v1/young-people", json=payloads.young_person(reference="AU-1"), headers=officer)
    client.post("/api/v1/young-people", json=payloads.young_person(reference="=AU-2"), headers=officer)
    person_signing_in(client, Role.ADMIN)

    one = client.get("/audit.csv?young_person=AU-1").get_data(as_text=True).splitlines()
    every = client.get("/audit.csv?action=create").get_data(as_text=True)

    assert one[0] == "at,user,role,action,reference,name,detail,shown"
    assert len(one) == 2
    assert ",AU-1,Testy Exampleton," in one[1]
    assert "'=AU-2" in every  # made inert for a spreadsheet


def test_an_admin_creates_users_resets_a_password_issues_and_revokes_tokens_and_each_is_audited(
    client, person_signing_in, db, app
):
    person_signing_in(client, Role.ADMIN)
    token = csrf(client, "/users")

    missing = client.post("/users", data={"csrf_token": token, "email": "new@council.example",
                                          "role": "district_officer"})  # fmt: skip
    assert missing.status_code == 400
    assert 'href="#district"' in missing.get_data(as_text=True)
    assert 'value="new@council.example"' in missing.get_data(as_text=True)

    made = client.post("/users", data={"csrf_token": token, "email": "new@council.example", "role": "district_officer",
                                       "district": "arun", "password": "a good long password"})  # fmt: skip
    shown = re.search(r'<code id="new-token">([^<]+)</code>', made.get_data(as_text=True))[1]
    assert made.status_code == 200
    assert app.test_client().get("/api/v1/districts/arun/applicants",
                                 headers={"Authorization": f"Bearer {shown}"}).status_code == 200  # fmt: skip
    user = db.scalars(select(User).where(User.email == "new@council.example")).one()
    assert (user.role, user.district) == ("district_officer", "arun")

    client.post(f"/users/{user.id}/password", data={"csrf_token": token, "password": "another long password"})
    client.post(f"/users/{user.id}/revoke", data={"csrf_token": token})
    assert app.test_client().get("/api/v1/districts/arun/applicants",
                                 headers={"Authorization": f"Bearer {shown}"}).status_code == 401  # fmt: skip
    short = client.post(f"/users/{user.id}/password", data={"csrf_token": token, "password": "short"})
    assert short.status_code == 400

    db.rollback()
    actions = [
        e.action
        for e in db.scalars(select(AuditEntry).where(AuditEntry.role == "admin").order_by(AuditEntry.id))
    ]
    assert actions == ["user created", "password set", "password set", "token revoked"]
    page = client.get("/users").get_data(as_text=True)
    assert "Never" in page  # the new user has not signed in
    assert re.search(r"admin\.county@test\.example</td>\s*<td[^>]*>Admin</td>\s*<td[^>]*>\d+ \w+ \d{4}", page)


def test_only_admins_reach_the_users_and_audit_pages(client, person_signing_in):
    person_signing_in(client, Role.HOUSING_OFFICER)
    assert client.get("/users").status_code == 403
    assert client.get("/audit.csv").status_code == 403


def test_reading_the_audit_trail_is_itself_audited_naming_the_filters_not_what_was_typed(
    client, admin, person_signing_in, db
):
    client.get("/api/v1/audit", headers=admin)
    person_signing_in(client, Role.ADMIN)
    client.get("/audit?young_person=Testy+Exampleton&action=view")
    client.get("/audit.csv")

    db.rollback()
    reads = db.scalars(
        select(AuditEntry).where(AuditEntry.action == "audit read").order_by(AuditEntry.id)
    ).all()
    assert [(e.user_email, e.detail) for e in reads] == [
        ("admin.county@test.example", "read the audit trail"),
        ("admin.county@test.example", "read the audit trail, filtered by young_person, action"),
        ("admin.county@test.example", "read the audit trail"),
    ]
    assert all("Testy" not in e.detail for e in reads)


def test_one_view_of_a_list_is_one_entry_listing_who_was_shown_found_by_any_of_them_in_uk_time(
    client, officer, person_signing_in, db
):
    """Issue 30: not a row per young person on the list, and times as the admin's clock shows them."""
    client.post("/api/v1/young-people", json=payloads.young_person(reference="AU-1"), headers=officer)
    client.post("/api/v1/young-people", headers=officer,
                json=payloads.young_person(reference="AU-2", given_name="Other", family_name="Person"))  # fmt: skip
    client.get("/api/v1/young-people", headers=officer)
    person_signing_in(client, Role.ADMIN)

    page = client.get("/audit?young_person=other+person&action=view").get_data(as_text=True)
    download = client.get("/audit.csv?young_person=AU-1&action=view").get_data(as_text=True)

    assert "1 entry, newest first" in page
    assert "viewed in a list (2 young people shown)" in page
    assert "Who was shown" in page
    assert (
        "Testy Exampleton (AU-1); Other Person (AU-2)" in page
        or "Other Person (AU-2); Testy Exampleton (AU-1)" in page
    )
    assert "When (UK time)" in page
    [entry] = db.scalars(select(AuditEntry).where(AuditEntry.action == "view"))
    shown_at = entry.at.astimezone(LOCAL).strftime("%-d %b %Y %H:%M:%S")
    assert shown_at in page
    assert "AU-1" in download.splitlines()[1]
    assert "AU-2" in download.splitlines()[1]


def test_the_audit_filter_takes_dates_typed_the_english_way(client, officer, person_signing_in):
    client.post("/api/v1/young-people", json=payloads.young_person(reference="AU-1"), headers=officer)
    person_signing_in(client, Role.ADMIN)
    day = today()

    found = client.get(f"/audit?action=create&since={day.day}/{day.month}/{day.year}")
    refused = client.get("/audit?until=31/02/2026")

    assert found.status_code == 200
    assert "1 entry, newest first" in found.get_data(as_text=True)
    assert refused.status_code == 400
    assert "Enter a real date as day/month/year, like 29/11/2026" in refused.get_data(as_text=True)
