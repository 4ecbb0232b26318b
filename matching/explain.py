"""Why each proposal, and why not the alternatives; why each unmatched young person is unmatched.

Explanations speak of the young person's own links, preferences and what is due, and of options
by id. They never name, describe or count another young person: a full option is "full", one
taken by someone of a more due tier says only that, and a place held back from tiers later and
none says the month it is held for (contract v1.2). Proposals and the unmatched are listed soonest due
first, those with nothing due last (api-contract v1.1, "Due first").
"""

from datetime import date

import numpy as np

from matching.candidates import Screened
from matching.commitments import held_back_by_cap
from matching.costs import link_origins
from matching.encode import Encoded
from matching.geo import haversine_km
from matching.problem import Option, Problem, YoungPerson
from matching.ragged import expand, group_starts
from matching.refusals import refused
from matching.rules import MEANING, scheme_need
from matching.solution import HOLDABLE, Candidates, Proposal, Unmatched
from matching.vocabulary import DUE_TIERS, REGISTER_VACANCY

ALTERNATIVES = 3


def why_not(code: int, difference: int) -> str:
    """Why an alternative was not proposed, from the case `_alternatives` found and the cost gap."""
    if code == URGENT_TOOK_IT:
        return "full: its places went to young people who are due sooner"
    if code == COMMITMENT_REACHED:
        return "its council's yearly commitment of homes for care leavers is used up in this run"
    if difference > 0:
        gap = f"it costs {difference} more here"
    elif difference == 0:
        gap = "it would cost the same here"
    else:
        gap = f"it costs {-difference} less here"
    if code == OTHERS_TOOK_IT:
        return f"full: its places went to others, keeping more links overall; {gap}"
    return gap if difference >= 0 else f"{gap}, but the solver's answer was not proven optimal"


URGENT_TOOK_IT, OTHERS_TOOK_IT, HAS_ROOM, COMMITMENT_REACHED = 0, 1, 2, 3
# `why_not` as a code, for pages that word it themselves.
WHY_NOT_CODES = {
    URGENT_TOOK_IT: "taken_by_more_urgent",
    OTHERS_TOOK_IT: "taken_by_others",
    COMMITMENT_REACHED: "commitment_reached",
}


def _gap_code(difference: int) -> str:
    if difference > 0:
        return "costs_more"
    return "costs_the_same" if difference == 0 else "costs_less_not_proven_optimal"


def soonest_due_first(e: Encoded, person: np.ndarray) -> np.ndarray:
    """The order that lists young people soonest due first, nothing due last, then as given."""
    return np.lexsort((person, e.days_to_due[person], ~e.has_due[person]))


def proposals(p: Problem, e: Encoded, c: Candidates, chosen: np.ndarray) -> list[Proposal]:
    arcs = np.flatnonzero(chosen)
    arcs = arcs[soonest_due_first(e, c.person[arcs])]
    person = c.person[arcs]
    alternative, why = _alternatives(e, c, arcs)
    link_km = _link_distances(e, person, c.option[arcs])
    option = c.option[arcs]
    cost = c.cost[arcs]
    alternatives = _alternative_lists(p, e, c, cost, alternative=alternative, why=why)
    # Plain lists: the loop below builds dictionaries, and numpy scalars are slow to index one by one.
    parts = [part[arcs].tolist() for part in c.parts.values()]
    names = list(c.parts)
    breakdowns = [dict(zip(names, values, strict=True)) for values in zip(*parts, strict=True)]
    out = []
    for i, k, total, rank, days, days_to_due, urgent, km, breakdown, others in zip(
        person.tolist(), option.tolist(), cost.tolist(), c.preference_rank[arcs].tolist(),
        e.days_to_deadline[person].tolist(), e.days_to_due[person].tolist(), c.urgent[person].tolist(),
        link_km, breakdowns, alternatives, strict=True,
    ):  # fmt: skip
        record, chosen = p.young_people[i], p.options[k]
        breakdown["total"] = total
        explanation = {
            "links": [
                {"kind": link.kind, "place": link.place, "importance": link.importance, "distance_km": d}
                for link, d in zip(record.links, km, strict=True)
            ],
            "preference_rank": rank or None,
            "pathway_deadline": record.pathway_deadline.isoformat(),
            "days_to_deadline": days,
            "due": record.due,
            "due_date": record.due_date.isoformat() if record.due_date else None,
            "days_to_due": days_to_due if record.due_date else None,
            "urgent": urgent,
            "due_tier": record.due_tier,
            "cost_breakdown": breakdown,
            "alternatives": others,
        }
        if chosen.route == REGISTER_VACANCY:
            explanation["bedrooms"] = bedrooms_line(record, chosen)
        out.append(Proposal(record.id, chosen.id, chosen.route, chosen.place, total, explanation))
    return out


