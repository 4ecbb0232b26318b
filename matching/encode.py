"""The problem as numpy columns: one array per attribute, names turned into small integers.

Rules and costs then run over whole arrays of (young person, option) pairs at once. Places are
deduplicated twice: by location (name and coordinates) for geometry, so options at one place
share their distances, and by name for the rules that name places (AVOID, preferences).
"""

import gc
from collections.abc import Iterable
from dataclasses import dataclass
from operator import attrgetter

import numpy as np

from matching.problem import Problem
from matching.vocabulary import ROUTES, SETTLED, SUPPORT_LEVELS

ROUTE = {route: code for code, route in enumerate(ROUTES)}
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


def _column(values: Iterable[object], n: int, dtype: type = np.int64) -> np.ndarray:
    return np.fromiter(values, dtype=dtype, count=n)


def _attributes(records: tuple, columns: dict[str, str], dtype: type) -> dict[str, np.ndarray]:
    """Columns copied as they are ({attribute: column}, two or more): one C-level getter a record."""
    rows = np.array(list(map(attrgetter(*columns), records)), dtype=dtype).reshape(len(records), len(columns))
    return {name: np.ascontiguousarray(rows[:, j]) for j, name in enumerate(columns.values())}


def encode(problem: Problem) -> Encoded:
    """Columns of the problem. The collector is paused: a national problem is millions of young tuples."""
    gc.disable()
    try:
        return _encode(problem)
    finally:
        gc.enable()


