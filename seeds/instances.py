"""Seeded synthetic matching problems at county, region and national size (for `make bench` and the
matcher's tests, which import it from here: nothing imports the benchmarks).

The county uses the real West Sussex towns, so nearly every option is within reach of nearly
everyone. Region and nation scatter towns over a wider synthetic map, sized so that each young
person has about 25-30 eligible options, as a regional or national service would.
"""

import math
import random
from dataclasses import dataclass
from datetime import date, timedelta

from housing.rules import bedrooms_needed
from matching import Link, Option, Preference, Problem, YoungPerson
from seeds.reference import PLACES

AS_OF = date(2026, 11, 23)
ROUTES = ("register_vacancy", "supported_accommodation", "supported_lodgings", "staying_put")


@dataclass(frozen=True)
class Town:
    name: str
    lat: float
    lon: float
    district: str | None


@dataclass(frozen=True)
class Size:
    name: str
    people: int
    places: int  # options (each one place, capacity 1) — "2,000 places"
    towns: int  # 0: the real West Sussex towns
    box: tuple[float, float, float, float]  # lat and lon bounds of the synthetic map
    reach_km: float
    link_spread_km: float


COUNTY = Size("county", 600, 2_000, 0, (0, 0, 0, 0), 80.0, 0.0)
REGION = Size("region", 10_000, 30_000, 2_000, (50.5, 52.5, -2.5, 1.0), 6.5, 3.5)
NATIONAL = Size("national", 60_000, 150_000, 10_000, (50.0, 56.0, -4.0, 2.0), 6.5, 3.5)
SIZES = {size.name: size for size in (COUNTY, REGION, NATIONAL)}


def towns(size: Size, rng: random.Random) -> list[Town]:
    if size.towns == 0:
        return [Town(name, lat, lon, district) for name, district, lat, lon in PLACES]
    lat0, lat1, lon0, lon1 = size.box
    out = []
    for n in range(size.towns):
        lat, lon = rng.uniform(lat0, lat1), rng.uniform(lon0, lon1)
        # Districts are 0.3° cells: about 30 km across, like a district council.
        out.append(Town(f"town-{n}", lat, lon, f"d{int((lat - lat0) / 0.3)}-{int((lon - lon0) / 0.4)}"))
    return out


def nearby(town: Town, all_towns: list[Town], km: float, rng: random.Random, grid: dict) -> Town:
    if km == 0:
        return rng.choice(all_towns)
    cell = (int(town.lat / 0.2), int(town.lon / 0.3))
    candidates = [
        t
        for dlat in (-1, 0, 1)
        for dlon in (-1, 0, 1)
        for t in grid.get((cell[0] + dlat, cell[1] + dlon), ())
        if math.dist((t.lat * 111, t.lon * 70), (town.lat * 111, town.lon * 70)) <= km
    ]
    return rng.choice(candidates or [town])


def due(age: int, deadline: date, rng: random.Random) -> dict:
    """Under 18 the pathway by 17½; at 18, or with a move date (a third of the older), a move."""
    if age < 18:
        return {"due_date": deadline, "due": "pathway", "due_tier": due_tier("pathway", deadline)}
    if age == 18 or rng.random() < 0.35:
        moving = AS_OF + timedelta(days=rng.randrange(-60, 240))
        return {"due_date": moving, "due": "move", "due_tier": due_tier("move", moving)}
    return {"due_date": None, "due": None, "due_tier": "none"}


def due_tier(kind: str | None, due_date: date | None, as_of: date = AS_OF) -> str:
    """The tier of what is due, as the service gives it (contract v1.2, "Tiers of what is due"),
    for these generated young people, whose due date is their move date when they have one."""
    if due_date is None:
        return "none"
    if kind == "move" and due_date <= as_of + timedelta(days=28):
        return "move_now"
    if due_date < as_of:
        return "overdue"
    return "soon" if due_date <= as_of + timedelta(days=90) else "later"


def generate(size: Size, seed: int = 2026) -> Problem:
    rng = random.Random(seed)
    places = towns(size, rng)
    grid: dict[tuple[int, int], list[Town]] = {}
    for town in places:
        grid.setdefault((int(town.lat / 0.2), int(town.lon / 0.3)), []).append(town)
    people = []
    for n in range(size.people):
        home = rng.choice(places)
        age = rng.choice([16, 17, 17, 18, 18, 19, 20, 21, 22, 24])
        links = tuple(
            Link(kind, t.name, t.lat, t.lon, rng.randint(1, 3))
            for kind in rng.sample(["family", "college", "work", "friends", "health"], rng.randint(1, 4))
            for t in [nearby(home, places, size.link_spread_km, rng, grid)]
        )
        deadline = AS_OF + timedelta(days=rng.randrange(-60, 500))
        applied = {home.district} if home.district else set()
        if rng.random() < 0.3:
            applied.add(nearby(home, places, 30, rng, grid).district)
        people.append(
            YoungPerson(
                id=f"yp-{n}",
                age=age,
                need_date=AS_OF + timedelta(days=rng.randrange(0, 240)),
                pathway_deadline=deadline,
                support_level=rng.choices(["low", "medium", "high"], [35, 45, 20])[0],
                step_free=rng.random() < 0.05,
                wheelchair=rng.random() < 0.02,
                children=(children := rng.choice([1, 2]) if rng.random() < 0.07 else 0),
                bedrooms_needed=bedrooms_needed(children),
                uasc=rng.random() < 0.18,
                immigration="leave_granted" if rng.random() < 0.9 else "awaiting_decision",
                links=links,
                preferences=(Preference(1, place=home.name),) if rng.random() < 0.5 else (),
                applied_districts=frozenset(d for d in applied if d),
                **due(age, deadline, rng),
            )
        )
    owners = [p for p in people if p.age < 18]
    options = []
    for k in range(size.places):
        town = rng.choice(places)
        route = rng.choices(ROUTES, [45, 30, 15, 10])[0]
        owner = rng.choice(owners) if route == "staying_put" and owners else None
        if owner:
            town = next((t for t in places if t.name == owner.links[0].place), town)
        supported = route in ("supported_accommodation", "supported_lodgings")
        options.append(
            Option(
                id=f"o-{k}",
                route=route,
                place=town.name,
                lat=town.lat,
                lon=town.lon,
                district=town.district,
                remaining=1,
                available_from=AS_OF + timedelta(days=rng.randrange(0, 200)),
                available_until=None,
                min_age=16 if supported or route == "staying_put" else 18,
                max_age=25,
                support_levels=frozenset(
                    ["low", "medium", "high"] if rng.random() < 0.4 else ["low", "medium"]
                ),
                step_free=rng.random() < 0.2,
                wheelchair=rng.random() < 0.05,
                bedrooms=rng.choice([1, 1, 1, 2]),
                accepts_children=rng.random() < 0.3,
                young_person=owner.id if owner else None,
                carer_willing=rng.random() < 0.85 if owner else None,
                registered_16_17=rng.random() < 0.6 if supported else None,
                uasc_specialist=rng.random() < 0.3 if route == "supported_accommodation" else None,
            )
        )
    return Problem(as_of=AS_OF, young_people=tuple(people), options=tuple(options), reach_km=size.reach_km)
