"""The scenario's one random stream, its ids and its geography helpers."""

import math
import random
import uuid
from datetime import date

from seeds.reference import (
    DISTRICTS,
    PLACES,
)
from seeds.scenario_rows import Scenario


class Draw:
    """The one random stream and the helpers every part of the scenario draws with."""

    def __init__(self, seed: int, scale: float, as_of: date) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.as_of = as_of
        self.out = Scenario()
        self.towns = {slug: [p[0] for p in PLACES if p[1] == slug] for slug, *_ in DISTRICTS}
        self.coords = {p[0]: (p[2], p[3]) for p in PLACES}
        self.bands = {slug: bands for slug, _, _, bands in DISTRICTS}
        self.district_of = {p[0]: p[1] for p in PLACES}

    def id(self) -> str:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4).hex

    def count(self, at_scale_one: int) -> int:
        return max(1, round(at_scale_one * self.scale))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def nearest(self, town: str, among: tuple[str, ...]) -> str:
        lat, lon = self.coords[town]
        return min(among, key=lambda t: math.dist((lat, lon), self.coords[t]))

    def neighbour_district(self, slug: str) -> str:
        town = self.towns[slug][0]
        others = [d for d in self.towns if d != slug]
        return min(others, key=lambda d: math.dist(self.coords[town], self.coords[self.towns[d][0]]))
