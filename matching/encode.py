"""The problem as numpy columns: one array per attribute, names turned into small integers.

Rules and costs then run over whole arrays of (young person, option) pairs at once. Places are
deduplicated twice: by location (name and coordinates) for geometry, so options at one place
share their distances, and by name for the rules that name places (AVOID, preferences).
"""

import gc
from dataclasses import dataclass

import numpy as np

from housing.rules import bedrooms_needed
from matching.problem import SETTLED, SUPPORT_LEVELS, Problem

ROUTES = ("register_vacancy", "staying_put", "supported_lodgings", "supported_accommodation", "house_project",
          "private_rented")  # fmt: skip
ROUTE = {route: code for code, route in enumerate(ROUTES)}
LEVEL_BIT = {level: 1 << i for i, level in enumerate(SUPPORT_LEVELS)}
NO_END = np.iinfo(np.int64).max // 2


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
    # locations of options
    loc_lat: np.ndarray
    loc_lon: np.ndarray
    loc_name: np.ndarray
    loc_district: np.ndarray
    n_names: int
    n_districts: int


def _columns(rows: list[tuple], width: int) -> np.ndarray:
    """One Python pass per record, then numpy: the columns of a list of equal-length tuples."""
    return np.array(rows, dtype=np.int64).reshape(len(rows), width).T


def encode(problem: Problem) -> Encoded:
    """Columns of the problem. The collector is paused: a national problem is millions of young tuples."""
    gc.disable()
    try:
        return _encode(problem)
    finally:
        gc.enable()


def _encode(problem: Problem) -> Encoded:
    people, options = problem.young_people, problem.options
    person_index = {p.id: i for i, p in enumerate(people)}
    option_index = {o.id: k for k, o in enumerate(options)}
    names, districts, locations = Names(), Names(), Names()
    as_of = problem.as_of.toordinal()
    settled = SETTLED
    masks: dict[frozenset[str], int] = {}  # few distinct sets of support levels: sum each once

    def support_mask(levels: frozenset[str]) -> int:
        if levels not in masks:
            masks[levels] = sum(LEVEL_BIT.get(level, 0) for level in levels)
        return masks[levels]

    # Options first, so location indices are exactly the places options stand in.
    o = _columns(
        [
            (
                locations((x.place, x.lat, x.lon)), names(x.place), districts(x.district), ROUTE[x.route],
                x.remaining, x.available_from.toordinal(),
                x.available_until.toordinal() if x.available_until else NO_END,
                x.min_age, x.max_age, support_mask(x.support_levels),
                x.step_free, x.wheelchair, x.bedrooms, x.accepts_children,
                person_index.get(x.young_person, -1) if x.young_person else -1,
                bool(x.carer_willing), bool(x.registered_16_17), bool(x.uasc_specialist),
            )
            for x in options
        ],
        18,
    )  # fmt: skip
    loc, name, district = o[0], o[1], o[2]
    n_locs = len(locations)
    loc_lat, loc_lon = np.zeros(n_locs), np.zeros(n_locs)
    loc_name, loc_district = np.zeros(n_locs, np.int64), np.zeros(n_locs, np.int64)
    for (_place, lat, lon), index in locations.index.items():
        loc_lat[index], loc_lon[index] = lat, lon
    loc_name[loc], loc_district[loc] = name, district

    p = _columns(
        [
            (
                x.age, x.need_date.toordinal(), LEVEL_BIT.get(x.support_level, 0), x.step_free, x.wheelchair,
                x.children, bedrooms_needed(x.children), x.uasc, x.immigration in settled,
                x.pathway_deadline.toordinal() - as_of, problem.is_urgent(x), len(x.links),
                option_index.get(x.lives_in, -1) if x.lives_in else -1,
            )
            for x in people
        ],
        13,
    )  # fmt: skip
    links = [(i, link) for i, x in enumerate(people) for link in x.links]
    link_columns = np.array([(link.lat, link.lon, link.importance) for _, link in links], dtype=np.float64)
    link_columns = link_columns.reshape(len(links), 3).T
    prefs = _columns(
        [
            (i, pref.rank, ROUTE.get(pref.route, -2) if pref.route else -1, names(pref.place),
             districts(pref.district))
            for i, x in enumerate(people)
            for pref in x.preferences
        ],
        5,
    )  # fmt: skip
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
        n_people=len(people),
        n_options=len(options),
        age=p[0],
        need=p[1],
        support_bit=p[2],
        step_free=p[3].astype(bool),
        wheelchair=p[4].astype(bool),
        children=p[5],
        bedrooms_needed=p[6],
        uasc=p[7].astype(bool),
        settled=p[8].astype(bool),
        days_to_deadline=p[9],
        urgent=p[10].astype(bool),
        lives_in=p[12],
        link_start=np.concatenate([[0], np.cumsum(p[11])]).astype(np.int64),
        link_person=np.array([i for i, _ in links], dtype=np.int64),
        link_lat=link_columns[0],
        link_lon=link_columns[1],
        link_importance=link_columns[2].astype(np.int64),
        pref_person=prefs[0],
        pref_rank=prefs[1],
        pref_route=prefs[2],
        pref_name=prefs[3],
        pref_district=prefs[4],
        applied_keys=keys(applied, width_districts),
        avoid_district_keys=keys(avoid_districts, width_districts),
        avoid_name_keys=keys(avoid_names, width_names),
        rejected_keys=keys(rejected, max(len(options), 1)),
        route=o[3],
        loc=loc,
        name=name,
        district=district,
        remaining=o[4],
        available_from=o[5],
        available_until=o[6],
        min_age=o[7],
        max_age=o[8],
        support_mask=o[9],
        o_step_free=o[10].astype(bool),
        o_wheelchair=o[11].astype(bool),
        bedrooms=o[12],
        accepts_children=o[13].astype(bool),
        owner=o[14],
        carer_willing=o[15].astype(bool),
        registered=o[16].astype(bool),
        uasc_specialist=o[17].astype(bool),
        loc_lat=loc_lat,
        loc_lon=loc_lon,
        loc_name=loc_name,
        loc_district=loc_district,
        n_names=width_names,
        n_districts=width_districts,
    )
