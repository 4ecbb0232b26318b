"""Why each proposal, and why not the alternatives; why each unmatched young person is unmatched.

Explanations speak of the young person's own links, preferences and deadline, and of options by
id. They never name, describe or count another young person: a full option is "full", and one
taken by someone more urgent says only that.
"""

from typing import Any

import numpy as np

from matching.candidates import Screened
from matching.encode import Encoded
from matching.geo import haversine_km
from matching.problem import Problem
from matching.ragged import expand, group_starts
from matching.rules import MEANING, RULES
from matching.solution import Candidates, Proposal, Unmatched

ALTERNATIVES = 3


def proposals(p: Problem, e: Encoded, c: Candidates, chosen: np.ndarray) -> list[Proposal]:
    arcs = np.flatnonzero(chosen)
    used = np.bincount(c.option[arcs], minlength=e.n_options)
    full = used >= c.capacity
    urgent_in = np.zeros(e.n_options, bool)
    urgent_in[c.option[arcs[c.urgent[c.person[arcs]]]]] = True
    by_person = np.lexsort((c.option, c.cost, c.person))
    starts = group_starts(c.person[by_person], e.n_people)
    link_km = _link_distances(e, c.person[arcs], c.option[arcs])

    out = []
    for n, arc in enumerate(arcs):
        i, k = int(c.person[arc]), int(c.option[arc])
        person, option, cost = p.young_people[i], p.options[k], int(c.cost[arc])
        alternatives = []
        for alt in by_person[starts[i] : starts[i + 1]]:
            if alt == arc:
                continue
            alternatives.append(
                _alternative(
                    p, c, int(alt), cost=cost, full=full, urgent_in=urgent_in, urgent=bool(c.urgent[i])
                )
            )
            if len(alternatives) == ALTERNATIVES:
                break
        kms = link_km[n]
        explanation = {
            "links": [
                {"kind": link.kind, "place": link.place, "importance": link.importance, "distance_km": km}
                for link, km in zip(person.links, kms, strict=True)
            ],
            "preference_rank": int(c.preference_rank[arc]) or None,
            "pathway_deadline": person.pathway_deadline.isoformat(),
            "days_to_deadline": int(e.days_to_deadline[i]),
            "urgent": bool(c.urgent[i]),
            "cost_breakdown": {name: int(part[arc]) for name, part in c.parts.items()} | {"total": cost},
            "alternatives": alternatives,
        }
        out.append(Proposal(person.id, option.id, option.route, option.place, cost, explanation))
    return out


def _alternative(
    p: Problem, c: Candidates, alt: int, *, cost: int, full: np.ndarray, urgent_in: np.ndarray, urgent: bool
) -> dict[str, Any]:
    k, alt_cost = int(c.option[alt]), int(c.cost[alt])
    difference = alt_cost - cost
    if full[k] and urgent_in[k] and not urgent:
        why = "full: its places went to young people whose deadlines are more urgent"
    elif full[k]:
        why = f"full: its places went to others; costs {difference} more for this young person"
    elif difference > 0:
        why = f"costs {difference} more"
    elif difference == 0:
        why = "costs the same: an equal choice"
    else:
        why = f"costs {-difference} less, but the solver's answer was not proven optimal"
    return {"option": p.options[k].id, "cost": alt_cost, "why_not": why}


def _link_distances(e: Encoded, person: np.ndarray, option: np.ndarray) -> list[list[float]]:
    counts = np.diff(e.link_start)[person]
    row, link = expand(e.link_start[person], counts)
    loc = e.loc[option[row]]
    km = np.round(haversine_km(e.link_lat[link], e.link_lon[link], e.loc_lat[loc], e.loc_lon[loc]), 1)
    return [part.tolist() for part in np.split(km, np.cumsum(counts)[:-1])] if len(counts) else []


def unmatched(p: Problem, e: Encoded, c: Candidates, s: Screened, chosen: np.ndarray) -> list[Unmatched]:
    matched = np.zeros(e.n_people, bool)
    matched[c.person[chosen]] = True
    left_out = np.flatnonzero(~matched)
    if len(left_out) == 0:
        return []
    among = ~matched[s.person]
    person, broken = s.person[among], s.failures[among]
    by_rule = {
        code: np.bincount(person, weights=(broken >> bit) & 1, minlength=e.n_people).astype(np.int64)
        for bit, (code, _) in enumerate(RULES)
    }
    eligible = np.bincount(c.person, minlength=e.n_people)
    out = []
    for i in left_out:
        reasons = []
        beyond = e.n_options - int(s.within_reach[i])
        if e.n_options == 0:
            reasons.append({"code": "NO_OPTIONS", "count": 0, "detail": "there are no options to match"})
        if beyond:
            reasons.append({"code": "REACH", "count": beyond, "detail": f"{beyond} {MEANING['REACH']}"})
        for code, counts in by_rule.items():
            if counts[i]:
                reasons.append(
                    {"code": code, "count": int(counts[i]), "detail": f"{counts[i]} {MEANING[code]}"}
                )
        if eligible[i]:
            reasons.append(
                {
                    "code": "COMPETITION",
                    "count": int(eligible[i]),
                    "detail": f"every one of the {eligible[i]} eligible options went to others",
                }
            )
        reasons.sort(key=lambda reason: -reason["count"])
        out.append(Unmatched(p.young_people[i].id, int(c.penalty[i]), reasons))
    return out
