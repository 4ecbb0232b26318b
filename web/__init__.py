"""Server-rendered pages for officers, councils and coordinators, on the GOV.UK Design System.

Pages call the same use cases as the API; no business rule is written here.
"""

from pathlib import Path

from flask import Flask, abort, send_from_directory
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from web import (
    audit,
    auth,
    cohorts,
    deadlines,
    district,
    placements,
    runs,
    sessions,
    suitability,
    young_people,
)

# Installed by `npm ci` from package-lock.json (GOV.UK Frontend 6.3.0); never committed.
GOVUK_FRONTEND = Path(__file__).parent.parent / "node_modules" / "govuk-frontend" / "dist" / "govuk"


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(Path(__file__).parent / "templates"),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    sessions.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(deadlines.bp)
    app.register_blueprint(runs.bp)
    app.register_blueprint(young_people.bp)
    app.register_blueprint(district.bp)
    app.register_blueprint(cohorts.bp)
    app.register_blueprint(audit.bp)
    app.register_blueprint(placements.bp)
    app.register_blueprint(suitability.bp)

    @app.get("/assets/<path:filename>")
    def assets(filename: str):
        """GOV.UK Frontend's stylesheet, script, fonts and images, served by the app itself."""
        folder = GOVUK_FRONTEND if filename.startswith("govuk-frontend.min.") else GOVUK_FRONTEND / "assets"
        if not folder.exists():
            abort(404)
        return send_from_directory(folder, filename, max_age=3600)
