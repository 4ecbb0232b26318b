"""The API's blueprint: flask-smorest's, with a parser that refuses text PostgreSQL cannot store.

PostgreSQL refuses the NUL character (U+0000) in text, so a body or query holding one failed deep
in a query as a 500 (Schemathesis found it, on PostgreSQL only: SQLite stores it). No field of the
service means anything by it: it is refused where input is validated, as a 422 naming the field.
"""

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import marshmallow as ma
from flask_smorest import Blueprint as SmorestBlueprint
from webargs.flaskparser import FlaskParser

from housing.http.query import refusing_undeclared

NUL = "\x00"
REASON = "must not contain the NUL character (U+0000)"


class Parser(FlaskParser):
    def _load_location_data(self, *, schema: ma.Schema, req: Any, location: str) -> Any:
        data = super()._load_location_data(schema=schema, req=req, location=location)
        fields: dict[str, Any] = {}
        for path in holding_nul(data):
            node = fields
            for key in path[:-1]:
                node = node.setdefault(str(key), {})
            node[str(path[-1]) if path else "_schema"] = [REASON]
        if fields:
            raise ma.ValidationError(fields)
        return data


def holding_nul(value: Any, path: tuple = ()) -> Iterator[tuple]:
    """The paths of every key or text value holding NUL, in JSON or a query string."""
    if isinstance(value, str):
        if NUL in value:
            yield path
    elif isinstance(value, Mapping):  # a JSON object, or webargs' view of a query string
        for key, item in value.items():
            if NUL in str(key):
                yield (*path, key)
            else:
                yield from holding_nul(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from holding_nul(item, (*path, index))


class Blueprint(SmorestBlueprint):
    ARGUMENTS_PARSER = Parser()

    def response(self, *args: Any, **kwargs: Any) -> Callable[[Callable], Callable]:
        """Every operation declares its response, so each also refuses query parameters it does not define."""
        declare = super().response(*args, **kwargs)
        return lambda view: declare(refusing_undeclared(view))