def _encode(problem: Problem) -> Encoded:
    people, options = problem.young_people, problem.options
    n_people, n_options = len(people), len(options)
    person_index = {p.id: i for i, p in enumerate(people)}
    option_index = {o.id: k for k, o in enumerate(options)}
    names, districts, locations = Names(), Names(), Names()
    as_of = problem.as_of.toordinal()
    masks: dict[frozenset[str], int] = {}  # few distinct sets of support levels: sum each once

    def support_mask(levels: frozenset[str]) -> int:
        if levels not in masks:
            masks[levels] = sum(LEVEL_BIT.get(level, 0) for level in levels)
        return masks[levels]

    def ints(values: Iterable[object]) -> np.ndarray:
        return _column(values, n_options)

    def flags(values: Iterable[object]) -> np.ndarray:
        return _column(values, n_options, bool)

    # Options first, so location indices are exactly the places options stand in.
    option_columns = {
        "loc": ints(locations((x.place, x.lat, x.lon)) for x in options),
        "name": ints(names(x.place) for x in options),
        "district": ints(districts(x.district) for x in options),
        "route": ints(ROUTE[x.route] for x in options),
        "available_from": ints(x.available_from.toordinal() for x in options),
        "available_until": ints(
            x.available_until.toordinal() if x.available_until else NO_END for x in options
        ),
        "support_mask": ints(support_mask(x.support_levels) for x in options),
        "owner": ints(person_index.get(x.young_person, -1) if x.young_person else -1 for x in options),
        "carer_willing": flags(bool(x.carer_willing) for x in options),
        "registered": flags(bool(x.registered_16_17) for x in options),
        "uasc_specialist": flags(bool(x.uasc_specialist) for x in options),
        **_attributes(options, {"remaining": "remaining", "min_age": "min_age", "max_age": "max_age",
                                "bedrooms": "bedrooms"}, np.int64),
        **_attributes(options, {"step_free": "o_step_free", "wheelchair": "o_wheelchair",
                                "accepts_children": "accepts_children"}, bool),
    }  # fmt: skip
    loc, name, district = option_columns["loc"], option_columns["name"], option_columns["district"]
    n_locs = len(locations)
    loc_lat, loc_lon = np.zeros(n_locs), np.zeros(n_locs)
    loc_name, loc_district = np.zeros(n_locs, np.int64), np.zeros(n_locs, np.int64)
    for (_place, lat, lon), index in locations.index.items():
        loc_lat[index], loc_lon[index] = lat, lon
    loc_name[loc], loc_district[loc] = name, district

    sites = np.array([(site.lat, site.lon) for x in options for site in x.sites], dtype=np.float64)
    sites = sites.reshape(-1, 2)
    site_start = np.concatenate(([0], np.cumsum(ints(len(x.sites) for x in options)))).astype(np.int64)

    def of_people(values: Iterable[object], dtype: type = np.int64) -> np.ndarray:
        return _column(values, n_people, dtype)

    person_columns = {
        "need": of_people(x.need_date.toordinal() for x in people),
        "support_bit": of_people(LEVEL_BIT.get(x.support_level, 0) for x in people),
        "settled": of_people((x.immigration in SETTLED for x in people), bool),
        "days_to_deadline": of_people(x.pathway_deadline.toordinal() - as_of for x in people),
        "has_due": of_people((x.due_date is not None for x in people), bool),
        "days_to_due": of_people(x.due_date.toordinal() - as_of if x.due_date else NO_DUE for x in people),
        "urgent": of_people((problem.is_urgent(x) for x in people), bool),
        "lives_in": of_people(option_index.get(x.lives_in, -1) if x.lives_in else -1 for x in people),
        **_attributes(
            people, {"age": "age", "children": "children", "bedrooms_needed": "bedrooms_needed"}, np.int64
        ),
        **_attributes(people, {"step_free": "step_free", "wheelchair": "wheelchair", "uasc": "uasc"}, bool),
    }
    person_columns["link_start"] = np.concatenate(([0], np.cumsum(of_people(len(x.links) for x in people))))
    links = [(i, link) for i, x in enumerate(people) for link in x.links]
    link_columns = np.array([(link.lat, link.lon, link.importance) for _, link in links], dtype=np.float64)
    link_columns = link_columns.reshape(len(links), 3).T
    prefs = [(i, pref) for i, x in enumerate(people) for pref in x.preferences]
    n_prefs = len(prefs)
    pref_columns = {
        "pref_person": _column((i for i, _ in prefs), n_prefs),
        "pref_rank": _column((pref.rank for _, pref in prefs), n_prefs),
        "pref_route": _column(
            (ROUTE.get(pref.route, -2) if pref.route else -1 for _, pref in prefs), n_prefs
        ),
        "pref_name": _column((names(pref.place) for _, pref in prefs), n_prefs),
        "pref_district": _column((districts(pref.district) for _, pref in prefs), n_prefs),
    }
    avoid_names = [(i, names(place)) for i, x in enumerate(people) for place in x.avoid_places]
    applied = [(i, districts(d)) for i, x in enumerate(people) for d in x.applied_districts]
    avoid_districts = [(i, districts(d)) for i, x in enumerate(people) for d in x.avoid_districts]
    width_names, width_districts = max(len(names), 1), max(len(districts), 1)
    rejected = [
        (person_index[pid], option_index[oid])
        for pid, oid in problem.rejected
        if pid in person_index and oid in option_index
    ]

    def keys(pairs: list[tuple[int, int]], width: int) -> np.ndarray:
        return np.unique(np.array([i * width + m for i, m in pairs if m >= 0], dtype=np.int64))

    return Encoded(
        n_people=n_people,
        n_options=n_options,
        **person_columns,
        link_person=np.array([i for i, _ in links], dtype=np.int64),
        link_lat=link_columns[0],
        link_lon=link_columns[1],
        link_importance=link_columns[2].astype(np.int64),
        **pref_columns,
        applied_keys=keys(applied, width_districts),
        avoid_district_keys=keys(avoid_districts, width_districts),
        avoid_name_keys=keys(avoid_names, width_names),
        rejected_keys=keys(rejected, max(n_options, 1)),
        **option_columns,
        site_start=site_start,
        site_lat=np.ascontiguousarray(sites[:, 0]),
        site_lon=np.ascontiguousarray(sites[:, 1]),
        loc_lat=loc_lat,
        loc_lon=loc_lon,
        loc_name=loc_name,
        loc_district=loc_district,
        n_names=width_names,
        n_districts=width_districts,
    )
