"""The problem as numpy columns: one array per attribute, names turned into small integers.

Rules and costs then run over whole arrays of (young person, option) pairs at once. Places are
deduplicated twice: by location (name and coordinates) for geometry, so options at one place
share their distances, and by name for the rules that name places (AVOID, preferences).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from matching import collector, options_once
from matching.problem import PenaltyScale, Problem
from matching.vocabulary import DUE_TIERS, ROUTES, SETTLED, SUPPORT_LEVELS

ROUTE = {route: code for code, route in enumerate(ROUTES)}
TIER = {tier: code for code, tier in enumerate(DUE_TIERS)}  # a smaller code is served first
LEVEL_BIT = {level: 1 << i for i, level in enumerate(SUPPORT_LEVELS)}
NO_END = np.iinfo(np.int64).max // 2
NO_DUE = 10**9  # days to due of someone with nothing due: after every due date, far inside int64


class Names:
    """Interns names (or any hashable key) as integers; -1 stands for none."""

    def __init__(self) -> None:
        self.index: dict[object, int] = {}

    def __call__(self, name: object) -> int:
        if name is None:
            return -1
        return self.index.setdefault(name, len(self.index))

    def __len__(self) -> int:
        return len(self.index)


@dataclass
class Encoded:
    n_people: int
    n_options: int
    # young people
    age: np.ndarray
    need: np.ndarray  # need date as an ordinal
    support_bit: np.ndarray
    step_free: np.ndarray
    wheelchair: np.ndarray
    children: np.ndarray
    bedrooms_needed: np.ndarray
    uasc: np.ndarray
    settled: np.ndarray
    days_to_deadline: np.ndarray
    has_due: np.ndarray  # something is due
    days_to_due: np.ndarray  # from as_of; NO_DUE where nothing is
    urgent: np.ndarray
    tier: np.ndarray  # index into DUE_TIERS: 0 move_now … 4 none
    planned: np.ndarray  # the option the plan of the coming months agrees for them now, -1: none
    lives_in: np.ndarray  # the option index they live in now, -1 if none
    # their links, flattened; person i's links are link_*[link_start[i]:link_start[i+1]]
    link_start: np.ndarray
    link_person: np.ndarray
    link_lat: np.ndarray
    link_lon: np.ndarray
    link_importance: np.ndarray
    # their preferences, flattened likewise
    pref_person: np.ndarray
    pref_rank: np.ndarray
    pref_route: np.ndarray
    pref_name: np.ndarray
    pref_district: np.ndarray
    # sets held as sorted integer keys: person * width + member
    applied_keys: np.ndarray
    avoid_district_keys: np.ndarray
    avoid_name_keys: np.ndarray
    rejected_keys: np.ndarray
    # options
    route: np.ndarray
    loc: np.ndarray  # location index (name and coordinates)
    name: np.ndarray  # place-name index
    district: np.ndarray  # district index, -1 out of county
    remaining: np.ndarray
    held: np.ndarray  # places young people of tier later or none may not take (`Problem.held_back`)
    held_from: np.ndarray  # the month the hold is for, as an ordinal; 0 where none
    available_from: np.ndarray
    available_until: np.ndarray
    min_age: np.ndarray
    max_age: np.ndarray
    support_mask: np.ndarray
    o_step_free: np.ndarray
    o_wheelchair: np.ndarray
    bedrooms: np.ndarray
    accepts_children: np.ndarray
    owner: np.ndarray  # staying_put: the young person's index, -1 otherwise
    carer_willing: np.ndarray
    registered: np.ndarray
    uasc_specialist: np.ndarray
    scheme_bedrooms: np.ndarray  # (options × 4): bedrooms for 0, 1, 2, 3+ children; -1: their own need
    larger_homes: np.ndarray
    # options' sites (Option.sites), flattened: option k's are site_*[site_start[k]:site_start[k + 1]]
    site_start: np.ndarray
    site_lat: np.ndarray
    site_lon: np.ndarray
    # locations of options
    loc_lat: np.ndarray
    loc_lon: np.ndarray
    loc_name: np.ndarray
    loc_district: np.ndarray
    n_names: int
    n_districts: int
    plan_made: bool  # the run made a plan of the coming months (`Problem.plan_made`)
    penalty_scale: PenaltyScale | None  # fixed by a wider problem (`Problem.penalty_scale`)


def _column(values: Iterable[object], n: int, dtype: type = np.int64) -> np.ndarray:
    return np.fromiter(values, dtype=dtype, count=n)


def _attributes(records: tuple, columns: dict[str, str], dtype: type) -> dict[str, np.ndarray]:
    """Columns copied as they are ({attribute: column}, two or more): one C-level getter a record."""
    rows = np.array(list(map(attrgetter(*columns), records)), dtype=dtype).reshape(len(records), len(columns))
    return {name: np.ascontiguousarray(rows[:, j]) for j, name in enumerate(columns.values())}


SCHEME_COLUMNS = 4  # households with 0, 1, 2, and 3 or more children


def _scheme_bedrooms(options: tuple) -> np.ndarray:
    """Each option's district bedroom standard as a row; -1 where it keeps the young person's need."""
    table = np.full((len(options), SCHEME_COLUMNS), -1, dtype=np.int64)
    for k, option in enumerate(options):
        if option.scheme_bedrooms:
            table[k] = option.scheme_bedrooms[:SCHEME_COLUMNS]
    return table


def encode(problem: Problem) -> Encoded:
    """Columns of the problem. The collector is paused: a national problem is millions of young tuples."""
    with collector.paused():
        return _encode(problem)


def _encode(problem: Problem) -> Encoded:
    """The problem's columns, step by step: options (and their places), young people, their links,
    their preferences, then the sets each young person holds (as sorted integer keys)."""
    ids = _Ids(problem)
    names = (ids.names, ids.districts, ids.locations)
    option_columns = options_once.columns(
        problem.options, names,
        lambda: (made := _option_columns(problem, ids)) | _location_columns(ids.locations, made)
        | _site_columns(problem.options),
    )  # fmt: skip
    option_columns["owner"] = _column(  # the one column that reads the young people
        (ids.person.get(x.young_person, -1) if x.young_person else -1 for x in problem.options),
        len(problem.options),
    )
    option_columns |= _held_columns(problem, ids)
    return Encoded(
        n_people=len(problem.young_people),
        n_options=len(problem.options),
        **_person_columns(problem, ids),
        **_link_columns(problem.young_people),
        **_preference_columns(problem.young_people, ids),
        **_set_keys(problem, ids),
        **option_columns,
        n_names=max(len(ids.names), 1),
        n_districts=max(len(ids.districts), 1),
        plan_made=problem.plan_made,
        penalty_scale=problem.penalty_scale,
    )


class _Ids:
    """The problem's ids by position, and the names interned as it is read (options first, so that
    location indices are exactly the places options stand in)."""

    def __init__(self, problem: Problem) -> None:
        self.person = {p.id: i for i, p in enumerate(problem.young_people)}
        self.option = {o.id: k for k, o in enumerate(problem.options)}
        self.names, self.districts, self.locations = Names(), Names(), Names()
        self.masks: dict[frozenset[str], int] = {}  # few distinct sets of support levels: sum each once

    def support_mask(self, levels: frozenset[str]) -> int:
        if levels not in self.masks:
            self.masks[levels] = sum(LEVEL_BIT.get(level, 0) for level in levels)
        return self.masks[levels]


def _option_columns(problem: Problem, ids: _Ids) -> dict[str, np.ndarray]:
    options, n = problem.options, len(problem.options)

    def ints(values: Iterable[object]) -> np.ndarray:
        return _column(values, n)

    def flags(values: Iterable[object]) -> np.ndarray:
        return _column(values, n, bool)

    return {
        "loc": ints(ids.locations((x.place, x.lat, x.lon)) for x in options),
        "name": ints(ids.names(x.place) for x in options),
        "district": ints(ids.districts(x.district) for x in options),
        "route": ints(ROUTE[x.route] for x in options),
        "available_from": ints(x.available_from.toordinal() for x in options),
        "available_until": ints(
            x.available_until.toordinal() if x.available_until else NO_END for x in options
        ),
        "support_mask": ints(ids.support_mask(x.support_levels) for x in options),
        "carer_willing": flags(bool(x.carer_willing) for x in options),
        "registered": flags(bool(x.registered_16_17) for x in options),
        "uasc_specialist": flags(bool(x.uasc_specialist) for x in options),
        "scheme_bedrooms": _scheme_bedrooms(options),
        "larger_homes": flags(x.larger_homes_allowed for x in options),
        **_attributes(options, {"remaining": "remaining", "min_age": "min_age", "max_age": "max_age",
                                "bedrooms": "bedrooms"}, np.int64),
        **_attributes(options, {"step_free": "o_step_free", "wheelchair": "o_wheelchair",
                                "accepts_children": "accepts_children"}, bool),
    }  # fmt: skip


def _held_columns(problem: Problem, ids: _Ids) -> dict[str, np.ndarray]:
    """The plan's holds (`Problem.held_back`), apart from the options' other columns: a run's
    problem is the problem it planned with, its holds added, and its options are encoded once."""
    n = len(problem.options)
    held = np.zeros(n, dtype=np.int64)
    held_from = np.zeros(n, dtype=np.int64)
    for option_id, hold in problem.held_back.items():
        if (k := ids.option.get(option_id)) is not None:
            held[k], held_from[k] = max(hold.places, 0), hold.from_month.toordinal()
    return {"held": held, "held_from": held_from}


def _site_columns(options: tuple) -> dict[str, np.ndarray]:
    """Where each option's homes may be, when it has sites (a House Project cohort's towns)."""
    sites = np.array([(site.lat, site.lon) for x in options for site in x.sites], dtype=np.float64)
    sites = sites.reshape(-1, 2)
    counts = _column((len(x.sites) for x in options), len(options))
    return {
        "site_start": np.concatenate(([0], np.cumsum(counts))).astype(np.int64),
        "site_lat": np.ascontiguousarray(sites[:, 0]),
        "site_lon": np.ascontiguousarray(sites[:, 1]),
    }


def _location_columns(locations: Names, option_columns: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Each place options stand in: its coordinates, its name and its district."""
    n_locs = len(locations)
    loc_lat, loc_lon = np.zeros(n_locs), np.zeros(n_locs)
    loc_name, loc_district = np.zeros(n_locs, np.int64), np.zeros(n_locs, np.int64)
    for (_place, lat, lon), index in locations.index.items():
        loc_lat[index], loc_lon[index] = lat, lon
    loc = option_columns["loc"]
    loc_name[loc], loc_district[loc] = option_columns["name"], option_columns["district"]
    return {"loc_lat": loc_lat, "loc_lon": loc_lon, "loc_name": loc_name, "loc_district": loc_district}


