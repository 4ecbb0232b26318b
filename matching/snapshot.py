"""A problem as plain JSON data and back, with a digest: what a stored run keeps to be re-solved."""

import hashlib
import json
from dataclasses import asdict, fields
from datetime import date
from typing import Any

from matching.problem import Link, Option, Preference, Problem, YoungPerson

DATES = {"as_of", "need_date", "pathway_deadline", "available_from", "available_until"}
SETS = {"avoid_places", "avoid_districts", "applied_districts", "support_levels"}


def to_data(problem: Problem) -> dict[str, Any]:
    def plain(value: Any, key: str = "") -> Any:
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, frozenset):
            return sorted(value) if key != "rejected" else sorted(list(pair) for pair in value)
        if isinstance(value, dict):
            return {k: plain(v, k) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value

    return plain(asdict(problem))


def from_data(data: dict[str, Any]) -> Problem:
    def record(cls: type, values: dict[str, Any]) -> Any:
        out = {}
        for f in fields(cls):
            value = values[f.name]
            if f.name in DATES and value is not None:
                value = date.fromisoformat(value)
            elif f.name in SETS:
                value = frozenset(value)
            out[f.name] = value
        return cls(**out)

    people = tuple(
        record(YoungPerson, p | {
            "links": tuple(record(Link, link) for link in p["links"]),
            "preferences": tuple(record(Preference, pref) for pref in p["preferences"]),
        })
        for p in data["young_people"]
    )  # fmt: skip
    return Problem(
        as_of=date.fromisoformat(data["as_of"]),
        young_people=people,
        options=tuple(record(Option, o) for o in data["options"]),
        rejected=frozenset(tuple(pair) for pair in data["rejected"]),
        reach_km=data["reach_km"],
        urgent_days=data["urgent_days"],
    )


def digest(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, separators=(",", ":")).encode()).hexdigest()
