"""Server-rendered pages for officers, councils and coordinators, on the GOV.UK Design System.

Pages call the same use cases as the API; no business rule is written here.
"""

from pathlib import Path

from flask import Flask, abort, send_from_directory
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader

from web import (
    audit,
    auth,
    casenotes,
    casework,
    cohort_changes,
    cohort_new,
    cohort_outcomes,
    cohorts,
    commitments,
    deadlines,
    district,
    district_applicants,
    district_vacancies,
    home,
    imports,
    maps,
    moves,
    notifications,
    option_pages,
    outcomes,
    placements,
    planning,
    record_lists,
    reports,
    returns,
    reviews,
    run_list,
    run_print,
    runs,
    sessions,
    sign_offs,
    situation_forms,
    suitability,
    triple_plans,
    users,
    words,
    young_people,
    young_person_forms,
)

# Installed by `npm ci` from package-lock.json (GOV.UK Frontend, accessible-autocomplete); not committed.
NODE_MODULES = Path(__file__).parent.parent / "node_modules"
GOVUK_FRONTEND = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"
AUTOCOMPLETE = NODE_MODULES / "accessible-autocomplete" / "dist"


def init_app(app: Flask) -> None:
    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(Path(__file__).parent / "templates"),
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    app.jinja_env.filters.update(words.FILTERS)
    app.jinja_env.globals.update(words.GLOBALS)
    app.jinja_env.globals["landmarks"] = maps.LANDMARKS  # named on every map (_map.html)
    app.before_request(district_vacancies.allow_uploads)  # before the form is read for its token
    app.before_request(imports.allow_uploads)
    sessions.init_app(app)
    home.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(deadlines.bp)
    app.register_blueprint(runs.bp)
    app.register_blueprint(run_list.bp)
    app.register_blueprint(run_print.bp)
    app.register_blueprint(young_people.bp)
    app.register_blueprint(young_person_forms.bp)
    app.register_blueprint(record_lists.bp)
    app.register_blueprint(situation_forms.bp)
    app.register_blueprint(option_pages.bp)
    app.register_blueprint(district.bp)
    app.register_blueprint(district_applicants.bp)
    app.register_blueprint(district_vacancies.bp)
    app.register_blueprint(imports.bp)
    app.register_blueprint(returns.bp)
    app.register_blueprint(commitments.bp)
    app.register_blueprint(commitments.figures)
    app.register_blueprint(cohort_new.bp)  # before the board, so /cohorts/new is not taken for an id
    app.register_blueprint(cohorts.bp)
    app.register_blueprint(cohort_changes.bp)
    app.register_blueprint(cohort_outcomes.bp)
    app.register_blueprint(audit.bp)
    app.register_blueprint(outcomes.bp)
    app.register_blueprint(reports.bp)
    app.register_blueprint(planning.bp)
    app.register_blueprint(users.bp)
    app.register_blueprint(placements.bp)
    app.register_blueprint(moves.bp)
    app.register_blueprint(suitability.bp)
    app.register_blueprint(casework.bp)
    app.register_blueprint(reviews.bp)
    app.register_blueprint(sign_offs.bp)
    app.register_blueprint(casenotes.bp)
    app.register_blueprint(triple_plans.bp)
    notifications.init_app(app)

    @app.get("/assets/<path:filename>")
    def assets(filename: str):
        """GOV.UK Frontend and the autocomplete: stylesheets, scripts, fonts, images, served by the app."""
        if filename.startswith("accessible-autocomplete.min."):
            folder = AUTOCOMPLETE
        elif filename.startswith("govuk-frontend.min."):
            folder = GOVUK_FRONTEND
        else:
            folder = GOVUK_FRONTEND / "assets"
        if not folder.exists():
            abort(404)
        return send_from_directory(folder, filename, max_age=3600)
