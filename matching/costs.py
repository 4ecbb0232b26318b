"""The cost of each allowed arc, in integer units, from the weights in `weights.py`.

Each part is rounded to whole units on its own and the cost is their sum, so an explanation's
breakdown always adds up to the cost the solver saw.
"""

import numpy as np

from matching import weights
from matching.encode import ROUTE, Encoded
from matching.geo import haversine_km
from matching.ragged import expand, group_starts
from matching.vocabulary import STAYING_PUT

NO_RANK = np.iinfo(np.int64).max


def link_points(km: np.ndarray, importance: np.ndarray) -> np.ndarray:
    """Rises with distance and flattens: keeping the nearest links whole matters most."""
    return importance * weights.LINK_POINTS * km / (km + weights.LINK_HALF_KM)


def units(points: np.ndarray) -> np.ndarray:
    return np.rint(points * weights.SCALE).astype(np.int64)


def links_per_place(e: Encoded, pair_person: np.ndarray, pair_loc: np.ndarray) -> np.ndarray:
    """Importance-weighted link points for each (young person, place) pair: once per place, not per option."""
    per_person = np.diff(e.link_start)
    pair, link = expand(e.link_start[pair_person], per_person[pair_person])
    km = haversine_km(
        e.link_lat[link], e.link_lon[link], e.loc_lat[pair_loc[pair]], e.loc_lon[pair_loc[pair]]
    )
    return np.bincount(pair, weights=link_points(km, e.link_importance[link]), minlength=len(pair_person))


def sited_links(e: Encoded, person: np.ndarray, option: np.ndarray, pair_links: np.ndarray) -> np.ndarray:
    """`pair_links` with each pair whose option has sites measured from the site nearest its links."""
    sited = np.flatnonzero(np.diff(e.site_start)[option] > 0)
    if len(sited) == 0:
        return pair_links
    out = pair_links.copy()
    out[sited] = _nearest_sites(e, person[sited], option[sited])[2]
    return out


def link_origins(e: Encoded, person: np.ndarray, option: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each pair's links are measured from: the option's place, or its site nearest the links."""
    lat, lon = e.loc_lat[e.loc[option]], e.loc_lon[e.loc[option]]
    sited = np.flatnonzero(np.diff(e.site_start)[option] > 0)
    if len(sited):
        lat[sited], lon[sited], _ = _nearest_sites(e, person[sited], option[sited])
    return lat, lon


def _nearest_sites(
    e: Encoded, person: np.ndarray, option: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pair (each option with sites): the site whose link points are fewest (the first listed on
    a tie), as latitude, longitude and those points."""
    pair, site = expand(e.site_start[option], np.diff(e.site_start)[option])
    per_person = np.diff(e.link_start)[person[pair]]
    row, link = expand(e.link_start[person[pair]], per_person)
    km = haversine_km(e.link_lat[link], e.link_lon[link], e.site_lat[site[row]], e.site_lon[site[row]])
    points = np.bincount(row, weights=link_points(km, e.link_importance[link]), minlength=len(pair))
    order = np.lexsort((points, pair))  # stable: the first site listed wins a tie
    first = order[np.searchsorted(pair[order], np.arange(len(person)))]
    return e.site_lat[site[first]], e.site_lon[site[first]], points[first]


def best_preference_rank(e: Encoded, person: np.ndarray, option: np.ndarray) -> np.ndarray:
    """The best (lowest) rank among the young person's preferences that the option meets; 0 if none."""
    starts = group_starts(e.pref_person, e.n_people)
    arc, pref = expand(starts[person], np.diff(starts)[person])
    k = option[arc]
    meets = (
        ((e.pref_route[pref] == -1) | (e.pref_route[pref] == e.route[k]))
        & ((e.pref_name[pref] == -1) | (e.pref_name[pref] == e.name[k]))
        & ((e.pref_district[pref] == -1) | (e.pref_district[pref] == e.district[k]))
    )
    best = np.full(len(person), NO_RANK, dtype=np.int64)
    np.minimum.at(best, arc[meets], e.pref_rank[pref][meets])
    return np.where(best == NO_RANK, 0, best)


def preference_points(rank: np.ndarray) -> np.ndarray:
    table = np.full(max(int(rank.max(initial=0)) + 1, 4), weights.LATER_PREFERENCE_POINTS, dtype=np.float64)
    table[0] = 0
    for r, points in weights.PREFERENCE_POINTS.items():
        table[r] = points
    return table[rank]


def arc_costs(
    e: Encoded, person: np.ndarray, option: np.ndarray, pair_links: np.ndarray
) -> tuple[np.ndarray, dict[str, np.ndarray], np.ndarray]:
    """The integer cost of each arc, its parts, and the preference rank it meets."""
    rank = best_preference_rank(e, person, option)
    parts = {
        "links": units(pair_links),
        "out_of_county": units(weights.OUT_OF_COUNTY_POINTS * (e.district[option] < 0)),
        "preference": -units(preference_points(rank)),
        # The STAYING_PUT rule already admits only the carer's own young person.
        "staying_put": -units(weights.STAYING_PUT_POINTS * (e.route[option] == ROUTE[STAYING_PUT])),
        "continuity": -units(weights.CONTINUITY_POINTS * (e.lives_in[person] == option)),
    }
    return sum(parts.values()), parts, rank
