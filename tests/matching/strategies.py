"""Hypothesis strategies for random matching problems small enough to brute-force."""

from dataclasses import replace
from datetime import date, timedelta
from types import MappingProxyType

import numpy as np
from hypothesis import strategies as st

from housing.rules import bedrooms_needed
from matching import Candidates, Link, Option, Preference, Problem, YoungPerson
from matching.problem import Hold
from matching.solution import plan_costs
from matching.vocabulary import DUE_TIERS, ROUTES, SUPPORT_LEVELS
from seeds.instances import due_tier as bench_due_tier
from tests.matching.instances import AS_OF, TOWNS

PLACES = sorted(TOWNS)
DISTRICTS = sorted({d for _, _, d in TOWNS.values() if d})
LEVELS = list(SUPPORT_LEVELS)
HELD_FROM = date(2027, 3, 1)
IMMIGRATION = ["not_applicable", "awaiting_decision", "leave_granted", "appeal_rights_exhausted"]


def usually(value, *others):
    """`value` three times in four, else any of `others`: most instances then have arcs to choose among."""
    return st.one_of(st.just(value), st.just(value), st.just(value), st.sampled_from([value, *others]))


def rarely():
    return usually(False, True)


# Due dates cluster around the urgent line (90 days) so urgent and non-urgent compete closely;
# one in six or so has nothing due, and competes with a penalty that may sit below arc costs.
deadlines = st.sampled_from([-30, 60, 89, 90, 91, 120]) | st.integers(-200, 400)
due_dates = st.tuples(deadlines, st.sampled_from(["pathway", "move"])).map(
    lambda drawn: (AS_OF + timedelta(days=drawn[0]), drawn[1])
)
dues = st.one_of(due_dates, due_dates, due_dates, due_dates, due_dates, st.just((None, None)))


def tier_of(drawn: tuple) -> str:
    """The tier the service would give (contract v1.2), taking the due date as their date for a move."""
    due_date, kind = drawn
    return bench_due_tier(kind, due_date, AS_OF)


# Mostly the tier the due date gives; now and then any tier at all (the matcher takes the tier it
# is given and derives none), so that every tier meets every kind of penalty.
def tiered_dues():
    return dues.flatmap(
        lambda drawn: usually(tier_of(drawn), *DUE_TIERS).map(
            lambda tier: {"due_date": drawn[0], "due": drawn[1], "due_tier": tier}
        )
    )


def days(low: int, high: int):
    return st.integers(low, high).map(lambda n: AS_OF + timedelta(days=n))


links = st.builds(
    lambda place, importance, kind: Link(kind, place, TOWNS[place][0], TOWNS[place][1], importance),
    st.sampled_from(PLACES),
    st.integers(1, 3),
    st.sampled_from(["college", "family", "work"]),
)


@st.composite
def preferences(draw):
    ranks = draw(st.lists(st.integers(1, 4), unique=True, max_size=3))
    out = []
    for rank in ranks:
        route = draw(st.none() | st.sampled_from(ROUTES))
        place = draw(st.none() | st.sampled_from(PLACES))
        district = draw(st.none() | st.sampled_from(DISTRICTS))
        if route is place is district is None:
            place = PLACES[0]
        out.append(Preference(rank, route, place, district))
    return tuple(out)


def family(children: int) -> dict[str, int]:
    """Children and the bedrooms they need, as the service gives them to the matcher."""
    return {"children": children, "bedrooms_needed": bedrooms_needed(children)}


@st.composite
def young_people(draw, n: int):
    out = []
    for i in range(n):
        out.append(
            YoungPerson(
                id=f"yp{i}",
                age=draw(usually(18, 15, 16, 17, 19, 20, 21, 22, 24, 25, 26)),
                need_date=draw(days(0, 120)),
                pathway_deadline=AS_OF + timedelta(days=draw(deadlines)),
                **draw(tiered_dues()),
                support_level=draw(st.sampled_from(LEVELS)),
                step_free=draw(rarely()),
                wheelchair=draw(rarely()),
                **family(draw(usually(0, 0, 0, 1, 2, 3))),
                uasc=draw(st.booleans()),
                immigration=draw(usually(*IMMIGRATION)),
                avoid_places=frozenset(draw(st.lists(st.sampled_from(PLACES), max_size=1)))
                if draw(rarely())
                else frozenset(),
                avoid_districts=frozenset(draw(st.lists(st.sampled_from(DISTRICTS), max_size=1)))
                if draw(rarely())
                else frozenset(),
                links=tuple(draw(st.lists(links, max_size=3))),
                preferences=draw(preferences()),
                applied_districts=frozenset(DISTRICTS)
                if draw(st.booleans())
                else frozenset(draw(st.lists(st.sampled_from(DISTRICTS), max_size=3))),
            )
        )
    return out