def bedrooms_line(person: YoungPerson, option: Option) -> dict:
    """BEDROOMS in the explanation: what the council's standard gives this household, and by which rule."""
    return {
        "needed": scheme_need(option.scheme_bedrooms, person.children, person.bedrooms_needed),
        "offered": option.bedrooms,
        "children": person.children,
        "by": "district_standard" if option.scheme_bedrooms else "service_need",
        "larger_allowed": option.larger_homes_allowed,
    }


def _alternative_lists(
    p: Problem, e: Encoded, c: Candidates, cost: np.ndarray, *, alternative: np.ndarray, why: np.ndarray
) -> list[list[dict]]:
    """Each proposal's alternatives as the explanation lists them: option, cost, why not (in words
    and as a code), and the alternative's distances to the same links and the preference it meets,
    so that a page can say "6 km further from family" or "their second choice" without re-solving."""
    row, slot = np.nonzero(alternative >= 0)
    arc = alternative[row, slot]
    alt_cost = c.cost[arc]
    alt_km = _link_distances(e, c.person[arc], c.option[arc])
    entries = [
        {
            "option": p.options[k].id, "cost": alt, "why_not": why_not(code, gap),
            "why_not_code": WHY_NOT_CODES[code] if code != HAS_ROOM else _gap_code(gap),
            "link_distances_km": km, "preference_rank": rank or None,
        }
        for k, alt, code, gap, km, rank in zip(
            c.option[arc].tolist(), alt_cost.tolist(), why[row, slot].tolist(),
            (alt_cost - cost[row]).tolist(), alt_km, c.preference_rank[arc].tolist(), strict=True,
        )
    ]  # fmt: skip
    counts = np.bincount(row, minlength=len(cost))
    ends = np.cumsum(counts)
    return [entries[a:b] for a, b in zip((ends - counts).tolist(), ends.tolist(), strict=True)]


