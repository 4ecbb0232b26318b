"""The one place that maps errors to status codes, all in the envelope the contract fixes."""

import logging
import traceback
from http import HTTPStatus
from typing import Any

from flask import Flask, request
from flask_smorest import Api
from werkzeug.exceptions import HTTPException

from housing.errors import Conflict, DomainError, Forbidden, Invalid, NotFound

log = logging.getLogger("pathways")

STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 422}


def envelope(code: int, message: str | None = None, errors: dict[str, Any] | None = None) -> dict:
    body: dict[str, Any] = {"code": code, "status": HTTPStatus(code).phrase}
    if message:
        body["message"] = message
    if errors:
        body["errors"] = errors
    return body


class PathwaysApi(Api):
    """flask-smorest's envelope, with a message on every error as the contract asks."""

    def handle_http_exception(self, error: HTTPException) -> tuple[dict, int, dict]:
        payload, code, headers = super().handle_http_exception(error)
        if "message" not in payload:
            payload["message"] = (
                "Some fields are not valid: see errors." if "errors" in payload else error.description
            )
        return payload, code, headers


def init_app(app: Flask) -> None:
    @app.before_request
    def json_bodies_only() -> tuple[dict, int] | None:
        """A body the API cannot read as JSON is refused, not taken for an empty change."""
        if request.path.startswith("/api/") and request.content_length and not request.is_json:
            return envelope(415, "Send the body as JSON (Content-Type: application/json)."), 415
        return None

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> tuple[dict, int]:
        code = STATUS[type(error)]
        fields = {"json": error.fields} if isinstance(error, Invalid) else None
        return envelope(code, error.message, fields), code

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[dict, int]:
        # Exception text can carry SQL parameters, so personal data: log the type and frames only.
        frames = "".join(traceback.format_tb(error.__traceback__))
        log.error("unhandled %s on %s %s\n%s", type(error).__name__, request.method, request.path, frames)
        return envelope(500, "Something went wrong; it has been logged."), 500