def _person_columns(problem: Problem, ids: _Ids) -> dict[str, np.ndarray]:
    people, n = problem.young_people, len(problem.young_people)
    as_of = problem.as_of.toordinal()

    def of_people(values: Iterable[object], dtype: type = np.int64) -> np.ndarray:
        return _column(values, n, dtype)

    return {
        "need": of_people(x.need_date.toordinal() for x in people),
        "support_bit": of_people(LEVEL_BIT.get(x.support_level, 0) for x in people),
        "settled": of_people((x.immigration in SETTLED for x in people), bool),
        "days_to_deadline": of_people(x.pathway_deadline.toordinal() - as_of for x in people),
        "has_due": of_people((x.due_date is not None for x in people), bool),
        "days_to_due": of_people(x.due_date.toordinal() - as_of if x.due_date else NO_DUE for x in people),
        "urgent": of_people((problem.is_urgent(x) for x in people), bool),
        "tier": of_people(TIER[x.due_tier] for x in people),
        "lives_in": of_people(ids.option.get(x.lives_in, -1) if x.lives_in else -1 for x in people),
        "planned": of_people(ids.option.get(x.planned, -1) if x.planned else -1 for x in people),
        "link_start": np.concatenate(([0], np.cumsum(of_people(len(x.links) for x in people)))),
        **_attributes(
            people, {"age": "age", "children": "children", "bedrooms_needed": "bedrooms_needed"}, np.int64
        ),
        **_attributes(people, {"step_free": "step_free", "wheelchair": "wheelchair", "uasc": "uasc"}, bool),
    }


