"""Fixtures: one app per test over a migrated database, on SQLite always and PostgreSQL when set.

A test runs on every backend unless what it checks cannot depend on the database: then it runs
once (`one_database`, below). That holds for a test marked `@pytest.mark.one_database` (checks of
the OpenAPI document itself; generated requests, bounded here, which `make fuzz` sends at length
over PostgreSQL), and for every browser journey (a test using `live_server`: pages drive the same
API the API tests run on both backends). Pure tests (the matcher's) take no database at all.

`make test` runs the suite on every core (pytest-xdist): each worker has a SQLite file of its own
(its own temporary folder) and a PostgreSQL database of its own, `<TEST_DATABASE_URL's>_gw0` and
so on, created on the same server. The personal-data scan runs in every worker over what that
worker logged; the counts `make trust` records are added up by the controller (sequential there).
"""

import json
import logging
import os
from collections.abc import Callable, Iterator
from dataclasses import replace

import pytest
from flask import Flask, request, request_finished
from flask.testing import FlaskClient
from flask_migrate import upgrade
from hypothesis import settings
from marshmallow import Schema
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url

from api import create_app
from figures.trust import record_part
from housing.db import Base
from housing.reads import matching_input
from housing.services import accounts
from housing.vocabulary import Role
from httpkit import dumping
from seeds.load import load_reference
from tests.builders import a_young_person
from tests.clean_up import broken_then_cleared

WORKER = os.environ.get("PYTEST_XDIST_WORKER")  # gw0, gw1…, or None when the suite runs in one process


def own_database(url: str | None) -> str | None:
    """This worker's PostgreSQL database: the one named, or `<name>_<worker>` under pytest-xdist.

    Its sessions' commits do not wait for the server's log to reach the disk (`synchronous_commit`
    off, for the suite's connections only): a test database need outlive no crash, and that wait,
    5–20 ms on this machine's virtual disk, came at every commit of more than a thousand tests.
    What a commit makes visible to other sessions, and when, is unchanged."""
    if url is None:
        return None
    named = make_url(url).update_query_dict({"options": "-c synchronous_commit=off"})
    if WORKER is not None:
        named = named.set(database=f"{named.database}_{WORKER}")
    return named.render_as_string(hide_password=False)


PG_URL = own_database(os.environ.get("TEST_DATABASE_URL"))
BACKENDS = ["sqlite", *(["postgresql"] if PG_URL else [])]


def make_app(url: str) -> Flask:
    # Plain http in tests, as in development: the session cookie cannot be Secure here.
    return create_app(
        {"DATABASE_URL": url, "TESTING": True, "SECRET_KEY": "test-only", "SESSION_COOKIE_SECURE": False}
    )


def create_postgres(url: str) -> None:
    """Create a worker's database on the server when it is missing (the named one must exist)."""
    if WORKER is None:
        return
    named = make_url(url)
    server = create_engine(named.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with server.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": named.database}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{named.database}"'))
    server.dispose()


def empty_postgres(url: str) -> None:
    """Drop every table in the test database, so each run migrates from nothing."""
    create_postgres(url)
    app = make_app(url)
    engine = app.extensions["pathways"].engine
    with engine.begin() as connection:
        for table in inspect(connection).get_table_names():
            connection.execute(text(f'DROP TABLE IF EXISTS "{table}" CASCADE'))
    engine.dispose()


def one_database(metafunc: pytest.Metafunc) -> str | None:
    """The one backend a test runs on, or None for every backend: PostgreSQL, when it is set, for
    a test marked `one_database("postgresql")` (the backend the service runs on in production);
    SQLite otherwise, and for every browser journey."""
    marker = metafunc.definition.get_closest_marker("one_database")
    if marker is None and "live_server" not in metafunc.fixturenames:
        return None
    wanted = marker.args[0] if marker and marker.args else "sqlite"
    return wanted if wanted in BACKENDS else "sqlite"


@pytest.hookimpl(tryfirst=True)  # before pytest parametrizes `database_url` with every backend
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    backend = one_database(metafunc)
    if backend is not None and "database_url" in metafunc.fixturenames:
        metafunc.definition.add_marker(
            pytest.mark.parametrize("database_url", [backend], indirect=True, scope="session")
        )


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database migrated to head with the reference data loaded, once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'pathways.db'}"
    else:
        url = PG_URL
        empty_postgres(url)
    app = make_app(url)
    with app.app_context():
        upgrade()
    with app.extensions["pathways"].session_factory() as session:
        load_reference(session)
    app.extensions["pathways"].engine.dispose()
    return url


