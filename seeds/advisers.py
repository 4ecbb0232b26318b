"""Synthetic personal advisers and their caseloads, drawn from a stream of their own (never real people).

The county's figures (Ofsted 2024; the self-assessment): about 600 care leavers with a personal
adviser, caseloads of about 25 today against a target of 23, and most advisers starting "not long
before their 18th birthday". So everyone 18 to 25 has an adviser, who started at about 17¾; few
younger do; the established advisers carry about 25 each, and two newly recruited ones carry few,
so the adviser proposals have some room but not enough for everyone past 16½ (nearest 17½ first).
Some adults have a previous adviser in their history, and some young people a brother or sister.
Its own random stream, so the rest of the scenario is drawn exactly as before.
"""

import random
import uuid
from datetime import UTC, date, datetime, time

from housing.lifedates import add_months, age_on
from seeds.reference import PLACES
from seeds.scenario_rows import Scenario

BASES = (
    "Crawley",
    "Worthing",
    "Bognor Regis",
    "Chichester",
    "Horsham",
    "Haywards Heath",
    "Littlehampton",
    "Burgess Hill",
    "Shoreham-by-Sea",
    "East Grinstead",
)
CASELOAD_TODAY = 25  # the county's figure
NEW_ADVISERS = 2  # recruited towards the target of 23: room, but not for everyone
# Share with an adviser today by age band in months (Ofsted: most start not long before 18).
SHARE_BY_MONTHS = ((216, 1.0), (210, 0.8), (204, 0.35), (198, 0.1))
GIVEN = ("Pat", "Lee", "Chris", "Jo", "Sam", "Terry", "Vic", "Frankie", "Mel", "Ash", "Dee", "Kit")
FAMILY = ("Exampleworth", "Specimen", "Fictiva", "Madeupson", "Placeholm", "Notreal")


def add_advisers(out: Scenario, seed: int, scale: float, as_of: date) -> None:
    rng = random.Random(seed * 7919 + 31)
    coords = {name: (lat, lon) for name, _d, lat, lon in PLACES}
    allocated = []
    for person in out.young_people:
        months = _months(person["date_of_birth"], as_of)
        share = next((s for at, s in SHARE_BY_MONTHS if months >= at), 0.0)
        if age_on(person["date_of_birth"], as_of) <= 25 and rng.random() < share:
            allocated.append(person)
    n_established = max(1, round(len(allocated) / CASELOAD_TODAY))
    staff = [
        _adviser(rng, i, BASES[i % len(BASES)])
        for i in range(n_established + max(1, round(NEW_ADVISERS * scale)))
    ]
    out.advisers.extend(staff)
    load = dict.fromkeys((a["id"] for a in staff[:n_established]), 0)
    established = staff[:n_established]
    for person in allocated:
        adviser = _nearest_with_room(rng, established, load, coords[person["current_place"]], coords)
        load[adviser["id"]] += 1
        born, months = person["date_of_birth"], _months(person["date_of_birth"], as_of)
        if months >= 216:  # an adult: an adviser from about 17 3/4 (Ofsted: not long before 18)
            starts = add_months(born, rng.choice((204, 207, 209, 210, 212)))
        else:  # a 16- or 17-year-old who has one: allocated in the last few months, not before 16 1/2
            starts = min(max(add_months(born, 198), add_months(as_of, -rng.randrange(1, 6))), as_of)
        if months >= 228 and rng.random() < 0.1:  # some adults had another adviser before this one
            previous = rng.choice([a for a in established if a is not adviser] or established)
            changed = min(add_months(starts, 12), as_of)
            out.allocations.append(_allocation(rng, person, previous, starts, changed))
            starts = changed
        out.allocations.append(_allocation(rng, person, adviser, starts, None))
    _siblings(out, rng)


def _nearest_with_room(rng, established: list[dict], load: dict, here: tuple, coords: dict) -> dict:
    """The established adviser based nearest where they live who has not passed about 25."""
    nearest = sorted(established, key=lambda a: _km2(coords[a["base"]], here) + rng.random() * 0.02)
    with_room = [a for a in nearest if load[a["id"]] < CASELOAD_TODAY + 2]
    return with_room[0] if with_room else min(established, key=lambda a: load[a["id"]])


def _siblings(out: Scenario, rng: random.Random) -> None:
    """About one in twenty-five young people has a brother or sister in the service, in the same district."""
    by_district: dict[str, list[dict]] = {}
    for person in out.young_people:
        by_district.setdefault(person["home_district"], []).append(person)
    for people in by_district.values():
        for first, second in zip(people[::2], people[1::2], strict=False):
            if rng.random() < 0.04:
                out.siblings.append({"young_person_id": first["id"], "sibling_id": second["id"]})
                out.siblings.append({"young_person_id": second["id"], "sibling_id": first["id"]})


def _adviser(rng: random.Random, i: int, base: str) -> dict:
    return {
        "id": _id(rng),
        "name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}-A{i + 1}",
        "base": base,
        "active": True,
    }


def _allocation(rng: random.Random, person: dict, adviser: dict, starts: date, ends: date | None) -> dict:
    return {
        "id": _id(rng),
        "young_person_id": person["id"],
        "kind": "personal_adviser",
        "officer_id": None,
        "adviser_id": adviser["id"],
        "starts_on": starts,
        "ends_on": ends,
        "allocated_by": "seed",
        "allocated_at": datetime.combine(starts, time(9), UTC),
        "as_proposed": False,
    }


def _months(born: date, as_of: date) -> int:
    months = (as_of.year - born.year) * 12 + as_of.month - born.month
    return months if add_months(born, months) <= as_of else months - 1


def _km2(a: tuple[float, float], b: tuple[float, float]) -> float:
    return (a[0] - b[0]) ** 2 + ((a[1] - b[1]) * 0.63) ** 2


def _id(rng: random.Random) -> str:
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex
