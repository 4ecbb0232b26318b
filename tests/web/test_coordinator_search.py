"""Issue 30, the coordinator no longer works blind: the young people who could join searched and
filtered, their needs on a page of their own (minimised, audited), homes in West Sussex only."""

from sqlalchemy import select

from housing.models import AuditEntry, CohortMember
from housing.vocabulary import Role
from tests.builders import add_young_person
from tests.web.conftest import csrf


def _cohort(client, auth) -> str:
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    body = {"name": "C1", "starts_on": "2026-11-01", "districts": ["worthing"]}
    return client.post("/api/v1/cohorts", json=body, headers=coordinator).json["id"]


def test_the_young_people_who_could_join_are_searched_by_name_reference_and_filters(
    client, officer, auth, person_signing_in
):
    cohort = _cohort(client, auth)
    add_young_person(client, officer, "FIND-1", given_name="Alexa")
    add_young_person(client, officer, "FIND-2", given_name="Bertie", support_level="high")
    add_young_person(client, officer, "OTHER-3", given_name="Cyril", home_district="crawley")
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    everyone = client.get(f"/cohorts/{cohort}").get_data(as_text=True)
    assert all(name in everyone for name in ("Alexa", "Bertie", "Cyril"))
    by_name = client.get(f"/cohorts/{cohort}?q=bertie").get_data(as_text=True)
    assert "Bertie" in by_name
    assert "Alexa" not in by_name
    assert "1 found." in by_name
    by_reference = client.get(f"/cohorts/{cohort}?q=find").get_data(as_text=True)
    assert "Alexa" in by_reference
    assert "Bertie" in by_reference
    assert "Cyril" not in by_reference
    assert 'value="find"' in by_reference  # the search is kept
    by_district = client.get(f"/cohorts/{cohort}?district=crawley").get_data(as_text=True)
    assert "Cyril" in by_district
    assert "Alexa" not in by_district
    by_support = client.get(f"/cohorts/{cohort}?support=high").get_data(as_text=True)
    assert "Bertie" in by_support
    assert "Alexa" not in by_support
    nobody = client.get(f"/cohorts/{cohort}?q=zzz").get_data(as_text=True)
    assert "No one who may join matches this search." in nobody


def test_a_coordinator_sees_the_needs_of_someone_who_could_join_and_nothing_more(
    client, officer, auth, person_signing_in, db
):
    cohort = _cohort(client, auth)
    person = add_young_person(client, officer, "NEED-1", needs={"wheelchair": True, "children": 1, "uasc": True,
                              "immigration": "leave_granted", "leave_granted_on": "2026-01-05",
                              "custody_release_date": "2027-01-05"})  # fmt: skip
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    shown = client.get(f"/cohorts/{cohort}/young-people/{person}")
    page = shown.get_data(as_text=True)
    assert shown.status_code == 200
    for expected in ("Wheelchair accessible home", "Bedrooms needed", "College in Worthing (Worthing), matters most",
                     "Family in Lancing (Adur)", "Medium"):  # fmt: skip
        assert expected in page
    for withheld in (
        "Leave",
        "leave to remain",
        "Stay near my college",
        "custody",
        "5 January",
        "level 3 course",
    ):
        assert withheld not in page
    viewed = db.scalars(select(AuditEntry).where(AuditEntry.young_person_id == person)).all()
    assert any(entry.action == "view" and "House Project" in entry.detail for entry in viewed)

    assert client.get(f"/cohorts/{cohort}/young-people/nobody").status_code == 404


def test_a_house_project_home_is_in_west_sussex(client, officer, auth, person_signing_in):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = _cohort(client, auth)
    person = add_young_person(client, officer, "HOME-1")
    client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": person}, headers=coordinator)
    for stage in ("preparing", "tenancy_ready"):
        client.patch(f"/api/v1/cohorts/{cohort}/members/{person}", json={"stage": stage}, headers=coordinator)
    london = client.patch(f"/api/v1/cohorts/{cohort}/members/{person}", headers=coordinator,
                          json={"stage": "property_offered", "property": {"place": "London"}})  # fmt: skip
    assert london.status_code == 422
    assert "West Sussex" in str(london.json["errors"])

    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    form = client.get(f"/cohorts/{cohort}/members/{person}/stage?stage=property_offered").get_data(
        as_text=True
    )
    assert '<option value="Horsham"' in form
    assert "London" not in form


def test_a_home_offered_is_described_not_only_by_its_town(client, officer, auth, person_signing_in, db):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = _cohort(client, auth)
    person = add_young_person(client, officer, "HOME-2")
    client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": person}, headers=coordinator)
    for stage in ("preparing", "tenancy_ready"):
        client.patch(f"/api/v1/cohorts/{cohort}/members/{person}", json={"stage": stage}, headers=coordinator)
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    url = f"/cohorts/{cohort}/members/{person}/stage"
    token = csrf(client, f"{url}?stage=property_offered")
    form = {"csrf_token": token, "stage": "property_offered", "place": "Horsham",
            "description": "2-bedroom flat, 14 Acacia Road, Saxon Weald"}  # fmt: skip

    done = client.post(url, data=form)

    assert done.status_code == 302
    board = client.get(done.headers["Location"]).get_data(as_text=True)
    assert "2-bedroom flat, 14 Acacia Road, Saxon Weald, in Horsham" in board
    member = db.scalars(select(CohortMember).where(CohortMember.young_person_id == person)).one()
    assert (member.property_place, member.property_description) == (
        "Horsham",
        "2-bedroom flat, 14 Acacia Road, Saxon Weald",
    )
    shown = client.get(f"/api/v1/cohorts/{cohort}", headers=coordinator).json["members"][0]["property"]
    assert shown["description"] == "2-bedroom flat, 14 Acacia Road, Saxon Weald"