SECURITY_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy")


# Personal values the suite's records carry (tests/payloads.py and the marker journeys): none may
# appear in a log line or in an error answer, in any test.
PERSONAL = (
    "WS-0001", "MARK-REF-7Q", "Exampleton", "Stay near my college.", "level 3 course", "Markerella",
    "Qzxvbnm", "MARKER-WISH-7Q", "MARKER-NOTE-7Q", "MARKER-REASON-7Q", "Marker-Qzx",
)  # fmt: skip


class SuiteLog(logging.Handler):
    """Every log record of the whole run, for the personal-data scan at its end."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.text: list[str] = []
        self.error_answers = self.responses = self.unguarded = 0
        self.in_error_answers: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.text.append(self.format(record))


@pytest.fixture(scope="session", autouse=True)
def suite_log(request: pytest.FixtureRequest) -> Iterator[SuiteLog]:
    handler, root = SuiteLog(), logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    yield handler
    root.removeHandler(handler)
    root.setLevel(level)
    logged = "\n".join(handler.text)
    found = [next(line for line in handler.text if value in line) for value in PERSONAL if value in logged]
    assert found + handler.in_error_answers == [], "personal data in the logs or in an error answer"
    counts = {
        "log_records": len(handler.text), "log_bytes": len(logged.encode()), "responses": handler.responses,
        "error_answers": handler.error_answers, "responses_without_security_headers": handler.unguarded,
    }  # fmt: skip
    if WORKER is not None:  # the controller adds every worker's counts up (pytest_testnodedown)
        request.config.workeroutput["suite_log"] = counts
    else:
        record_suite_figures(counts)


@pytest.fixture(scope="session", autouse=True)
def dumps_held_to_marshmallow() -> Iterator[None]:
    """Every response the suite receives is dumped by the compiled dump (httpkit/dumping.py) and by
    marshmallow's own, and the two must encode to the same JSON, or the request fails."""
    compiled = {id(schema): schema.dump for schema in dumping.COMPILED}

    def held(schema: Schema) -> Callable[[object], object]:
        fast = compiled[id(schema)]

        def dump(obj: object) -> object:
            ours, theirs = fast(obj), type(schema).dump(schema, obj)
            assert json.dumps(ours, sort_keys=True, default=repr) == json.dumps(
                theirs, sort_keys=True, default=repr
            ), f"{type(schema).__name__}: the compiled dump differs from marshmallow's"
            return ours

        return dump

    for schema in dumping.COMPILED:
        schema.dump = held(schema)  # type: ignore[method-assign]
    yield
    for schema in dumping.COMPILED:
        schema.dump = compiled[id(schema)]  # type: ignore[method-assign]


def record_suite_figures(counts: dict[str, int]) -> None:
    """The whole suite's personal-data scan, into bench/results/trust.json when `make trust` asks."""
    if os.environ.get("PATHWAYS_TRUST_RESULTS"):
        record_part(
            "personal_data", "suite", {**counts, "personal_values_looked_for": len(PERSONAL), "found": 0}
        )


WORKERS_COUNTS: list[dict[str, int]] = []


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    """On the controller under pytest-xdist: keep a finished worker's scan counts."""
    if "suite_log" in getattr(node, "workeroutput", {}):
        WORKERS_COUNTS.append(node.workeroutput["suite_log"])


def pytest_sessionfinish(session: pytest.Session) -> None:
    """On the controller under pytest-xdist: the scan's counts over every worker."""
    if WORKER is None and WORKERS_COUNTS:
        record_suite_figures(
            {key: sum(counts[key] for counts in WORKERS_COUNTS) for key in WORKERS_COUNTS[0]}
        )


@pytest.fixture(scope="session")
def shared_app(database_url: str) -> Iterator[Flask]:
    """One app per backend for the whole run: building one (its routes and OpenAPI document) costs
    more than most tests, so each test borrows it and `app` puts back what a test may change."""
    app = make_app(database_url)
    yield app
    app.extensions["pathways"].engine.dispose()