@st.composite
def options(draw, n: int, owners: list[str]):
    out = []
    for k in range(n):
        route = draw(st.sampled_from(ROUTES))
        place = draw(st.sampled_from(PLACES))
        lat, lon, district = TOWNS[place]
        start = AS_OF + timedelta(days=draw(usually(0, -30, 80, 90, 150)))
        min_age = draw(usually(16, 15, 17, 18, 19, 20))
        out.append(
            Option(
                id=f"o{k}",
                route=route,
                place=place,
                lat=lat,
                lon=lon,
                district=district,
                remaining=draw(usually(1, 2, 3, 50, 0)),
                available_from=start,
                available_until=None
                if draw(usually(True, False))
                else start + timedelta(days=draw(st.integers(0, 200))),
                min_age=min_age,
                max_age=draw(usually(25, *range(min_age, 27))),
                support_levels=frozenset(LEVELS)
                if draw(usually(True, False))
                else frozenset(draw(st.lists(st.sampled_from(LEVELS), min_size=1, unique=True))),
                step_free=draw(st.booleans()),
                wheelchair=draw(st.booleans()),
                bedrooms=draw(st.sampled_from([2, 1, 3, 0])),
                accepts_children=draw(usually(True, False)),
                young_person=draw(st.sampled_from([*owners, "someone-else"]))
                if route == "staying_put"
                else None,
                carer_willing=draw(usually(True, False)) if route == "staying_put" else None,
                registered_16_17=draw(usually(True, False))
                if route in ("supported_lodgings", "supported_accommodation")
                else None,
                uasc_specialist=draw(rarely()) if route == "supported_accommodation" else None,
            )
        )
    return out


@st.composite
def problems(draw, max_people: int = 5, max_options: int = 6):
    people = draw(young_people(draw(usually(max_people, *range(max_people)))))
    opts = draw(options(draw(usually(max_options, *range(max_options))), [p.id for p in people]))
    pairs = [(p.id, o.id) for p in people for o in opts]
    rejected = frozenset(draw(st.lists(st.sampled_from(pairs), max_size=3))) if pairs else frozenset()
    held = draw(st.lists(st.sampled_from([o.id for o in opts]), max_size=2, unique=True)) if opts else []
    ids = [None, *(o.id for o in opts)]  # the plan of the coming months: an option for now, or wait
    people = [replace(p, planned=draw(st.sampled_from(ids))) for p in people]
    return Problem(
        plan_made=draw(st.booleans()),
        as_of=AS_OF,
        young_people=tuple(people),
        options=tuple(opts),
        rejected=rejected,
        reach_km=draw(st.sampled_from([30.0, 80.0])),
        held_back=MappingProxyType({o: Hold(draw(st.integers(1, 3)), HELD_FROM) for o in held}),
        # Half the time, councils whose remaining commitment limits what their register may give.
        district_caps=MappingProxyType(
            draw(st.dictionaries(st.sampled_from(DISTRICTS), st.integers(0, 2), max_size=2))
            if draw(st.booleans())
            else {}
        ),
    )


@st.composite
def candidates(draw) -> Candidates:
    """Random published problems with few distinct costs, so that ties and full options abound."""
    n_people, n_options = draw(st.integers(1, 7)), draw(st.integers(1, 5))
    pairs = draw(
        st.lists(st.tuples(st.integers(0, n_people - 1), st.integers(0, n_options - 1)), unique=True)
    )
    person = np.array([p for p, _ in pairs], dtype=np.int64)
    option = np.array([o for _, o in pairs], dtype=np.int64)
    cost = np.array(
        draw(st.lists(st.sampled_from([-5, 0, 3, 3, 7, 10]), min_size=len(pairs), max_size=len(pairs))),
        dtype=np.int64,
    )
    penalty = np.array(
        draw(st.lists(st.sampled_from([0, 4, 10, 12, 1000]), min_size=n_people, max_size=n_people)),
        dtype=np.int64,
    )
    capacity = np.array(
        draw(st.lists(st.integers(0, 2), min_size=n_options, max_size=n_options)), dtype=np.int64
    )
    return Candidates(
        person=person,
        option=option,
        cost=cost,
        parts={"links": cost},
        preference_rank=np.zeros(len(pairs), dtype=np.int64),
        penalty=penalty,
        capacity=capacity,
        urgent=penalty >= 1000,
    )  # fmt: skip


@st.composite
def tiered_candidates(draw) -> Candidates:
    """`candidates` with tiers (few people, five tiers: many alike), half the time places held,
    half the time a plan of the coming months (an agreement for now for some young people), and half
    the time councils' limits on some options (`Problem.district_caps`)."""
    c = draw(candidates())
    tier = draw(
        st.lists(st.integers(0, len(DUE_TIERS) - 1), min_size=len(c.penalty), max_size=len(c.penalty))
    )
    held = draw(st.lists(st.integers(0, 2), min_size=len(c.capacity), max_size=len(c.capacity)))
    tier = np.array(tier, np.int64)
    first_arc = np.unique(c.person, return_index=True)[1]
    planned = np.zeros(c.size, bool)
    planned[first_arc[draw(st.lists(st.booleans(), min_size=len(first_arc), max_size=len(first_arc)))]] = True
    # as `candidates.build` makes them: no agreement for now of someone of tier none above their penalty
    planned &= (tier[c.person] < len(DUE_TIERS) - 1) | (c.cost < c.base_penalty[c.person])
    plan = plan_costs(c.person, planned, len(c.penalty)) if draw(st.booleans()) else None
    c = replace(c, tier=tier, held=np.array(held, np.int64) * draw(st.booleans()), plan_cost=plan)
    if draw(st.booleans()):  # two councils' limits, on some of the options
        group = draw(st.lists(st.integers(-1, 1), min_size=len(c.capacity), max_size=len(c.capacity)))
        limit = draw(st.lists(st.integers(0, 2), min_size=2, max_size=2))
        c = replace(c, cap_group=np.array(group, np.int64), cap_limit=np.array(limit, np.int64),
                    cap_district=("a", "b"))  # fmt: skip
    return c
