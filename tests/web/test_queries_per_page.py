"""No page asks the database once per row: each list's number of queries stays the same as it grows.

A page that loads each young person's links, preferences or placements in its own query (N+1)
is quick with two rows and slow with six hundred; counting the statements a page sends with 2
and then with 8 young people finds it while the suite is still small (issue 34).
"""

import pytest
from sqlalchemy import event

from housing.vocabulary import Role
from tests.builders import add_young_person, matching_run, supported_place

OFFICER_PAGES = (
    "/",
    "/my-young-people",
    "/runs",
    "/nominations",
    "/options",
    "/options?places_left=yes",
    "/reviews",
    "/outcomes",
)


class Statements:
    """Counts the statements sent on the app's engine while it is switched on."""

    def __init__(self, engine) -> None:
        self.count = 0
        event.listen(engine, "before_cursor_execute", self._one)
        self.engine = engine

    def _one(self, *_args) -> None:
        self.count += 1

    def sent_by(self, client, path: str) -> int:
        before = self.count
        page = client.get(path)
        assert page.status_code == 200, path
        return self.count - before

    def close(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._one)


@pytest.fixture
def statements(app):
    counter = Statements(app.extensions["pathways"].engine)
    yield counter
    counter.close()


def young_people(client, officer, first: int, count: int) -> None:
    for n in range(first, first + count):
        add_young_person(client, officer, f"QP-{n:03d}")
        supported_place(client, officer, place="Worthing", name=f"Room {n}")


def test_each_officer_page_sends_as_many_queries_for_eight_young_people_as_for_two(
    client, auth, person_signing_in, statements
):
    officer = auth.headers(Role.HOUSING_OFFICER)
    person_signing_in(client)
    young_people(client, officer, 0, 2)
    run = matching_run(client, officer)["id"]
    few = {path: statements.sent_by(client, path) for path in (*OFFICER_PAGES, f"/runs/{run}")}

    young_people(client, officer, 2, 6)
    run = matching_run(client, officer)["id"]
    many = {path: statements.sent_by(client, path) for path in (*OFFICER_PAGES, f"/runs/{run}")}

    assert list(many.values()) == list(few.values())


OTHER_PAGES = {
    Role.DISTRICT_OFFICER: ("/district", "/district/applicants", "/district/vacancies"),
    Role.TEAM_MANAGER: ("/team",),
    Role.ADMIN: ("/audit", "/users", "/councils", "/jobs", "/notifications"),
    Role.HOUSE_PROJECT_COORDINATOR: ("/cohorts",),
}


def crawley_applicants(client, officer, first: int, count: int) -> None:
    """Young people on Crawley's register, each with a proposal made and seen in the audit trail."""
    for n in range(first, first + count):
        person = add_young_person(client, officer, f"QA-{n:03d}", home_district="crawley")
        applied = {"district": "crawley", "band": "B", "applied_on": "2026-06-01"}
        assert (
            client.post(
                f"/api/v1/young-people/{person}/applications", json=applied, headers=officer
            ).status_code
            == 201
        )
        client.get(f"/api/v1/young-people/{person}", headers=officer)


@pytest.mark.parametrize("role", list(OTHER_PAGES), ids=lambda role: role.value)
def test_each_list_of_the_other_roles_sends_as_many_queries_for_eight_rows_as_for_two(
    client, auth, person_signing_in, statements, role
):
    officer = auth.headers(Role.HOUSING_OFFICER)
    person_signing_in(client, role)
    crawley_applicants(client, officer, 0, 2)
    few = [statements.sent_by(client, path) for path in OTHER_PAGES[role]]

    crawley_applicants(client, officer, 2, 6)
    many = [statements.sent_by(client, path) for path in OTHER_PAGES[role]]

    assert many == few