@pytest.fixture
def app(shared_app: Flask, suite_log: SuiteLog) -> Iterator[Flask]:
    app, config = shared_app, dict(shared_app.config)
    unguarded: list[str] = []

    def check_headers(_sender: Flask, response, **_: object) -> None:
        """Every response the suite sees carries the security headers, and no error answer a personal value."""
        suite_log.responses += 1
        if any(header not in response.headers for header in SECURITY_HEADERS):
            unguarded.append(str(response.status_code))
        # API error answers; a page answering 4xx re-shows its form to a user who may see the record.
        if (
            response.status_code >= 400
            and request.path.startswith("/api/")
            and not response.direct_passthrough
        ):
            suite_log.error_answers += 1
            body = response.get_data(as_text=True)
            suite_log.in_error_answers += [f"{request.path}: {body}" for value in PERSONAL if value in body]

    request_finished.connect(check_headers, app)
    yield app
    request_finished.disconnect(check_headers, app)
    suite_log.unguarded += len(unguarded)
    left_broken = broken_then_cleared(app.extensions["pathways"].engine)
    app.config.clear()
    app.config.update(config)
    queue = app.extensions["pathways_queue"]
    queue.flush()
    queue.immediate = False
    assert unguarded == [], "responses without security headers"
    assert left_broken == {}, "every test leaves the store within its invariants"


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def db(app: Flask) -> Iterator:
    """A session for reading rows back, as a test checks what the service wrote."""
    with app.extensions["pathways"].session_factory() as session:
        yield session


class Auth:
    """Signs users in: `auth.headers(Role.ADMIN)` creates the user once and returns its headers."""

    def __init__(self, app: Flask) -> None:
        self.app = app
        self.tokens: dict[tuple[Role, str | None], str] = {}

    def token(self, role: Role, district: str | None = None) -> str:
        if district is None and role is Role.DISTRICT_OFFICER:
            district = "crawley"
        key = (role, district)
        if key not in self.tokens:
            email = f"{role.value}.{district or 'county'}@test.example"
            # The writer: under SQLite a reading transaction that then writes fails at once if the
            # queue's consumer wrote in between.
            with self.app.extensions["pathways"].writer_factory() as session:
                record = None
                if role is Role.YOUNG_PERSON:  # their account is bound to a record of their own
                    record = "AUTH-YP-1"
                    with session.begin():
                        session.add(a_young_person(record))
                self.tokens[key] = accounts.create_user(session, email, role, district, young_person=record)
        return self.tokens[key]

    def headers(self, role: Role, district: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token(role, district)}"}


@pytest.fixture
def auth(app: Flask) -> Auth:
    return Auth(app)


@pytest.fixture
def officer(auth: Auth) -> dict[str, str]:
    return auth.headers(Role.HOUSING_OFFICER)


@pytest.fixture
def admin(auth: Auth) -> dict[str, str]:
    return auth.headers(Role.ADMIN)


@pytest.fixture
def simulated(app, tmp_path):
    """A small simulated year written where the page reads it."""
    out, charts = tmp_path / "outcomes.json", tmp_path / "charts"
    result = app.test_cli_runner().invoke(
        args=["simulate", "--seeds", "2", "--first-seed", "1", "--months", "2", "--scale", "0.15", "--workers", "1",
              "--as-of", "2027-01-01", "--out", str(out), "--charts", str(charts)]
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    app.config.update(OUTCOMES_RESULTS=str(out), OUTCOMES_CHARTS=str(charts))
    return out


def trust_figures(section: str, url: str, **figures: object) -> None:
    """Writes a test's figures to bench/results/trust.json, one part per backend, when `make trust` asks."""
    if os.environ.get("PATHWAYS_TRUST_RESULTS"):
        record_part(section, "postgresql" if url.startswith("postgresql") else "sqlite", figures)


@pytest.fixture
def row_counts(app: Flask):
    """Count every table's rows, so a test can prove a refused request wrote nothing."""

    def count() -> dict[str, int]:
        with app.extensions["pathways"].session_factory() as session:
            return {
                table.name: session.scalar(select(func.count()).select_from(table)) or 0
                for table in Base.metadata.sorted_tables
            }

    return count


settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("slow", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture
def tiers(monkeypatch):
    """Each young person's tier of what is due, as the test names it (by reference), whatever the
    service would compute: the matcher takes the tier it is given."""
    given: dict[str, str] = {}
    computed = matching_input.young_person

    def young_person(p, *args, **kwargs):
        made = computed(p, *args, **kwargs)
        return replace(made, due_tier=given.get(p.reference, made.due_tier))

    monkeypatch.setattr(matching_input, "young_person", young_person)
    return given