def _alternatives(e: Encoded, c: Candidates, arcs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each proposal's next-best arcs (up to three, -1 for none) and why each was not chosen.

    A young person's arcs are sorted by cost; the chosen one is among the first four unless the
    solver's answer is not optimal, so the first four positions, less the chosen arc, suffice.
    """
    by_person = c.by_person_then_cost()
    starts = group_starts(c.person[by_person], e.n_people)
    person = c.person[arcs]
    position = starts[person][:, None] + np.arange(ALTERNATIVES + 1)
    inside = position < starts[person + 1][:, None]
    candidate = np.where(inside, by_person[np.minimum(position, max(c.size - 1, 0))], -1)
    candidate[candidate == arcs[:, None]] = -1
    # Keep the first three real alternatives of each row, in order.
    order = np.argsort(candidate < 0, axis=1, kind="stable")
    alternative = np.take_along_axis(candidate, order, axis=1)[:, :ALTERNATIVES]

    used = np.bincount(c.option[arcs], minlength=e.n_options)
    full = used >= c.capacity
    # The most due tier holding a place in each option (a smaller index is more due).
    tier = c.tiers
    most_due_in = np.full(e.n_options, len(DUE_TIERS), np.int64)
    np.minimum.at(most_due_in, c.option[arcs], tier[person])
    k = c.option[np.maximum(alternative, 0)]
    limited, _ = held_back_by_cap(c, _chosen(c, arcs))
    why = np.select(
        [full[k] & (most_due_in[k] < tier[person][:, None]), full[k], limited[k]],
        [URGENT_TOOK_IT, OTHERS_TOOK_IT, COMMITMENT_REACHED],
        default=HAS_ROOM,
    )
    return alternative, why


def _chosen(c: Candidates, arcs: np.ndarray) -> np.ndarray:
    chosen = np.zeros(c.size, bool)
    chosen[arcs] = True
    return chosen


def _link_distances(e: Encoded, person: np.ndarray, option: np.ndarray) -> list[list[float]]:
    counts = np.diff(e.link_start)[person]
    row, link = expand(e.link_start[person], counts)
    lat, lon = link_origins(e, person, option)  # the option's place, or its site nearest the links
    km = np.round(haversine_km(e.link_lat[link], e.link_lon[link], lat[row], lon[row]), 1)
    flat, ends = km.tolist(), np.cumsum(counts).tolist()  # slices of one list: no array per proposal
    return [flat[a:b] for a, b in zip([0, *ends][:-1], ends, strict=True)]


def unmatched(p: Problem, e: Encoded, c: Candidates, s: Screened, chosen: np.ndarray) -> list[Unmatched]:
    matched = np.zeros(e.n_people, bool)
    matched[c.person[chosen]] = True
    left_out = np.flatnonzero(~matched)
    left_out = left_out[soonest_due_first(e, left_out)]
    if len(left_out) == 0:
        return []
    by_rule = refused(e, s.reach, left_out)
    eligible = np.bincount(c.person, minlength=e.n_people)
    held_lost, held_from = _lost_to_holds(e, c, chosen)
    limited = _lost_to_commitments(e, c, chosen)
    out = []
    for i in left_out:
        reasons = []
        beyond = e.n_options - int(s.within_reach[i])
        if e.n_options == 0:
            reasons.append({"code": "NO_OPTIONS", "count": 0, "detail": "there are no options to match"})
        if beyond:
            reasons.append(
                {"code": "REACH", "count": beyond, "detail": f"{beyond} options: {MEANING['REACH']}"}
            )
        for code, counts in by_rule.items():
            if counts[i]:
                reasons.append(
                    {"code": code, "count": int(counts[i]), "detail": f"{counts[i]} {MEANING[code]}"}
                )
        if held_lost[i]:
            month = date.fromordinal(int(held_from[i])).strftime("%B %Y")
            reasons.append(
                {
                    "code": "HELD",
                    "count": int(held_lost[i]),
                    "detail": f"held for someone due sooner, from {month}",
                }
            )
        for district, n in limited.get(int(i), {}).items():
            reasons.append({
                "code": "COMMITMENT", "count": n, "district": district,
                "detail": f"{n} council homes had room, but the council gave all the homes it committed "
                "to care leavers this year in this run",
            })  # fmt: skip
        lost = int(held_lost[i]) + sum(limited.get(int(i), {}).values())
        if eligible[i] > lost:
            taken = int(eligible[i] - lost)
            reasons.append(
                {
                    "code": "COMPETITION",
                    "count": taken,
                    "detail": f"every one of the {taken} eligible options went to others",
                }
            )
        reasons.sort(key=lambda reason: -reason["count"])
        out.append(Unmatched(p.young_people[i].id, int(c.penalty[i]), reasons))
    return out


def _lost_to_commitments(e: Encoded, c: Candidates, chosen: np.ndarray) -> dict[int, dict[str, int]]:
    """Per young person left out (by index), per district: how many of their options had room that
    their council's limit kept from them (`Problem.district_caps`)."""
    _, blocked = held_back_by_cap(c, chosen)
    if not blocked.any():
        return {}
    matched = np.zeros(e.n_people, bool)
    matched[c.person[chosen]] = True
    out: dict[int, dict[str, int]] = {}
    for arc in np.flatnonzero(blocked & ~matched[c.person]):
        i, district = int(c.person[arc]), c.cap_district[c.cap_groups[c.option[arc]]]
        out.setdefault(i, {}).setdefault(district, 0)
        out[i][district] += 1
    return out


def _lost_to_holds(e: Encoded, c: Candidates, chosen: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per young person of tier later or none: how many of their options had a place left that a
    hold kept from them, and the soonest month those holds are for (contract v1.2)."""
    placed_holdable = chosen & HOLDABLE[c.tiers[c.person]]
    used = np.bincount(c.option[chosen], minlength=e.n_options)
    used_holdable = np.bincount(c.option[placed_holdable], minlength=e.n_options)
    held = c.held_places
    only_a_hold = (used < c.capacity) & (used_holdable >= c.capacity - held) & (held > 0)
    lost = HOLDABLE[c.tiers[c.person]] & only_a_hold[c.option]
    count = np.bincount(c.person[lost], minlength=e.n_people)
    soonest = np.full(e.n_people, np.iinfo(np.int64).max)
    np.minimum.at(soonest, c.person[lost], e.held_from[c.option[lost]])
    return count, soonest
