"""The API's blueprint: flask-smorest's, with a parser that refuses what no field can hold, and a
body that the OpenAPI document calls required refused when it is missing.

PostgreSQL refuses the NUL character (U+0000) in text, so a body or query holding one failed deep
in a query as a 500 (Schemathesis found it, on PostgreSQL only: SQLite stores it). A lone UTF-16
surrogate (`"\\ud800"` in JSON) is no character at all and failed as a 500 when the row was
encoded, on both backends. JSON nested thousands deep failed as a 500 (RecursionError) in the
decoder. No field of the service means anything by any of them: each is refused where input is
validated, after the role and district checks, as a 400 (nesting) or a 422 naming the field.
"""

from collections.abc import Callable, Iterator, Mapping
from functools import wraps
from typing import Any

import marshmallow as ma
from flask import request
from flask_smorest import Blueprint as SmorestBlueprint
from flask_smorest import abort
from webargs.flaskparser import FlaskParser

from httpkit import dumping
from httpkit.query import refusing_undeclared

NUL = "\x00"
REASON = "must not contain the NUL character (U+0000)"
SURROGATE_REASON = "must be text: a lone UTF-16 surrogate (U+D800 to U+DFFF) is not a character"
# The deepest body the service reads is an object holding a list of objects (3); this leaves room
# and keeps every recursive walk over a body (marshmallow's, ours) far from Python's limit.
MAX_DEPTH = 32
TOO_DEEP = f"The JSON body is nested more than {MAX_DEPTH} levels deep; no request needs that."
BODY_REQUIRED = "a JSON body is required"


class Parser(FlaskParser):
    def _raw_load_json(self, req: Any) -> Any:
        try:
            data = super()._raw_load_json(req)
        except RecursionError:  # the decoder's own limit, far below a 1 MB body's possible depth
            abort(400, message=TOO_DEEP)
        if _depth(data) > MAX_DEPTH:
            abort(400, message=TOO_DEEP)
        return data

    def _load_location_data(self, *, schema: ma.Schema, req: Any, location: str) -> Any:
        data = super()._load_location_data(schema=schema, req=req, location=location)
        fields: dict[str, Any] = {}
        for paths, reason in (
            (holding_nul(data), REASON),
            (refused_text(data, _unencodable), SURROGATE_REASON),
        ):
            for path in paths:
                node = fields
                for key in path[:-1]:
                    node = node.setdefault(str(key), {})
                node[str(path[-1]) if path else "_schema"] = [reason]
        if fields:
            raise ma.ValidationError(fields)
        return data


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in a decoded JSON value, without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, level = pending.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is not None:
            deepest = max(deepest, level)
            if level <= MAX_DEPTH:  # no need to look further down than the limit
                pending.extend((child, level + 1) for child in children)
    return deepest


def refused_text(value: Any, refused: Callable[[str], bool], path: tuple = ()) -> Iterator[tuple]:
    """The paths of every key or text value that `refused` says no to, in JSON or webargs' view of a
    query string; a key refused stands for everything under it."""
    if isinstance(value, str):
        if refused(value):
            yield path
    elif isinstance(value, Mapping):
        for key, item in value.items():
            if refused(str(key)):
                yield (*path, key)
            else:
                yield from refused_text(item, refused, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from refused_text(item, refused, (*path, index))


def holding_nul(value: Any) -> Iterator[tuple]:
    """The paths of every key or text value holding NUL, in JSON or a query string."""
    return refused_text(value, lambda text: NUL in text)


def _unencodable(text: str) -> bool:
    """A lone surrogate: text UTF-8 cannot encode."""
    try:
        text.encode()
    except UnicodeEncodeError:
        return True
    return False


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = Parser()

    def arguments(
        self, schema: Any, *, location: str = "json", required: bool = True, **kwargs: Any
    ) -> Callable:
        """flask-smorest's, and a JSON body the document calls required is refused when missing (422),
        where flask-smorest only documents it: the document and the behaviour say the same."""
        documented = super().arguments(schema, location=location, required=required, **kwargs)
        if location != "json" or not required:
            return documented

        def decorate(view: Callable) -> Callable:
            parsed = documented(view)

            @wraps(parsed)
            def with_body(*args: Any, **view_kwargs: Any) -> Any:
                if not request.get_data(cache=True):
                    abort(422, message=f"{BODY_REQUIRED}.", errors={"json": {"_schema": [BODY_REQUIRED]}})
                return parsed(*args, **view_kwargs)

            return with_body

        return decorate

    def response(self, status_code: Any, schema: Any = None, **kwargs: Any) -> Callable[[Callable], Callable]:
        """Every operation declares its response, so each also refuses query parameters it does not
        define; and its schema dumps by the functions `httpkit.dumping` works out once for it."""
        if isinstance(schema, type) and issubclass(schema, ma.Schema):
            schema = schema()
        if isinstance(schema, ma.Schema):
            dumping.compile_into(schema)
        declare = super().response(status_code, schema, **kwargs)
        return lambda view: declare(refusing_undeclared(view))
