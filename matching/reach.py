"""REACH, found with a spatial index: which places each young person can reach.

A place is within reach of a young person when it lies within `reach_km` of at least one of
their local links, or when they named it (or its district) in a preference; someone with no links
reaches everywhere. A k-d tree over the places finds the places near each link location, so no
pair of young person and place is tested unless it is close; the result is per place, so options
at one place share it.
"""

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.spatial import cKDTree

from matching.encode import Encoded
from matching.geo import chord, haversine_km, unit_vectors
from matching.ragged import ragged_arange

SLACK = 1.0 + 1e-9  # the k-d tree's chord test is widened a hair; great-circle distance decides


def reachable_places(e: Encoded, reach_km: float) -> csr_matrix:
    """A boolean (young people × places) matrix of the places each young person can reach."""
    n_people, n_locs = e.n_people, len(e.loc_lat)
    if n_people == 0 or n_locs == 0:
        return csr_matrix((n_people, n_locs), dtype=bool)
    parts = [_near_links(e, reach_km), _named_in_preferences(e), _everywhere_without_links(e)]
    total = parts[0]
    for part in parts[1:]:
        total = total + part
    total = total.tocsr()
    total.data[:] = True
    total.sort_indices()
    return total.astype(bool)


def _near_links(e: Encoded, reach_km: float) -> csr_matrix:
    n_people, n_locs = e.n_people, len(e.loc_lat)
    if len(e.link_lat) == 0:
        return csr_matrix((n_people, n_locs), dtype=np.int32)
    # Links at one spot (a college, a town centre) are looked up once.
    spots, spot_of_link = np.unique(np.column_stack((e.link_lat, e.link_lon)), axis=0, return_inverse=True)
    spot_of_link = spot_of_link.ravel()
    near = cKDTree(unit_vectors(spots[:, 0], spots[:, 1])).sparse_distance_matrix(
        cKDTree(unit_vectors(e.loc_lat, e.loc_lon)), chord(reach_km) * SLACK, output_type="coo_matrix"
    )
    km = haversine_km(spots[near.row, 0], spots[near.row, 1], e.loc_lat[near.col], e.loc_lon[near.col])
    keep = km <= reach_km
    spot_place = coo_matrix(
        (np.ones(keep.sum(), np.int32), (near.row[keep], near.col[keep])), shape=(len(spots), n_locs)
    ).tocsr()
    person_spot = coo_matrix(
        (np.ones(len(spot_of_link), np.int32), (e.link_person, spot_of_link)), shape=(n_people, len(spots))
    ).tocsr()
    return person_spot @ spot_place


def _named_in_preferences(e: Encoded) -> csr_matrix:
    n_people, n_locs = e.n_people, len(e.loc_lat)
    rows, cols = [], []
    for criterion, loc_value in ((e.pref_name, e.loc_name), (e.pref_district, e.loc_district)):
        named = criterion >= 0
        person, value = e.pref_person[named], criterion[named]
        # Pair each such preference with every place whose name (or district) it gives.
        order = np.argsort(loc_value, kind="stable")
        lo = np.searchsorted(loc_value[order], value, side="left")
        hi = np.searchsorted(loc_value[order], value, side="right")
        counts = hi - lo
        rows.append(np.repeat(person, counts))
        starts = np.repeat(lo, counts)
        cols.append(order[starts + ragged_arange(counts)])
    row, col = np.concatenate(rows), np.concatenate(cols)
    return coo_matrix((np.ones(len(row), np.int32), (row, col)), shape=(n_people, n_locs)).tocsr()


def _everywhere_without_links(e: Encoded) -> csr_matrix:
    n_people, n_locs = e.n_people, len(e.loc_lat)
    linkless = np.flatnonzero(np.diff(e.link_start) == 0)
    row = np.repeat(linkless, n_locs)
    col = np.tile(np.arange(n_locs), len(linkless))
    return coo_matrix((np.ones(len(row), np.int32), (row, col)), shape=(n_people, n_locs)).tocsr()
