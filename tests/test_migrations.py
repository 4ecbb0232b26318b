"""Migrations: from nothing to head on every backend, matching the models, and back down."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from flask_migrate import check, downgrade, upgrade
from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from api import MIGRATIONS
from housing.db import Base
from housing.models import User
from housing.services import accounts
from housing.vocabulary import Role
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate
from tests.conftest import BACKENDS, PG_URL, make_app, trust_figures

# Beside the suite's database, one per pytest-xdist worker (PG_URL names the worker's own).
SCRATCH_DATABASE = f"{make_url(PG_URL).database}_migrations" if PG_URL else None


@pytest.fixture(params=BACKENDS)
def empty_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A database of its own, so going down and up disturbs no other test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'migrations.db'}"
        return
    admin = create_engine(make_url(PG_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{SCRATCH_DATABASE}"'))
        connection.execute(text(f'CREATE DATABASE "{SCRATCH_DATABASE}"'))
    yield make_url(PG_URL).set(database=SCRATCH_DATABASE).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{SCRATCH_DATABASE}" WITH (FORCE)'))
    admin.dispose()


def tables(app) -> set[str]:
    return set(inspect(app.extensions["pathways"].engine).get_table_names()) - {"alembic_version"}


def test_migrations_build_the_models_schema_and_go_down_and_up_again(empty_database):
    app = make_app(empty_database)
    with app.app_context():
        upgrade()
        assert tables(app) == set(Base.metadata.tables)
        check()  # exits non-zero if the models and the migrations differ

        downgrade(revision="base")
        assert tables(app) == set()

        upgrade()
        assert tables(app) == set(Base.metadata.tables)
    app.extensions["pathways"].engine.dispose()


def test_upgrading_a_database_holding_the_seeded_county_keeps_every_row(empty_database):
    app = make_app(empty_database)
    store = app.extensions["pathways"]

    def counts() -> dict[str, int]:
        with store.session_factory() as session:
            return {
                t.name: session.scalar(select(func.count()).select_from(t))
                for t in Base.metadata.sorted_tables
            }

    with app.app_context():
        upgrade()
        with store.writer_factory() as session:
            load_reference(session)
            write_scenario(session, generate(2026, 1.0, date(2026, 11, 23)))
            accounts.create_user(session, "keep@x.example", Role.ADMIN, None)
            # A nomination names its placement: rebuilding `placements` must not cascade to it.
            session.execute(text(
                "INSERT INTO nominations (id, young_person_id, option_id, district, placement_id, status, created_at)"
                " SELECT p.id, p.young_person_id, p.option_id, o.district, p.id, 'accepted', CURRENT_TIMESTAMP"
                " FROM placements p JOIN options o ON o.id = p.option_id WHERE o.route = 'register_vacancy'"
            ))  # fmt: skip
            session.commit()
        before = counts()
        with store.session_factory() as session:  # the one route an older schema cannot hold
            private_rented = session.scalar(
                text("SELECT COUNT(*) FROM options WHERE route = 'private_rented'")
            )
        downgrade(revision="0007")  # below placements: the newest revision that rebuilds seeded tables
        upgrade()
        after = counts()
    store.engine.dispose()

    assert before["young_people"] > 500
    assert before["cohort_members"] > 100
    assert before["nominations"] > 10
    assert private_rented > 0
    # One tenant each; and who works the case (0011) is dropped below its revision.
    lost = {"options": private_rented, "placements": private_rented,
            **{table: before[table] for table in ("advisers", "allocations", "siblings", "pathway_reviews",
                                                 "providers")}}  # fmt: skip
    assert after == {table: n - lost.get(table, 0) for table, n in before.items()}
    trust_figures("migrations", empty_database, revisions=len(list((MIGRATIONS / "versions").glob("0*.py"))),
                  seeded_rows_kept=sum(after.values()), models_differ_from_migrations=False, down_and_up=True)  # fmt: skip


def test_the_commissioner_role_comes_with_its_revision_and_leaves_with_it(empty_database):
    app = make_app(empty_database)
    store = app.extensions["pathways"]
    with app.app_context():
        upgrade()
        with store.writer_factory() as session:
            accounts.create_user(session, "plans@x.example", Role.COMMISSIONER, None)
            accounts.create_user(session, "keep@x.example", Role.ADMIN, None)
        downgrade(revision="0006")
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT email FROM users")).scalars().all() == ["keep@x.example"]
            with pytest.raises(IntegrityError):
                connection.execute(
                    text("INSERT INTO users (id, email, role) VALUES ('x', 'y', 'commissioner')")
                )
        upgrade()
        with store.writer_factory() as session:
            accounts.create_user(session, "plans@x.example", Role.COMMISSIONER, None)
    store.engine.dispose()


def test_tokens_issued_before_0011_expire_90_days_after_the_upgrade(
    empty_database,
):
    app = make_app(empty_database)
    store = app.extensions["pathways"]
    with app.app_context():
        upgrade(revision="0010")
        with store.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO users (id, email, role, token_hash, token_issued_at, failed_sign_ins)"
                " VALUES ('u1', 'old@x.example', 'admin', 'abc', '2025-01-01 00:00:00+00:00', 0)"
            ))  # fmt: skip
        upgrade()
        with store.session_factory() as session:
            user = session.scalars(select(User).where(User.email == "old@x.example")).one()
        assert user.token_expires_at - datetime.now(UTC) > timedelta(days=89)
        assert user.token_expires_at - datetime.now(UTC) <= timedelta(days=90)
    store.engine.dispose()


def test_the_team_manager_role_comes_with_its_revision_and_leaves_with_it(empty_database):
    app = make_app(empty_database)
    store = app.extensions["pathways"]
    with app.app_context():
        upgrade()
        with store.writer_factory() as session:
            accounts.create_user(session, "manages@x.example", Role.TEAM_MANAGER, None)
            accounts.create_user(session, "keep@x.example", Role.ADMIN, None)
        downgrade(revision="0010")
        with store.engine.connect() as connection:
            assert connection.execute(text("SELECT email FROM users")).scalars().all() == ["keep@x.example"]
            with pytest.raises(IntegrityError):
                connection.execute(
                    text("INSERT INTO users (id, email, role) VALUES ('x', 'y', 'team_manager')")
                )
        upgrade()
        with store.writer_factory() as session:
            accounts.create_user(session, "manages@x.example", Role.TEAM_MANAGER, None)
    store.engine.dispose()
