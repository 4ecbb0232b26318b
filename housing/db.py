"""Engines, sessions and the one-transaction-per-use-case helper."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Engine, MetaData, create_engine, event, text
from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from housing.errors import NotFound

# Named constraints let Alembic alter them by name on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Create an engine; SQLite is made to keep foreign keys and to wait for its turn to write.

    Writing SQLite transactions (see `for_writing`) begin IMMEDIATE: one that read first and
    wrote later would otherwise fail at once when another wrote in between, where PostgreSQL
    waits for the row and re-checks it. Reading transactions stay deferred and block no one.
    """
    # Statement parameters are personal data: never in a log line nor in an exception's text.
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "isolation_level": None}, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            writing = connection.get_execution_options().get(WRITING, False)
            connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

        return engine
    return create_engine(url, pool_pre_ping=True, **kwargs)


WRITING = "pathways_writing"

# What a database that does not answer raises (restarting, unreachable): the faces say "try again".
UNAVAILABLE: tuple[type[Exception], ...] = (OperationalError, InterfaceError)


def answers(session: Session) -> bool:
    """Whether the database answers a trivial query now (the health check)."""
    try:
        session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        return False
    return True


def for_writing(engine: Engine) -> Engine:
    """The same engine, marked so that SQLite takes the write lock when a transaction begins."""
    return engine.execution_options(**{WRITING: True})


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    # Objects stay readable after commit so a view can present what a use case returned.
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(session: Session) -> Iterator[Session]:
    """Commit everything a use case did, or nothing: a failure half-way rolls all of it back."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise


Record = TypeVar("Record")


def found(session: Session, model: type[Record], key: str, what: str, **options: Any) -> Record:
    """The record with this id, or the use case's 404 naming what was asked for ("no proposal with id …")."""
    record = session.get(model, key, **options)
    if record is None:
        raise NotFound(f"no {what} with id {key}")
    return record


def containing_each(searched: ColumnElement[str], q: str | None) -> list[ColumnElement[bool]]:
    """A search's words, each found in `searched` as typed, case aside: % and _ are not wildcards."""
    return [searched.ilike(f"%{_as_typed(word)}%", escape="\\") for word in (q or "").split()]


def _as_typed(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
