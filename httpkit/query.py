"""Query parameters an operation does not define are refused (422 naming each), on every operation.

A misspelt filter (`?statu=agreed`) silently ignored returns the whole list as if filtered, so the
contract refuses it as it refuses an unknown body field. The check runs inside `Blueprint.response`,
which every operation carries below its role, id and body checks, so the contract's order
(401, 403, 404, 422) holds; the names an operation defines are read from its own
`@blp.arguments(..., location="query")` schemas, so nothing is listed twice.
"""

from collections.abc import Callable
from functools import cache, wraps
from typing import Any

from flask import Flask, current_app, request
from flask_smorest import abort

UNKNOWN = "not a field this operation takes: remove it"
# flask-smorest's own view of the OpenAPI document takes no parameters either.
DOCUMENT_ENDPOINT = "api-docs.openapi_json"


def refusing_undeclared(view: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap an operation so that a query parameter it does not define is a 422 naming it."""

    @wraps(view)
    def checked(*args: Any, **kwargs: Any) -> Any:
        refuse_undeclared(defined(request.endpoint or "", request.method))
        return view(*args, **kwargs)

    return checked


def refuse_undeclared(names: frozenset[str]) -> None:
    unknown = sorted(set(request.args) - names)
    if unknown:
        abort(
            422,
            message=f"unknown query parameter: {', '.join(unknown)}",
            errors={"query": {name: [UNKNOWN] for name in unknown}},
        )


@cache
def defined(endpoint: str, method: str) -> frozenset[str]:
    """The query parameters an operation's `@blp.arguments(..., location="query")` schemas define."""
    view = current_app.view_functions[endpoint]
    view_class = getattr(view, "view_class", None)
    handler = getattr(view_class, method.lower(), None) if view_class else view
    parameters = getattr(handler, "_apidoc", {}).get("arguments", {}).get("parameters", [])
    names: set[str] = set()
    for parameter in parameters:
        if parameter["in"] == "query":
            schema = parameter["schema"]
            schema = schema() if isinstance(schema, type) else schema
            names |= {field.data_key or name for name, field in schema.fields.items()}
    return frozenset(names)


def init_app(app: Flask) -> None:
    @app.before_request
    def document_takes_no_parameters() -> None:
        if request.endpoint == DOCUMENT_ENDPOINT:
            refuse_undeclared(frozenset())
