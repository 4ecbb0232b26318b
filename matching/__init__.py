"""The matcher: an exact min-cost-flow assignment of young people to housing options.

Plain data in, plain data out; no web framework, no database.

    from matching import solve, Problem, YoungPerson, Option, Link, Preference
    solution = solve(Problem(as_of=date(2026, 11, 23), young_people=(...), options=(...)))

In: a `Problem` — `as_of`; `young_people` (each with need date, age on it, 17½ deadline, what is
due and when, support level, needs and the bedrooms they need, local links with coordinates and
importance, ranked preferences, the districts whose registers they applied to); `options` (route,
place and coordinates, district, remaining capacity, availability, ages, support levels, access,
bedrooms, each route's own fields, and the sites where its homes may be);
`rejected` pairs; `reach_km`; `urgent_days`; `penalty_scale` (a part of a wider problem, solved
alone, keeps the wider one's penalties: `penalty_scale(published(wider))`); `held_back` (option
id → `Hold(places, from_month)`: places closed to tiers later and none); `plan_made` (the run
made a plan of the coming months: each young person's `planned` is the option it agrees for them
now, none if it has them wait).
Each young person carries `due_tier`, one of `vocabulary.DUE_TIERS`, computed by the service.
Names (routes, support levels, settled statuses, tiers) are spelled as in `vocabulary.py`.

Out: a `Solution` — `status` (optimal | feasible | infeasible), `objective` (Σ arc costs + Σ
published penalties of the unmatched), `proposals` (young person, option, cost, explanation),
`unmatched` (penalty and reasons), `urgent_matched`, `tier_matched`, `candidates` (the published
problem: every allowed arc and its integer cost, the penalties, the capacities, tiers and holds)
and `timings_ms`.

The proposals are lexicographically optimal (contract v1.2, "Who is served first";
`tiered.py`): the most of each tier matched in turn, then the least cost of move_now's, overdue's
and soon's proposals in turn, then the fewest departures from the plan's first month (where the
run made one), then Σ arc costs + Σ penalties; each young person on at most one
arc, each option within its remaining places, held places closed to tiers later and none.
Proposals and the unmatched are listed soonest due first. `checker.check` verifies any solution
independently.
"""

from matching.penalties import scale_of as penalty_scale
from matching.problem import Link, Option, PenaltyScale, Preference, Problem, Site, YoungPerson
from matching.solution import Candidates, Proposal, Solution, Unmatched
from matching.solve import published, solve

__all__ = [
    "Candidates",
    "Link",
    "Option",
    "PenaltyScale",
    "Preference",
    "Problem",
    "Proposal",
    "Site",
    "Solution",
    "Unmatched",
    "YoungPerson",
    "penalty_scale",
    "published",
    "solve",
]
