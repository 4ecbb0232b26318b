"""Expanding groups without Python loops: the one trick the arc builder leans on."""

import numpy as np


def ragged_arange(counts: np.ndarray) -> np.ndarray:
    """0..c-1 for each count c, concatenated: each element's offset inside its group."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, np.int64)
    ends = np.cumsum(counts)
    return np.arange(total, dtype=np.int64) - np.repeat(ends - counts, counts)


def expand(starts: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups [starts[g], starts[g] + counts[g]): each member's group and its position."""
    group = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    return group, np.repeat(starts, counts) + ragged_arange(counts)


def group_starts(sorted_keys: np.ndarray, n_groups: int) -> np.ndarray:
    """Offsets of each key 0..n_groups-1 in an array sorted by key (length n_groups + 1)."""
    return np.searchsorted(sorted_keys, np.arange(n_groups + 1), side="left").astype(np.int64)
