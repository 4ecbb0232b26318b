"""How the pages answer an error: one place maps each domain error and a database outage to a page.

Views catch only what they show on their own form (a conflict beside the proposal, a rule broken
beside the field); anything else a use case raises reaches these handlers, so an unknown record is
always a 404 page and a refused one a 403 page, never the API's JSON or a misleading 409.
"""

from flask import Blueprint, render_template

from housing.db import UNAVAILABLE
from housing.errors import Conflict, DomainError, Forbidden, Invalid, NotFound

PAGES: tuple[tuple[type[DomainError], int, str], ...] = (
    (NotFound, 404, "Page not found"),
    (Forbidden, 403, "You cannot see this page"),
    (Conflict, 409, "This has changed since you opened the page"),
    (Invalid, 422, "This cannot be done"),
)


def domain_error_page(error: DomainError) -> tuple[str, int]:
    code, title = next((code, title) for kind, code, title in PAGES if isinstance(error, kind))
    shown = error.message if code in (409, 422) else None  # a use case's message is safe to show
    return render_template("error.html", title=title, code=code, message=shown), code


def database_away(_error: Exception) -> tuple[str, int, dict]:
    """While the database restarts: nothing was written, try again (the API answers its own 503)."""
    page = render_template("error.html", title="Sorry, the service is unavailable for a moment", code=503)
    return page, 503, {"Retry-After": "1"}


def register(blueprint: Blueprint) -> None:
    blueprint.register_error_handler(DomainError, domain_error_page)
    for unavailable in UNAVAILABLE:
        blueprint.register_error_handler(unavailable, database_away)
