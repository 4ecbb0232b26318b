"""The one place that maps errors to status codes, all in the envelope the contract fixes."""

import logging
import traceback
from http import HTTPStatus
from typing import Any

from apispec import BasePlugin
from flask import Flask, current_app, request
from flask_smorest import Api
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from housing.errors import Conflict, DomainError, Forbidden, Invalid, NotFound
from httpkit import openapi_fields, query, reasons
from httpkit.log_lines import escaped

log = logging.getLogger("pathways")  # every value a client chose is escaped first (log_lines.py)

STATUS = {NotFound: 404, Forbidden: 403, Conflict: 409, Invalid: 422}


def envelope(code: int, message: str | None = None, errors: dict[str, Any] | None = None) -> dict:
    body: dict[str, Any] = {"code": code, "status": HTTPStatus(code).phrase}
    if message:
        body["message"] = message
    if errors:
        body["errors"] = errors
    return body


# Error responses the OpenAPI document names, each in the one envelope.
ERROR_RESPONSES = {
    400: ("BAD_REQUEST", "The body is not valid JSON, or nests lists and objects more than 32 deep."),
    401: ("UNAUTHORIZED", "No valid token: send Authorization: Bearer <token>."),
    403: ("FORBIDDEN", "The token's role, or its district, may not do this."),
    404: ("NOT_FOUND", "No record with this id."),
    409: ("CONFLICT", "The state changed meanwhile (a place taken, a decision made): nothing was written."),
    413: ("CONTENT_TOO_LARGE", "The body is over 1 MB."),
    415: ("UNSUPPORTED_MEDIA_TYPE", "The body is not JSON."),
    503: ("SERVICE_UNAVAILABLE", "The database is not answering; nothing was written. Retry after a second."),
}


class ErrorResponses(BasePlugin):
    """Documents each operation's errors by the rules that produce them, so that clients and
    Schemathesis know every status an operation may answer: 401 and 403 wherever a token is needed,
    404 wherever the path names an id, 400, 413 and 415 wherever a body is read, 503 everywhere (the
    database restarting). A 409 is documented by the views that can answer it (`alt_response`); a
    422 everywhere, as any operation refuses a query parameter it does not define.
    """

    def operation_helper(self, path: str | None = None, operations: dict | None = None, **_: Any) -> None:
        for method, operation in (operations or {}).items():
            operation.setdefault("responses", {}).setdefault("422", "UNPROCESSABLE_ENTITY")
            codes = [503]
            if operation.get("security") != []:
                codes += [401, 403]
            if "{" in (path or ""):
                codes.append(404)
            if method in ("post", "patch"):
                codes += [400, 413, 415]
            responses = operation.setdefault("responses", {})
            for code in codes:
                responses.setdefault(str(code), ERROR_RESPONSES[code][0])


class PathwaysApi(Api):
    """flask-smorest's envelope, with a message on every error as the contract asks."""

    def __init__(self, app: Flask) -> None:
        super().__init__(app, spec_kwargs={"extra_plugins": [ErrorResponses()]})
        self.ma_plugin.converter.add_attribute_function(openapi_fields.narrowed)
        query.init_app(app)  # the OpenAPI document refuses unknown query parameters like every operation
        for name, description in ERROR_RESPONSES.values():
            self.spec.components.response(
                name, {"description": description, "content": {"application/json": {"schema": "Error"}}}
            )

    def handle_http_exception(self, error: HTTPException) -> tuple[dict, int, dict]:
        payload, code, headers = super().handle_http_exception(error)
        if "errors" in payload:
            payload["errors"] = reasons.plain_all(payload["errors"])
        # Werkzeug's own headers for the error, such as the `Allow` of a 405, which flask-smorest drops.
        headers = {name: value for name, value in error.get_headers() if name != "Content-Type"} | (
            headers or {}
        )
        if "message" not in payload:
            payload["message"] = (
                "Some fields are not valid: see errors." if "errors" in payload else error.description
            )
        return payload, code, headers


def init_app(app: Flask) -> None:
    @app.before_request
    def json_bodies_only() -> tuple[dict, int] | None:
        """A body the API cannot read as JSON is refused, not taken for an empty change, however it is
        framed: with a Content-Length or chunked (`Transfer-Encoding: chunked` has no length). An
        operation that takes an uploaded file (a council's vacancies) reads multipart instead."""
        if not request.path.startswith("/api/") or request.routing_exception is not None:
            return None  # no such operation: the 404 or the 405 (with Allow) answers, whatever the body
        if request.mimetype == "multipart/form-data" and _takes_files(app):
            return None
        body = request.get_data(cache=True)
        if request.content_length is None and len(body) >= current_app.config["MAX_CONTENT_LENGTH"]:
            # A chunked body is cut at the limit, not refused (Werkzeug): one that reached it is too large.
            return envelope(413, ERROR_RESPONSES[413][1]), 413
        if body and not request.is_json:
            return envelope(415, "Send the body as JSON (Content-Type: application/json)."), 415
        return None

    @app.errorhandler(DomainError)
    def domain_error(error: DomainError) -> tuple[dict, int]:
        code = next(status for kind, status in STATUS.items() if isinstance(error, kind))
        fields = {"json": error.fields} if isinstance(error, Invalid) else None
        return envelope(code, error.message, fields), code

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_away(error: Exception) -> tuple[dict, int, dict]:
        """The database stopped answering (restarting, failing over): nothing was written; try again."""
        log.warning(
            "database unavailable (%s) on %s %s",
            type(error.orig).__name__,
            request.method,
            escaped(request.path),
        )
        return (
            envelope(503, "The database is not answering; nothing was written. Try again shortly."),
            503,
            {"Retry-After": "1"},
        )

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[dict, int]:
        # Exception text can carry SQL parameters, so personal data: log the type and frames only.
        frames = "".join(traceback.format_tb(error.__traceback__))
        log.error(
            "unhandled %s on %s %s\n%s", type(error).__name__, request.method, escaped(request.path), frames
        )
        return envelope(500, "Something went wrong; it has been logged."), 500


def _takes_files(app: Flask) -> bool:
    """An operation that reads an uploaded file (a council's vacancies) says so on its view class."""
    view = app.view_functions.get(request.endpoint or "")
    return bool(getattr(getattr(view, "view_class", None), "takes_files", False))
