"""The problem as numpy columns: one array per attribute, names turned into small integers.

Rules and costs then run over whole arrays of (young person, option) pairs at once. Places are
deduplicated twice: by location (name and coordinates) for geometry, so options at one place
share their distances, and by name for the rules that name places (AVOID, preferences).
"""

from dataclasses import dataclass

import numpy as np

from housing.rules import bedrooms_needed
from matching.problem import SETTLED, SUPPORT_LEVELS, Problem

ROUTES = ("register_vacancy", "staying_put", "supported_lodgings", "supported_accommodation", "house_project")
ROUTE = {route: code for code, route in enumerate(ROUTES)}
LEVEL_BIT = {level: 1 << i for i, level in enumerate(SUPPORT_LEVELS)}
NO_END = np.iinfo(np.int64).max // 2


class Names:
    """Interns names as integers; -1 stands for none."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, name: str | None) -> int:
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


def _array(values: list, dtype: type) -> np.ndarray:
    return np.fromiter(values, dtype=dtype, count=len(values))


def encode(problem: Problem) -> Encoded:
    people, options = problem.young_people, problem.options
    person_index = {p.id: i for i, p in enumerate(people)}
    option_index = {o.id: k for k, o in enumerate(options)}
    names, districts, locations = Names(), Names(), Names()

    # Options first, so location indices are exactly the places options stand in.
    loc = _array([locations(f"{o.place}\0{o.lat!r}\0{o.lon!r}") for o in options], np.int64)
    n_locs = len(locations)
    loc_lat, loc_lon = np.zeros(n_locs), np.zeros(n_locs)
    loc_name, loc_district = np.zeros(n_locs, np.int64), np.zeros(n_locs, np.int64)
    name = _array([names(o.place) for o in options], np.int64)
    district = _array([districts(o.district) for o in options], np.int64)
    loc_lat[loc] = [o.lat for o in options]
    loc_lon[loc] = [o.lon for o in options]
    loc_name[loc], loc_district[loc] = name, district

    links = [(i, link) for i, p in enumerate(people) for link in p.links]
    prefs = [(i, pref) for i, p in enumerate(people) for pref in p.preferences]
    as_of = problem.as_of.toordinal()
    deadline = _array([p.pathway_deadline.toordinal() for p in people], np.int64)

    def keys(pairs: list[tuple[int, int]], width: int) -> np.ndarray:
        return np.unique(np.array([i * width + m for i, m in pairs if m >= 0], dtype=np.int64))

    avoid_names = [(i, names(place)) for i, p in enumerate(people) for place in p.avoid_places]
    pref_name = _array([names(pref.place) for _, pref in prefs], np.int64)
    applied = [(i, districts(d)) for i, p in enumerate(people) for d in p.applied_districts]
    avoid_districts = [(i, districts(d)) for i, p in enumerate(people) for d in p.avoid_districts]
    pref_district = _array([districts(pref.district) for _, pref in prefs], np.int64)
    width_names, width_districts = max(len(names), 1), max(len(districts), 1)

    return Encoded(
        n_people=len(people),
        n_options=len(options),
        age=_array([p.age for p in people], np.int64),
        need=_array([p.need_date.toordinal() for p in people], np.int64),
        support_bit=_array([LEVEL_BIT.get(p.support_level, 0) for p in people], np.int64),
        step_free=_array([p.step_free for p in people], bool),
        wheelchair=_array([p.wheelchair for p in people], bool),
        children=_array([p.children for p in people], np.int64),
        bedrooms_needed=_array([bedrooms_needed(p.children) for p in people], np.int64),
        uasc=_array([p.uasc for p in people], bool),
        settled=_array([p.immigration in SETTLED for p in people], bool),
        days_to_deadline=deadline - as_of,
        urgent=_array([problem.is_urgent(p) for p in people], bool),
        link_start=np.concatenate([[0], np.cumsum([len(p.links) for p in people])]).astype(np.int64),
        link_person=_array([i for i, _ in links], np.int64),
        link_lat=_array([link.lat for _, link in links], np.float64),
        link_lon=_array([link.lon for _, link in links], np.float64),
        link_importance=_array([link.importance for _, link in links], np.int64),
        pref_person=_array([i for i, _ in prefs], np.int64),
        pref_rank=_array([pref.rank for _, pref in prefs], np.int64),
        pref_route=_array([ROUTE.get(pref.route, -2) if pref.route else -1 for _, pref in prefs], np.int64),
        pref_name=pref_name,
        pref_district=pref_district,
        applied_keys=keys(applied, width_districts),
        avoid_district_keys=keys(avoid_districts, width_districts),
        avoid_name_keys=keys(avoid_names, width_names),
        rejected_keys=keys(
            [
                (person_index[pid], option_index[oid])
                for pid, oid in problem.rejected
                if pid in person_index and oid in option_index
            ],
            max(len(options), 1),
        ),
        route=_array([ROUTE[o.route] for o in options], np.int64),
        loc=loc,
        name=name,
        district=district,
        remaining=_array([o.remaining for o in options], np.int64),
        available_from=_array([o.available_from.toordinal() for o in options], np.int64),
        available_until=_array(
            [o.available_until.toordinal() if o.available_until else NO_END for o in options], np.int64
        ),
        min_age=_array([o.min_age for o in options], np.int64),
        max_age=_array([o.max_age for o in options], np.int64),
        support_mask=_array([sum(LEVEL_BIT.get(s, 0) for s in o.support_levels) for o in options], np.int64),
        o_step_free=_array([o.step_free for o in options], bool),
        o_wheelchair=_array([o.wheelchair for o in options], bool),
        bedrooms=_array([o.bedrooms for o in options], np.int64),
        accepts_children=_array([o.accepts_children for o in options], bool),
        owner=_array(
            [person_index.get(o.young_person, -1) if o.young_person else -1 for o in options], np.int64
        ),
        carer_willing=_array([bool(o.carer_willing) for o in options], bool),
        registered=_array([bool(o.registered_16_17) for o in options], bool),
        uasc_specialist=_array([bool(o.uasc_specialist) for o in options], bool),
        loc_lat=loc_lat,
        loc_lon=loc_lon,
        loc_name=loc_name,
        loc_district=loc_district,
        n_names=width_names,
        n_districts=width_districts,
    )
