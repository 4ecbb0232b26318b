"""Every list page, one request each for the role that reads it, at --scale 10 beside scale 1 (issue 34).

The seeded county is written at scale 1 and at scale 10 (SQLite; PostgreSQL too when
`BENCH_DATABASE_URL` names one), a matching run is made so the runs, a run and the nominations have
something to show, and each page is asked for three times by a client signed in as its role: the
first request and the median are kept, with the statements it sent (`tests/web/test_queries_per_page.py`
holds their number steady as lists grow). PostgreSQL is analysed after seeding, as autovacuum would
on a store in use: without statistics its planner takes 6,000 rows for 3. The baseline is the same
page at scale 1 in the same run, and, for "Who is due", the order worked out the old way (every
row read and the rule run in Python, then sorted) beside the database's, on the same store.
"""

import os
import re
import secrets
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from flask import Flask
from flask.testing import FlaskClient
from flask_migrate import upgrade
from sqlalchemy import event, func, select, text

from api import create_app
from housing.clock import today
from housing.due import due_on, their_date, tier_of
from housing.models import User, YoungPerson
from housing.reads.due_columns import due_order
from housing.reads.young_people import has_due
from housing.services import accounts
from housing.vocabulary import DueTier, Role
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate

SCALES = (1.0, 10.0)
TARGET_MS = 300
REPEATS = 3
PASSWORD = secrets.token_urlsafe(16)  # the bench's own users, made afresh in its own databases
DISTRICT = "crawley"

# Each list page, asked for as the role that reads it; {run} is the run the bench makes.
PAGES = {
    Role.HOUSING_OFFICER: (
        "/", "/?due_tier=overdue", "/?due=pathway", "/?page=5", "/?q=jordan", "/my-young-people",
        "/runs", "/runs/{run}", "/nominations", "/options", "/options?places_left=yes", "/reviews",
        "/cohorts", "/api/v1/young-people?order=due&page_size=50", "/api/v1/young-people?page_size=50",
    ),
    Role.TEAM_MANAGER: ("/team", "/sign-offs", "/advisers/proposals"),
    Role.DISTRICT_OFFICER: ("/district", "/district/applicants", "/district/vacancies",
                            "/district/nominations/decided"),
    Role.HOUSE_PROJECT_COORDINATOR: ("/cohorts",),
    Role.ADMIN: ("/audit", "/users", "/councils", "/jobs", "/notifications", "/imports"),
}  # fmt: skip


