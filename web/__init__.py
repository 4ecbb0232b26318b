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
    own_officer,
    own_pages,
    own_words,
    placements,
    planning,
    providers,
    record_lists,
    reports,
    returns,
    reviews,
    run_list,
    run_print,
    runs,
    sessions,
    setting_up_home,
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
    app.jinja_env.filters.update(words.FILTERS | own_words.FILTERS)
    app.jinja_env.globals.update(words.GLOBALS, answer_words=own_words.ANSWER)
    app.jinja_env.globals["landmarks"] = maps.LANDMARKS  # named on every map (_map.html)
    app.before_request(district_vacancies.allow_uploads)  # before the form is read for its token
    app.before_request(imports.allow_uploads)
    sessions.init_app(app)
    home.init_app(app)
    for blueprint in (
        auth.bp,
        deadlines.bp,
        runs.bp,
        run_list.bp,
        run_print.bp,
        young_people.bp,
        young_person_forms.bp,
        record_lists.bp,
        situation_forms.bp,
        option_pages.bp,
        district.bp,
        district_applicants.bp,
        district_vacancies.bp,
        imports.bp,
        returns.bp,
        commitments.bp,
        commitments.figures,
        cohort_new.bp,  # before the board, so /cohorts/new is not taken for an id
        cohorts.bp,
        cohort_changes.bp,
        cohort_outcomes.bp,
        audit.bp,
        outcomes.bp,
        reports.bp,
        planning.bp,
        users.bp,
        placements.bp,
        moves.bp,
        suitability.bp,
        casework.bp,
        reviews.bp,
        sign_offs.bp,
        casenotes.bp,
        triple_plans.bp,
        setting_up_home.bp,
        providers.bp,
        own_pages.bp,
        own_officer.bp,
    ):
        app.register_blueprint(blueprint)
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
