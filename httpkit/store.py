"""One database session per request, closed (and rolled back if uncommitted) when it ends."""

from flask import Flask, current_app, g
from sqlalchemy.orm import Session


def db() -> Session:
    # Every request may write (even a GET writes its audit entries), so each takes the writing
    # session: on SQLite it waits for the write lock up front rather than failing half-way.
    if "db" not in g:
        g.db = current_app.extensions["pathways"].writer_factory()
    return g.db


def init_app(app: Flask) -> None:
    @app.teardown_appcontext
    def close_session(_error: BaseException | None) -> None:
        session = g.pop("db", None)
        if session is not None:
            session.close()
