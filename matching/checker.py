"""An independent checker: re-validates any solution from the raw problem, one pair at a time.

It shares no code with the vectorised rules, the spatial index or the cost arrays, nor with the
service's rules: what it needs (bedrooms needed, route names) is the problem's own data. Only the
weights are common, since they define the problem. It also recomputes each unmatched young
person's penalty from their due date and links and the published arcs (whose set and costs it
checks first), and that the lists run soonest due first. Tests run it on every solve.
"""

import math
from collections import Counter
from datetime import timedelta

from matching import weights
from matching.problem import Option, Problem, YoungPerson
from matching.solution import Solution
from matching.tier_proof import kept_pass_overs, tier_problems
from matching.vocabulary import REGISTER_VACANCY, SETTLED, STAYING_PUT, SUPPORTED_ROUTES, TENANCY_ROUTES

EARTH_RADIUS_KM = 6371.0088


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(max(a, 0.0), 1.0)))


def within_reach(problem: Problem, person: YoungPerson, option: Option) -> bool:
    if not person.links:
        return True
    if any(
        distance_km(link.lat, link.lon, option.lat, option.lon) <= problem.reach_km for link in person.links
    ):
        return True
    return any(
        pref.place == option.place or (pref.district is not None and pref.district == option.district)
        for pref in person.preferences
    )


def _access_ok(person: YoungPerson, option: Option) -> bool:
    if person.wheelchair and not option.wheelchair:
        return False
    return not person.step_free or option.step_free or option.wheelchair


def _available_ok(person: YoungPerson, option: Option) -> bool:
    need = person.need_date
    if option.available_from > need + timedelta(days=28):
        return False
    return option.available_until is None or option.available_until >= need


def _children_ok(person: YoungPerson, option: Option) -> bool:
    return person.children == 0 or (option.accepts_children and option.bedrooms >= person.bedrooms_needed)


def _bedrooms_ok(person: YoungPerson, option: Option) -> bool:
    """BEDROOMS, stated afresh: the standard's row for their household, or their own need."""
    if option.route != REGISTER_VACANCY:
        return True
    if option.scheme_bedrooms:
        need = option.scheme_bedrooms[min(person.children, len(option.scheme_bedrooms) - 1)]
    else:
        need = person.bedrooms_needed
    return option.bedrooms >= need and (option.larger_homes_allowed or option.bedrooms == need)


def _avoid_ok(person: YoungPerson, option: Option) -> bool:
    if option.place in person.avoid_places:
        return False
    return option.district is None or option.district not in person.avoid_districts


# Each hard rule as a plain predicate on one pair: (problem, young person, option) → allowed.
CHECKS = (
    ("AGE", lambda _pr, p, o: o.min_age <= p.age <= o.max_age),
    (
        "STAYING_PUT",
        lambda _pr, p, o: o.route != STAYING_PUT or (o.young_person == p.id and o.carer_willing),
    ),
    ("SUPPORT", lambda _pr, p, o: p.support_level in o.support_levels),
    ("ACCESS", lambda _pr, p, o: _access_ok(p, o)),
    ("CHILDREN", lambda _pr, p, o: _children_ok(p, o)),
    ("BEDROOMS", lambda _pr, p, o: _bedrooms_ok(p, o)),
    ("IMMIGRATION", lambda _pr, p, o: o.route not in TENANCY_ROUTES or p.immigration in SETTLED),
    ("APPLIED", lambda _pr, p, o: o.route != REGISTER_VACANCY or o.district in p.applied_districts),
    ("SPECIALIST", lambda _pr, p, o: not o.uasc_specialist or p.uasc),
    ("AVOID", lambda _pr, p, o: _avoid_ok(p, o)),
    ("AVAILABLE", lambda _pr, p, o: _available_ok(p, o)),
    (
        "REGISTERED",
        lambda _pr, p, o: o.route not in SUPPORTED_ROUTES or p.age >= 18 or bool(o.registered_16_17),
    ),
    ("REACH", within_reach),
    ("REJECTED", lambda pr, p, o: (p.id, o.id) not in pr.rejected),
    ("CAPACITY", lambda _pr, _p, o: o.remaining > 0),
)


def broken_rules(problem: Problem, person: YoungPerson, option: Option) -> list[str]:
    """Every hard rule the pair breaks, by code."""
    return [code for code, allowed in CHECKS if not allowed(problem, person, option)]