def _link_columns(people: tuple) -> dict[str, np.ndarray]:
    """Every young person's links, flattened in young-person order."""
    links = [(i, link) for i, x in enumerate(people) for link in x.links]
    columns = np.array([(link.lat, link.lon, link.importance) for _, link in links], dtype=np.float64)
    columns = columns.reshape(len(links), 3).T
    return {
        "link_person": np.array([i for i, _ in links], dtype=np.int64),
        "link_lat": columns[0],
        "link_lon": columns[1],
        "link_importance": columns[2].astype(np.int64),
    }


def _preference_columns(people: tuple, ids: _Ids) -> dict[str, np.ndarray]:
    """Every ranked preference, flattened; an unknown route is -2, a field left open -1."""
    prefs = [(i, pref) for i, x in enumerate(people) for pref in x.preferences]
    n = len(prefs)
    return {
        "pref_person": _column((i for i, _ in prefs), n),
        "pref_rank": _column((pref.rank for _, pref in prefs), n),
        "pref_route": _column((ROUTE.get(pref.route, -2) if pref.route else -1 for _, pref in prefs), n),
        "pref_name": _column((ids.names(pref.place) for _, pref in prefs), n),
        "pref_district": _column((ids.districts(pref.district) for _, pref in prefs), n),
    }


def _set_keys(problem: Problem, ids: _Ids) -> dict[str, np.ndarray]:
    """The sets each young person holds, as sorted keys person * width + member (names interned last,
    after the options and preferences, so the widths are final)."""
    people = problem.young_people
    avoid_names = [(i, ids.names(place)) for i, x in enumerate(people) for place in x.avoid_places]
    applied = [(i, ids.districts(d)) for i, x in enumerate(people) for d in x.applied_districts]
    avoid_districts = [(i, ids.districts(d)) for i, x in enumerate(people) for d in x.avoid_districts]
    width_names, width_districts = max(len(ids.names), 1), max(len(ids.districts), 1)
    rejected = [
        (ids.person[pid], ids.option[oid])
        for pid, oid in problem.rejected
        if pid in ids.person and oid in ids.option
    ]

    def keys(pairs: list[tuple[int, int]], width: int) -> np.ndarray:
        return np.unique(np.array([i * width + m for i, m in pairs if m >= 0], dtype=np.int64))

    return {
        "applied_keys": keys(applied, width_districts),
        "avoid_district_keys": keys(avoid_districts, width_districts),
        "avoid_name_keys": keys(avoid_names, width_names),
        "rejected_keys": keys(rejected, max(len(problem.options), 1)),
    }