def run(database: str) -> list[dict]:
    """The pages at each scale on `database` ("sqlite", or "postgresql" from BENCH_DATABASE_URL)."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        url = (
            os.environ["BENCH_DATABASE_URL"]
            if database == "postgresql"
            else f"sqlite:///{Path(folder) / 'p.db'}"
        )
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "SESSION_COOKIE_SECURE": False})
        with app.app_context():
            upgrade()
        for scale in SCALES:
            rows.append(_at_scale(app, scale, database))
        app.extensions["pathways"].engine.dispose()
    return rows


def _at_scale(app: Flask, scale: float, database: str) -> dict:
    store = app.extensions["pathways"]
    started = time.perf_counter()
    with store.writer_factory() as session:
        load_reference(session)
        write_scenario(session, generate(2026, scale, today()))
    if database == "postgresql":  # statistics, as autovacuum would gather them on a store in use
        with store.writer_factory() as session, session.begin():
            session.execute(text("ANALYZE"))
    seeded = time.perf_counter() - started
    clients = {role: _signed_in(app, role) for role in PAGES}
    bearers = {role: _bearer(app, role) for role in PAGES}
    officer = clients[Role.HOUSING_OFFICER]
    made = officer.post("/api/v1/matching/runs", json={}, headers=bearers[Role.HOUSING_OFFICER])
    assert made.status_code == 201, made.get_data(as_text=True)[:300]
    pages = {}
    with counted(app) as statements:
        for role, paths in PAGES.items():
            for path in paths:
                asked = path.format(run=made.json["id"])
                headers = bearers[role] if path.startswith("/api/") else {}
                pages[f"{role.value} {path}"] = _timed(clients[role], asked, headers, statements)
    with store.session_factory() as session:
        people = session.scalar(select(func.count()).select_from(YoungPerson)) or 0
        ordering = _orderings(session)
    return {
        "size": f"pages {database} x{scale:g}",
        "database": database,
        "scale": scale,
        "young_people": people,
        "seeded_s": round(seeded, 1),
        "pages": pages,
        "slowest_ms": max(page["median_ms"] for page in pages.values()),
        "who_is_due_order": ordering,
        "load_average": os.getloadavg()[0],
    }


def _timed(client: FlaskClient, path: str, headers: dict[str, str], statements: list[int]) -> dict:
    walls, cpus, sent = [], [], []
    for _ in range(REPEATS):
        before, wall, cpu = statements[0], time.perf_counter(), time.process_time()
        response = client.get(path, headers=headers)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        sent.append(statements[0] - before)
        assert response.status_code == 200, (path, response.status_code)
    median = statistics.median(walls)
    return {
        "first_ms": round(walls[0]),
        "median_ms": round(median),
        "median_cpu_ms": round(statistics.median(cpus)),
        "queries": sent[-1],
        "within_target": median <= TARGET_MS,
    }


def _orderings(session) -> dict:
    """ "Who is due"'s order on this store: by the database (one page of 50) beside the old way
    (every young person due read, the rule run in Python, sorted), best of three each."""
    day, tiers = today(), list(DueTier)

    def in_python() -> list[str]:
        rows = session.execute(
            select(
                YoungPerson.id,
                YoungPerson.reference,
                YoungPerson.date_of_birth,
                YoungPerson.move_date,
                YoungPerson.custody_release_date,
            ).where(has_due(day))
        )
        found = []
        for person_id, reference, born, move, release in rows:
            due = due_on(day, born, move, release)
            tier = tier_of(due, their_date(day, move, release), day)
            found.append((tiers.index(tier), due.on if due else date.max, reference, person_id))
        found.sort()
        return [item[3] for item in found[:50]]

    def in_sql() -> list[str]:
        return [s.young_person_id for s in due_order(session, [], day, page_size=50)]

    timings = {}
    for name, way in (("python", in_python), ("sql", in_sql)):
        best = min(_seconds(way) for _ in range(3))
        timings[f"{name}_ms"] = round(best * 1000, 1)
    assert in_python() == in_sql(), "the database and the rule put people in the same order"
    timings["same_order"] = True
    return timings


def _seconds(way) -> float:
    started = time.perf_counter()
    way()
    return time.perf_counter() - started


@contextmanager
def counted(app: Flask) -> Iterator[list[int]]:
    """The number of statements sent on the app's engine while inside, in a one-item list."""
    engine, count = app.extensions["pathways"].engine, [0]

    def one(*_args) -> None:
        count[0] += 1

    event.listen(engine, "before_cursor_execute", one)
    try:
        yield count
    finally:
        event.remove(engine, "before_cursor_execute", one)


def _email(role: Role) -> str:
    return f"{role.value}@pages.bench.example"


def _bearer(app: Flask, role: Role) -> dict[str, str]:
    with app.extensions["pathways"].writer_factory() as session:
        return {"Authorization": f"Bearer {accounts.issue_token(session, _email(role))}"}


def _signed_in(app: Flask, role: Role) -> FlaskClient:
    """A client signed in to the pages as `role` (the user made the first time)."""
    with app.extensions["pathways"].writer_factory() as session:
        if session.scalar(select(User.id).where(User.email == _email(role))) is None:
            accounts.create_user(
                session, _email(role), role, DISTRICT if role is Role.DISTRICT_OFFICER else None
            )
        accounts.set_password(session, _email(role), PASSWORD)
    client = app.test_client()
    form = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', form).group(1)
    signed = client.post("/sign-in", data={"email": _email(role), "password": PASSWORD, "csrf_token": token})
    assert signed.status_code == 302, signed.status_code
    return client
