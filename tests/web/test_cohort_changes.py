"""Issue 30: a cohort needs districts, can be changed after it started, and closed to new members."""

from sqlalchemy import select

from housing.models import AuditEntry, Cohort
from housing.vocabulary import Role
from tests.builders import add_young_person
from tests.web.conftest import csrf


def test_a_cohort_with_no_districts_is_refused_on_the_page_and_by_the_api(
    client, auth, person_signing_in, db
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    refused = client.post("/api/v1/cohorts", headers=coordinator,
                          json={"name": "C0", "starts_on": "2027-03-01", "districts": []})  # fmt: skip
    assert refused.status_code == 422
    assert "at least one district" in str(refused.json["errors"])
    everywhere = client.post(
        "/api/v1/cohorts", json={"name": "C1", "starts_on": "2027-03-01"}, headers=coordinator
    )
    assert len(everywhere.json["districts"]) == 7  # left out: the whole county

    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    page = client.post("/cohorts/new", data={"csrf_token": csrf(client, "/cohorts/new"), "name": "C2", "day": "1",
                                             "month": "3", "year": "2027", "capacity": "15"})  # fmt: skip
    assert page.status_code == 400
    assert 'href="#districts"' in page.get_data(as_text=True)
    assert db.scalar(select(Cohort).where(Cohort.name == "C2")) is None


def test_a_cohort_is_changed_with_every_problem_at_once_and_the_change_audited(
    client, officer, auth, person_signing_in, db
):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post("/api/v1/cohorts", json={"name": "C1", "starts_on": "2026-11-01", "capacity": 3},
                         headers=coordinator).json["id"]  # fmt: skip
    for n in (1, 2):
        person = add_young_person(client, officer, f"CH-{n}")
        client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": person}, headers=coordinator)
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)
    url = f"/cohorts/{cohort}/change"
    assert 'value="C1"' in client.get(url).get_data(as_text=True)

    token = csrf(client, url)
    wrong = client.post(url, data={"csrf_token": token, "name": "", "capacity": "1"})
    page = wrong.get_data(as_text=True)
    assert wrong.status_code == 400
    for field in ("#name", "#capacity", "#districts"):
        assert f'href="{field}"' in page
    too_few = client.post(
        url, data={"csrf_token": token, "name": "C1", "capacity": "1", "districts": ["adur"]}
    )
    assert "2 young people are in it: it needs at least 2 places" in too_few.get_data(as_text=True)

    done = client.post(url, data={"csrf_token": token, "name": "Spring 2027", "capacity": "12",
                                  "districts": ["adur", "worthing"]})  # fmt: skip
    assert done.status_code == 302
    assert "Spring 2027 changed." in client.get(done.headers["Location"]).get_data(as_text=True)
    changed = db.get(Cohort, cohort)
    assert (changed.name, changed.capacity, changed.option.capacity, changed.districts) == (
        "Spring 2027", 12, 12, ["adur", "worthing"])  # fmt: skip
    entry = db.scalars(select(AuditEntry).where(AuditEntry.detail.like("cohort Spring 2027:%"))).one()
    assert "name from C1 to Spring 2027" in entry.detail
    assert "places from 3 to 12" in entry.detail


def test_a_closed_cohort_takes_no_one_and_its_members_carry_on(client, officer, auth, person_signing_in, db):
    coordinator = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    cohort = client.post(
        "/api/v1/cohorts", json={"name": "C1", "starts_on": "2026-11-01"}, headers=coordinator
    )
    cohort = cohort.json["id"]
    member = add_young_person(client, officer, "IN-1")
    client.post(f"/api/v1/cohorts/{cohort}/members", json={"young_person": member}, headers=coordinator)
    late = add_young_person(client, officer, "LATE-1")
    person_signing_in(client, Role.HOUSE_PROJECT_COORDINATOR)

    check = client.get(f"/cohorts/{cohort}/close").get_data(as_text=True)
    assert "No one else can be enrolled" in check
    closed = client.post(f"/cohorts/{cohort}/close", data={"csrf_token": csrf(client, f"/cohorts/{cohort}")})
    board = client.get(closed.headers["Location"]).get_data(as_text=True)
    assert "is closed to new members" in board
    assert "Enrol young people" not in board
    assert db.get(Cohort, cohort).closed_on is not None

    refused = client.post(
        f"/api/v1/cohorts/{cohort}/members", json={"young_person": late}, headers=coordinator
    )
    assert refused.status_code == 409
    moved = client.patch(f"/api/v1/cohorts/{cohort}/members/{member}", json={"stage": "preparing"},
                         headers=coordinator)  # fmt: skip
    assert moved.status_code == 200
    again = client.post(f"/cohorts/{cohort}/close", data={"csrf_token": csrf(client, f"/cohorts/{cohort}")})
    assert again.status_code == 409
