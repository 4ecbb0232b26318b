"""A problem as plain JSON data and back, with a digest: what a stored run keeps to be re-solved."""

import hashlib
import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from datetime import date
from types import MappingProxyType
from typing import Any

from matching.problem import Hold, Link, Option, PenaltyScale, Preference, Problem, Site, YoungPerson

DATES = {
    "as_of", "need_date", "pathway_deadline", "due_date", "available_from", "available_until", "from_month",
}  # fmt: skip
SETS = {"avoid_places", "avoid_districts", "applied_districts", "support_levels"}
TUPLES = {"scheme_bedrooms"}


SIMPLE = frozenset({str, int, float, bool, type(None)})  # values written as they are: most of them
_FIELDS: dict[type, tuple[str, ...]] = {}  # each dataclass's fields, looked up once


def to_data(problem: Problem) -> dict[str, Any]:
    # Field by field rather than dataclasses.asdict, which deep-copies every value on the way: on
    # the county's 2,000 options that copying was most of a small run's time. A plain value is
    # written without a call (most are), and a dataclass's fields are looked up once per class.
    def plain(value: Any, key: str = "") -> Any:
        if type(value) in SIMPLE or isinstance(value, str | int | float):  # a StrEnum too
            return value
        names = _FIELDS.get(type(value))
        if names is None and is_dataclass(value):
            names = _FIELDS.setdefault(type(value), tuple(value.__dataclass_fields__))
        if names is not None:
            return {
                name: field if type(field) in SIMPLE else plain(field, name)
                for name in names
                for field in (getattr(value, name),)
            }
        if isinstance(value, frozenset):
            return sorted(value) if key != "rejected" else sorted(list(pair) for pair in value)
        if isinstance(value, Mapping):
            return {k: plain(v, k) for k, v in value.items()}
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        return value.isoformat()  # a date: the one other kind of value a problem holds

    return plain(problem)


def with_plan(data: dict[str, Any], problem: Problem) -> dict[str, Any]:
    """`to_data(problem)` from the data of the same problem before its plan was given to it
    (`Planned.given_to`: the holds and each young person's `planned`), without converting it again."""
    planned = {p.id: p.planned for p in problem.young_people}
    return data | {
        "plan_made": problem.plan_made,
        "held_back": {
            o: {"places": h.places, "from_month": h.from_month.isoformat()}
            for o, h in problem.held_back.items()
        },
        "young_people": [p | {"planned": planned[p["id"]]} for p in data["young_people"]],
    }


def from_data(data: dict[str, Any]) -> Problem:
    def record(cls: type, values: dict[str, Any]) -> Any:
        out = {}
        names = _FIELDS.get(cls) or _FIELDS.setdefault(cls, tuple(f.name for f in fields(cls)))
        for name in names:  # looked up once per class: dataclasses.fields was most of the time
            if name not in values:  # a field added since the run was stored: its default
                continue
            value = values[name]
            if name in DATES and value is not None:
                value = date.fromisoformat(value)
            elif name in SETS:
                value = frozenset(value)
            elif name in TUPLES:
                value = tuple(value)
            out[name] = value
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
        options=tuple(record(Option, o | _sites(o)) for o in data["options"]),
        rejected=frozenset(tuple(pair) for pair in data["rejected"]),
        reach_km=data["reach_km"],
        urgent_days=data["urgent_days"],
        held_back=MappingProxyType(
            {option: record(Hold, hold) for option, hold in data.get("held_back", {}).items()}
        ),
        plan_made=data.get("plan_made", False),
        district_caps=MappingProxyType(dict(data.get("district_caps", {}))),
        penalty_scale=PenaltyScale(**data["penalty_scale"]) if data.get("penalty_scale") else None,
    )


def _sites(option: dict[str, Any]) -> dict[str, Any]:
    return {"sites": tuple(Site(**site) for site in option["sites"])} if "sites" in option else {}


def canonical(value: Any) -> str:
    """The JSON a digest is taken of: keys sorted, no spaces."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def digest(data: dict[str, Any], made: Mapping[str, str] | None = None) -> str:
    """The SHA-256 of `canonical(data)`; `made`, the canonical JSON of some of its values already
    written (a run digests its problem's options twice: for the plan, and in its snapshot)."""
    if not made:
        return hashlib.sha256(canonical(data).encode()).hexdigest()
    text = ",".join(
        f"{canonical(name)}:{made[name] if name in made else canonical(value)}"
        for name, value in sorted(data.items())
    )
    return hashlib.sha256(f"{{{text}}}".encode()).hexdigest()
