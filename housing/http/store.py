"""One database session per request, closed (and rolled back if uncommitted) when it ends."""

from flask import Flask, current_app, g
from sqlalchemy.orm import Session


def db() -> Session:
    if "db" not in g:
        g.db = current_app.extensions["pathways"].session_factory()
    return g.db


def init_app(app: Flask) -> None:
    @app.teardown_appcontext
    def close_session(_error: BaseException | None) -> None:
        session = g.pop("db", None)
        if session is not None:
            session.close()
