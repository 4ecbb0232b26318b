"""The Flask app factory: configuration, the store, the blueprints, the command line.

Nothing happens at import time; `create_app` wires everything and connects to nothing until
a request or command needs the database.
"""

import os
import secrets
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from flask_migrate import Migrate
from sqlalchemy import Engine, MetaData
from sqlalchemy.orm import Session, sessionmaker

import jobs
import web
from commands.match import match
from commands.seed import seed
from commands.simulate import simulate
from commands.users import users
from districts.cli import vacancies
from districts.http import blp as districts_blp
from housing.advising import DEFAULT_CASELOAD_CAP
from housing.db import Base, for_writing, make_engine, make_session_factory
from housing.money import SAR_EXEMPTION_UNTIL
from httpkit import errors, headers, store
from jobs.cli import jobs as jobs_cli
from jsonapi import import_jobs
from jsonapi.audit import blp as audit_blp
from jsonapi.casenotes import blp as casenotes_blp
from jsonapi.casework import blp as casework_blp
from jsonapi.cohorts import blp as cohorts_blp
from jsonapi.import_cli import imports as imports_cli
from jsonapi.imports import blp as imports_blp
from jsonapi.kept_current import blp as kept_current_blp
from jsonapi.matching import blp as matching_blp
from jsonapi.moves import blp as moves_blp
from jsonapi.options import blp as options_blp
from jsonapi.own_view import blp as own_view_blp
from jsonapi.placements import blp as placements_blp
from jsonapi.planning import blp as planning_blp
from jsonapi.providers import blp as providers_blp
from jsonapi.reference import blp as reference_blp
from jsonapi.reviews import blp as reviews_blp
from jsonapi.setting_up_home import blp as setting_up_home_blp
from jsonapi.sign_offs import blp as sign_offs_blp
from jsonapi.ssda903 import blp as ssda903_blp
from jsonapi.triple_plans import blp as triple_plans_blp
from jsonapi.young_people import applications_blp
from jsonapi.young_people import blp as young_people_blp

MIGRATIONS = Path(__file__).parent / "migrations"
MAX_BODY_BYTES = 1024 * 1024  # the largest record is a few kilobytes; refuse anything near this


@dataclass
class Store:
    """What every request and command shares: the engine and the session factory."""

    engine: Engine
    session_factory: sessionmaker[Session]  # for reading
    writer_factory: sessionmaker[Session]  # for requests and commands that write

    @property
    def metadata(self) -> MetaData:  # read by Flask-Migrate
        return Base.metadata


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True, static_folder="web/static")
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(
        DATABASE_URL=os.environ.get("DATABASE_URL", f"sqlite:///{Path(app.instance_path) / 'pathways.db'}"),
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        # Session cookies are Secure except where PATHWAYS_ENV says development (make run, plain http).
        SESSION_COOKIE_SECURE=os.environ.get("PATHWAYS_ENV", "production") != "development",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=30),  # signed out after half an hour idle
        REACH_KM=float(os.environ.get("PATHWAYS_REACH_KM", "80")),  # the REACH rule's one setting
        # Most young people one personal adviser may carry (the county's target; housing/advising.py).
        ADVISER_CASELOAD_CAP=int(os.environ.get("PATHWAYS_ADVISER_CASELOAD_CAP", DEFAULT_CASELOAD_CAP)),
        # Care leavers' exemption from the shared accommodation rate ends at this age (housing/money.py):
        # to be confirmed against current DWP rules.
        SAR_EXEMPTION_UNTIL=int(os.environ.get("PATHWAYS_SAR_EXEMPTION_UNTIL", SAR_EXEMPTION_UNTIL)),
        # What `make outcomes` last wrote, shown on the Outcomes page.
        OUTCOMES_RESULTS=str(Path(__file__).parent / "bench" / "results" / "outcomes.json"),
        OUTCOMES_CHARTS=str(Path(__file__).parent / "docs" / "outcomes"),
        API_TITLE="Pathways",
        API_VERSION="v1",
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/api/v1",
        OPENAPI_JSON_PATH="openapi.json",
        API_SPEC_OPTIONS={
            "info": {
                "description": "Housing pathway matching for care leavers under the West Sussex "
                "Joint Housing Protocol. Ids are opaque strings; dates are ISO 8601."
            },
            "security": [{"bearerAuth": []}],
            "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        },
    )
    if test_config:
        app.config.update(test_config)
    if app.config["SESSION_COOKIE_SECURE"] and "SESSION_COOKIE_NAME" not in (test_config or {}):
        # `__Host-`: a browser keeps it only if Secure, for this host alone (no Domain), on Path=/, so
        # a sibling subdomain or a plain-http page cannot plant or overwrite the session cookie.
        app.config["SESSION_COOKIE_NAME"] = "__Host-session"
    if not app.config.get("SECRET_KEY"):  # Flask's defaults hold the key, as None
        app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or _kept_secret_key(app)

    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["pathways"] = Store(
        engine, make_session_factory(engine), make_session_factory(for_writing(engine))
    )
    Migrate(app, app.extensions["pathways"], directory=str(MIGRATIONS))

    store.init_app(app)
    headers.init_app(app)
    api = errors.PathwaysApi(app)
    blueprints = (
        reference_blp, young_people_blp, applications_blp, options_blp, matching_blp, districts_blp,
        cohorts_blp, audit_blp, planning_blp, placements_blp, ssda903_blp, casework_blp,
        reviews_blp, sign_offs_blp, casenotes_blp, triple_plans_blp, setting_up_home_blp, moves_blp,
        kept_current_blp, imports_blp, own_view_blp, providers_blp,
    )  # fmt: skip
    for blueprint in blueprints:
        api.register_blueprint(blueprint)
    errors.init_app(app)
    web.init_app(app)
    jobs.init_app(app)  # the queue, and the outbox wired to it
    import_jobs.init_app(app)  # long imports from the page, on that queue
    _register_commands(app)
    return app


def _kept_secret_key(app: Flask) -> str:
    """Generate the secret key once and keep it in the instance folder, readable by its owner only."""
    path = Path(app.instance_path) / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_hex(32))
        path.chmod(0o600)
    return path.read_text().strip()


def _register_commands(app: Flask) -> None:
    app.cli.add_command(users)
    app.cli.add_command(match)
    app.cli.add_command(vacancies)
    app.cli.add_command(imports_cli)
    app.cli.add_command(seed)
    app.cli.add_command(simulate)
    app.cli.add_command(jobs_cli)