def _link_points(person: YoungPerson, lat: float, lon: float) -> float:
    return sum(
        link.importance
        * weights.LINK_POINTS
        * (km := distance_km(link.lat, link.lon, lat, lon))
        / (km + weights.LINK_HALF_KM)
        for link in person.links
    )


def cost(person: YoungPerson, option: Option) -> int:
    """The arc's integer cost, recomputed from the weights; links from the nearest site, if it has sites."""
    origins = [(site.lat, site.lon) for site in option.sites] or [(option.lat, option.lon)]
    links = min(_link_points(person, lat, lon) for lat, lon in origins)
    ranks = [
        pref.rank
        for pref in person.preferences
        if (pref.route is None or pref.route == option.route)
        and (pref.place is None or pref.place == option.place)
        and (pref.district is None or pref.district == option.district)
    ]
    preference = 0
    if ranks:
        preference = weights.PREFERENCE_POINTS.get(min(ranks), weights.LATER_PREFERENCE_POINTS)
    out_of_county = weights.OUT_OF_COUNTY_POINTS if option.district is None else 0
    staying_put = weights.STAYING_PUT_POINTS if option.route == STAYING_PUT else 0
    continuity = weights.CONTINUITY_POINTS if option.id == person.lives_in else 0
    return sum(round(points * weights.SCALE) for points in (links, out_of_county)) - sum(
        round(points * weights.SCALE) for points in (preference, staying_put, continuity)
    )


def allowed_pairs(problem: Problem) -> set[tuple[str, str]]:
    """Every (young person, option) pair the hard rules allow, by brute force."""
    return {
        (person.id, option.id)
        for person in problem.young_people
        for option in problem.options
        if not broken_rules(problem, person, option)
    }


def due_key(problem: Problem, person: YoungPerson) -> tuple[int, int]:
    """Soonest due first, nothing due last."""
    if person.due_date is None:
        return (1, 0)
    return (0, (person.due_date - problem.as_of).days)


def urgent(problem: Problem, person: YoungPerson) -> bool:
    return person.due_date is not None and (person.due_date - problem.as_of).days <= problem.urgent_days


def penalties(problem: Problem, arc_costs: dict[tuple[str, str], int]) -> dict[str, int]:
    """Each young person's published penalty: the base below, and v1.1's premium for the urgent."""
    base, big = base_penalties(problem, arc_costs)
    return {p.id: base[p.id] + (big if urgent(problem, p) else 0) for p in problem.young_people}


def base_penalties(problem: Problem, arc_costs: dict[tuple[str, str], int]) -> tuple[dict[str, int], int]:
    """Each young person's penalty without the premium, recomputed from their due date, their links
    and the arcs' costs; and the premium BIG."""
    scale = problem.penalty_scale  # a part of a wider problem keeps the wider one's
    floor = max(scale.floor if scale else max(arc_costs.values(), default=0) + 1, 1)
    by_person: dict[str, list[int]] = {}
    for (person_id, _), arc_cost in arc_costs.items():
        by_person.setdefault(person_id, []).append(arc_cost)
    horizon = weights.URGENCY_HORIZON_DAYS
    base = {}
    for person in problem.young_people:
        if person.due_date is None:
            near = weights.NOTHING_DUE_NEAR_KM
            level = sum(
                link.importance * weights.LINK_POINTS * near / (near + weights.LINK_HALF_KM)
                for link in person.links
            )
            base[person.id] = max(round(level * weights.SCALE) - 1, 0)
        else:
            closeness = min(max((horizon - (person.due_date - problem.as_of).days) / horizon, 0.0), 1.0)
            base[person.id] = floor + round(weights.SCALE * weights.URGENCY_POINTS * closeness)
    big = (
        scale.premium
        if scale
        else 1
        + sum(
            max(0, base[person_id] - min(costs)) + max(0, max(costs) - base[person_id])
            for person_id, costs in by_person.items()
        )
    )
    return base, big


def published_costs(problem: Problem, solution: Solution) -> dict[tuple[str, str], int]:
    c = solution.candidates
    people, options = problem.young_people, problem.options
    return {
        (people[i].id, options[k].id): cost
        for i, k, cost in zip(c.person.tolist(), c.option.tolist(), c.cost.tolist(), strict=True)
    }


