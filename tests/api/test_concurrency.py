"""Never one place twice: officers accepting at the same moment, on real connections.

Each trial sets up a contest and fires its accepts together from threads, each with its own
client and database connection. On PostgreSQL: 200 trials of 8; on SQLite a smaller version.
"""

import threading
from datetime import date

from sqlalchemy import text

from housing.actors import Actor
from housing.invariants import broken
from housing.services import cohorts
from housing.vocabulary import Role
from tests.builders import a_young_person, contest, race


def test_of_concurrent_accepts_for_the_last_place_exactly_one_wins(app, auth):
    postgres = app.config["DATABASE_URL"].startswith("postgresql")
    trials, contenders = (200, 8) if postgres else (10, 4)
    headers = auth.headers(Role.HOUSING_OFFICER)

    outcomes = [
        race(app, headers, contest(app, trial, contenders, same_place=trial % 2 == 0))
        for trial in range(trials)
    ]

    assert all(outcome == [200] + [409] * (contenders - 1) for outcome in outcomes), outcomes
    with app.extensions["pathways"].session_factory() as session:
        assert broken(session) == {}
        agreed = session.execute(
            text("SELECT COUNT(*) FROM young_people WHERE pathway_status = 'agreed'")
        ).scalar()
    assert agreed == trials


def full_but_one(app, trial: int) -> tuple[str, list[str]]:
    """A cohort of 15 with 14 members, and two more young people hoping for its last place."""
    officer = Actor(user_id="setup", email="setup@test.example", role=Role.ADMIN)
    factory = app.extensions["pathways"].writer_factory
    with factory() as session:
        cohort = cohorts.create(session, officer, {"name": f"Race {trial}", "starts_on": date(2026, 11, 1),
                                                   "capacity": 15, "districts": []})  # fmt: skip
        people = [a_young_person(f"C{trial}-{n}") for n in range(16)]
        with session.begin():
            session.add_all(people)
        ids = [p.id for p in people]
    for person_id in ids[:14]:
        with factory() as session:
            cohorts.enrol(session, officer, cohort.id, person_id, date(2026, 11, 23))
    return cohort.id, ids[14:]


def test_two_coordinators_enrolling_the_15th_and_16th_at_once_exactly_one_succeeds(app, auth):
    postgres = app.config["DATABASE_URL"].startswith("postgresql")
    headers = auth.headers(Role.HOUSE_PROJECT_COORDINATOR)
    for trial in range(10 if postgres else 3):
        cohort_id, hopefuls = full_but_one(app, trial)
        start = threading.Barrier(2)
        statuses: list[int] = []

        def enrol(
            person_id: str,
            cohort_id: str = cohort_id,
            start: threading.Barrier = start,
            statuses: list = statuses,
        ) -> None:
            client = app.test_client()
            start.wait()
            url = f"/api/v1/cohorts/{cohort_id}/members"
            statuses.append(client.post(url, json={"young_person": person_id}, headers=headers).status_code)

        threads = [threading.Thread(target=enrol, args=(person_id,)) for person_id in hopefuls]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(statuses) == [201, 409]
    with app.extensions["pathways"].session_factory() as session:
        assert "a cohort with more members than places" not in broken(session)


def test_an_accept_and_a_reject_of_one_proposal_at_once_cannot_both_succeed(app, auth):
    postgres = app.config["DATABASE_URL"].startswith("postgresql")
    headers = auth.headers(Role.HOUSING_OFFICER)
    for trial in range(20 if postgres else 3):
        [proposal] = contest(app, 1000 + trial, 1, same_place=True)
        start = threading.Barrier(2)
        outcome: dict[str, int] = {}

        def decide(
            verb: str, proposal: str = proposal, start: threading.Barrier = start, outcome: dict = outcome
        ) -> None:
            client = app.test_client()
            start.wait()
            body = {"reason": "Too far"} if verb == "reject" else None
            outcome[verb] = client.post(
                f"/api/v1/proposals/{proposal}/{verb}", json=body, headers=headers
            ).status_code

        threads = [threading.Thread(target=decide, args=(verb,)) for verb in ("accept", "reject")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcome.values()) == [200, 409], outcome
    with app.extensions["pathways"].session_factory() as session:
        both = session.execute(text(
            "SELECT p.id FROM placements p JOIN rejections r "
            "ON r.young_person_id = p.young_person_id AND r.option_id = p.option_id WHERE p.status = 'active'"
        )).all()  # fmt: skip
    assert both == []
