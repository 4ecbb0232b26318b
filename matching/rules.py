"""The hard rules, one named function each, evaluated over whole arrays of pairs.

Each function takes the encoded problem and two index arrays — young person `i` and option `k`
of each pair — and returns True where the pair is allowed. REACH is spatial and lives in
`reach.py`; the codes are the contract's (api-contract.md, *Hard rules*).
"""

from collections.abc import Callable
from datetime import timedelta

import numpy as np

from matching.encode import ROUTE, Encoded
from matching.profiles import PROFILE_RULES, profiles
from matching.vocabulary import (
    REGISTER_VACANCY,
    STAYING_PUT,
    SUPPORTED_ACCOMMODATION,
    SUPPORTED_LODGINGS,
    TENANCY_ROUTES,
)

AVAILABLE_AFTER_NEED = timedelta(days=28).days  # a place free within four weeks of the need date
ADULT = 18

Rule = Callable[[Encoded, np.ndarray, np.ndarray], np.ndarray]


def age(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """AGE: the young person's age on the need date is within the option's range."""
    return (e.min_age[k] <= e.age[i]) & (e.age[i] <= e.max_age[k])


def staying_put(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """STAYING_PUT: only for the carer's own former foster child, and only while the carer is willing."""
    is_staying_put = e.route[k] == ROUTE[STAYING_PUT]
    return ~is_staying_put | ((e.owner[k] == i) & e.carer_willing[k])


def support(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """SUPPORT: the option caters for the young person's level of support."""
    return (e.support_mask[k] & e.support_bit[i]) != 0


def access(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """ACCESS: a wheelchair user needs a wheelchair option; step-free needs step-free or wheelchair."""
    wheelchair_ok = ~e.wheelchair[i] | e.o_wheelchair[k]
    step_free_ok = ~e.step_free[i] | e.o_step_free[k] | e.o_wheelchair[k]
    return wheelchair_ok & step_free_ok


def children(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """CHILDREN: a parent needs an option that accepts children, with the bedrooms they need."""
    return (e.children[i] == 0) | (e.accepts_children[k] & (e.bedrooms[k] >= e.bedrooms_needed[i]))


def scheme_need(standard: tuple[int, ...], children: int, own_need: int) -> int:
    """Bedrooms a district's standard gives a household (0, 1, 2, 3+ children); () keeps their own need."""
    return standard[min(children, len(standard) - 1)] if standard else own_need


def bedrooms(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """BEDROOMS: a council's home only for a household its allocation scheme would house there: at
    least the bedrooms its standard gives them, and more only where the scheme allows larger homes."""
    vacancy = e.route[k] == ROUTE[REGISTER_VACANCY]
    standard = e.scheme_bedrooms[k, np.minimum(e.children[i], e.scheme_bedrooms.shape[1] - 1)]
    need = np.where(standard >= 0, standard, e.bedrooms_needed[i])
    fits = (e.bedrooms[k] >= need) & (e.larger_homes[k] | (e.bedrooms[k] <= need))
    return ~vacancy | fits


def immigration(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """IMMIGRATION: a tenancy (register vacancy, House Project, private rented) needs a settled status;
    for private rented, it is the landlord's right-to-rent check (v1.1)."""
    tenancy = np.isin(e.route[k], [ROUTE[route] for route in TENANCY_ROUTES])
    return ~tenancy | e.settled[i]


def applied(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """APPLIED: a register vacancy only for someone with an active application to that register."""
    vacancy = e.route[k] == ROUTE[REGISTER_VACANCY]
    in_district = e.district[k] >= 0
    return ~vacancy | (in_district & np.isin(i * e.n_districts + e.district[k], e.applied_keys))


def specialist(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """SPECIALIST: a UASC-specialist option only for an unaccompanied asylum-seeking young person."""
    return ~e.uasc_specialist[k] | e.uasc[i]


def avoid(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """AVOID: not a place, nor in a district, the young person must avoid."""
    place_ok = ~np.isin(i * e.n_names + e.name[k], e.avoid_name_keys)
    district_ok = (e.district[k] < 0) | ~np.isin(i * e.n_districts + e.district[k], e.avoid_district_keys)
    return place_ok & district_ok


def available(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """AVAILABLE: free within 28 days of the need date, and not ended before it."""
    need = e.need[i]
    return (e.available_from[k] <= need + AVAILABLE_AFTER_NEED) & (e.available_until[k] >= need)


def registered(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """REGISTERED: under 18 in supported lodgings or accommodation needs Ofsted-registered provision."""
    supported = (e.route[k] == ROUTE[SUPPORTED_LODGINGS]) | (e.route[k] == ROUTE[SUPPORTED_ACCOMMODATION])
    return ~supported | (e.age[i] >= ADULT) | e.registered[k]


def rejected(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """REJECTED: a pair an officer rejected, or a district declined, is never proposed again."""
    return ~np.isin(i * max(e.n_options, 1) + k, e.rejected_keys)


def capacity(e: Encoded, _i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """CAPACITY: an option with no place remaining offers none (the flow keeps the rest within it)."""
    return e.remaining[k] > 0


# In the contract's order; bit b of a pair's failure mask is RULES[b].
RULES: tuple[tuple[str, Rule], ...] = (
    ("AGE", age),
    ("STAYING_PUT", staying_put),
    ("SUPPORT", support),
    ("ACCESS", access),
    ("CHILDREN", children),
    ("BEDROOMS", bedrooms),
    ("IMMIGRATION", immigration),
    ("APPLIED", applied),
    ("SPECIALIST", specialist),
    ("AVOID", avoid),
    ("AVAILABLE", available),
    ("REGISTERED", registered),
    ("REJECTED", rejected),
    ("CAPACITY", capacity),
)

MEANING = {
    "AGE": "outside the option's age range on the need date",
    "STAYING_PUT": "a Staying Put offer for someone else, or the carer is not willing",
    "SUPPORT": "does not cater for their level of support",
    "ACCESS": "not accessible enough for their needs",
    "CHILDREN": "does not take children, or has too few bedrooms",
    "BEDROOMS": "not the size the council's allocation scheme would give them",
    "IMMIGRATION": "a tenancy needs a settled immigration status",
    "APPLIED": "a register vacancy in a district they have not applied to",
    "SPECIALIST": "a UASC-specialist place",
    "AVOID": "in a place or district they must avoid",
    "AVAILABLE": "not available within 28 days of the need date",
    "REGISTERED": "not registered for under-18s",
    "REJECTED": "rejected for them before",
    "CAPACITY": "full before this run",
    "REACH": "beyond reach of every local link and not named in a preference",
}


def failures(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """A bit mask per pair of the rules it breaks (0: allowed): what unmatched reasons count."""
    table = profiles(e, RULES)
    mask = table.broken_bits(i, k) if table else np.zeros(len(i), dtype=np.uint16)
    for bit, (code, rule) in enumerate(RULES):
        if not (table and code in PROFILE_RULES):
            mask |= (~rule(e, i, k)).astype(np.uint16) << np.uint16(bit)
    return mask


def allowed(e: Encoded, i: np.ndarray, k: np.ndarray) -> np.ndarray:
    """The positions of the pairs every rule allows.

    The rules that read only a profile of each side are answered from one table (`profiles.py`);
    the others run one after another on the survivors only, most selective first, so the later
    rules see a fraction of the pairs. Same answer as `failures(...) == 0`, a few times faster.
    """
    table = profiles(e, RULES)
    keep = np.flatnonzero(table.lookup(i, k)) if table else np.arange(len(i))
    for _code, rule in sorted(RULES, key=lambda item: SCREENING_ORDER.index(item[0])):
        if table and _code in PROFILE_RULES:
            continue
        passed = rule(e, i[keep], k[keep])
        if not passed.all():
            keep = keep[passed]
    return keep


# Cheapest and most selective first (measured on the synthetic county and region).
SCREENING_ORDER = ("CAPACITY", "AVAILABLE", "AGE", "APPLIED", "STAYING_PUT", "REGISTERED", "IMMIGRATION",
                   "SUPPORT", "CHILDREN", "BEDROOMS", "ACCESS", "SPECIALIST", "AVOID",
                   "REJECTED")  # fmt: skip
