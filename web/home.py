"""Where each role starts, and the page (not the API's JSON) for a path no page has.

Every role has its own home: signing in lands there, and the header's "Pathways" link goes back
to it, so no role follows the header into a page it may not see.
"""

from flask import Flask, g, render_template, request, url_for
from werkzeug.exceptions import HTTPException, NotFound

from housing.vocabulary import Role
from web.sessions import signed_in

HOME = {
    Role.HOUSING_OFFICER: "deadlines.home",
    Role.ADMIN: "deadlines.home",
    Role.DISTRICT_OFFICER: "district_pages.district",
    Role.HOUSE_PROJECT_COORDINATOR: "cohort_pages.cohort_list",
    Role.COMMISSIONER: "planning_pages.sufficiency_page",
    Role.TEAM_MANAGER: "casework_pages.team_page",
    Role.YOUNG_PERSON: "own_pages.home",
}


def home_url() -> str:
    """The signed-in user's own home page; the sign-in page for anyone else."""
    actor = g.get("actor")
    return url_for(HOME[actor.role]) if actor else url_for("auth.sign_in")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["home_url"] = home_url
    json_answer = app.error_handler_spec[None][None][HTTPException]  # the API's envelope (flask-smorest)

    @app.errorhandler(NotFound)
    def not_found(error: NotFound):
        """Under /api/ the contract's JSON; any other path a page, with the menu when signed in."""
        if request.path.startswith("/api/"):
            return json_answer(error)
        if (actor := signed_in()) is not None:
            g.actor = actor
        return render_template("error.html", title="Page not found", code=404), 404