def check(problem: Problem, solution: Solution) -> list[str]:
    """Every way the solution breaks the problem's rules; empty when it keeps them all."""
    problems = _check_pairs(problem, solution)
    people = {p.id: p for p in problem.young_people}
    options = {o.id: o for o in problem.options}
    # The penalties are recomputed from the published arcs' costs, each checked here first.
    arc_costs = published_costs(problem, solution)
    if set(arc_costs) != allowed_pairs(problem):
        problems.append("the published arcs are not the pairs the hard rules allow")
    problems.extend(
        f"published cost of {person_id} → {option_id} is {arc_cost}"
        for (person_id, option_id), arc_cost in arc_costs.items()
        if abs(arc_cost - cost(people[person_id], options[option_id])) > 1
    )
    penalty = penalties(problem, arc_costs)
    problems.extend(tier_problems(problem, solution, arc_costs, base_penalties(problem, arc_costs)[0]))
    problems.extend(kept_pass_overs(problem, solution))
    for u in solution.unmatched:
        if u.young_person in penalty and u.penalty != penalty[u.young_person]:
            problems.append(f"penalty of {u.young_person} is {u.penalty}, expected {penalty[u.young_person]}")
    for p in solution.proposals:
        person = people.get(p.young_person)
        if (
            person is not None
            and person.due_tier == "none"
            and person.due_date is None
            and p.cost > penalty[person.id]
        ):
            problems.append(f"{person.id} has nothing due and is moved at a cost above their penalty")
    for kind, listed in (("proposals", solution.proposals), ("unmatched", solution.unmatched)):
        keys = [due_key(problem, people[x.young_person]) for x in listed if x.young_person in people]
        if keys != sorted(keys):
            problems.append(f"the {kind} are not listed soonest due first")
    return problems


def capped_district(problem: Problem, option: Option) -> str | None:
    """The district whose commitment limits this option in the run: a register vacancy of a district
    named in `district_caps` (stated afresh here, from the problem alone)."""
    if option.route == REGISTER_VACANCY and option.district in problem.district_caps:
        return option.district
    return None


def commitment_problems(problem: Problem, load: Counter) -> list[str]:
    """No district's register gives more vacancies in the run than its council's limit."""
    options = {o.id: o for o in problem.options}
    given: Counter = Counter()
    for option_id, n in load.items():
        if option_id in options and (district := capped_district(problem, options[option_id])):
            given[district] += n
    return [
        f"COMMITMENT: {district} gives {n} register vacancies, its limit is {problem.district_caps[district]}"
        for district, n in given.items()
        if n > max(problem.district_caps[district], 0)
    ]


def _check_pairs(problem: Problem, solution: Solution) -> list[str]:
    """Each young person once, capacities, the rules and cost of each proposal, the objective."""
    problems: list[str] = []
    people = {p.id: p for p in problem.young_people}
    options = {o.id: o for o in problem.options}
    proposed = Counter(p.young_person for p in solution.proposals)
    left_out = Counter(u.young_person for u in solution.unmatched)
    for person_id in people:
        if proposed[person_id] + left_out[person_id] != 1:
            problems.append(
                f"{person_id} is proposed {proposed[person_id]}× and unmatched {left_out[person_id]}×"
            )
    for unknown in (set(proposed) | set(left_out)) - set(people):
        problems.append(f"{unknown} is not a young person of the problem")
    load = Counter(p.option for p in solution.proposals)
    for option_id, n in load.items():
        if option_id not in options:
            problems.append(f"{option_id} is not an option of the problem")
        elif n > options[option_id].remaining:
            problems.append(
                f"CAPACITY: {option_id} has {n} proposals for {options[option_id].remaining} places"
            )
    problems += commitment_problems(problem, load)
    for proposal in solution.proposals:
        person, option = people.get(proposal.young_person), options.get(proposal.option)
        if person is None or option is None:
            continue
        problems.extend(
            f"{code}: {person.id} → {option.id}" for code in broken_rules(problem, person, option)
        )
        expected = cost(person, option)
        # Summation order differs from the vectorised costs: allow one unit for float rounding.
        if abs(proposal.cost - expected) > 1:
            problems.append(f"cost of {person.id} → {option.id} is {proposal.cost}, expected {expected}")
    objective = sum(p.cost for p in solution.proposals) + sum(u.penalty for u in solution.unmatched)
    if solution.status != "infeasible" and objective != solution.objective:
        problems.append(
            f"objective is {solution.objective}, the proposals and penalties add up to {objective}"
        )
    return problems
