"""What a run's page reads first, worked out as the run is stored and kept with it (issue 34).

The page shows the run's fairness figures and, beside each young person left unmatched, the
districts where an application would open a vacancy within reach. Worked out from the stored
snapshot when first read they took 2.5–2.9 s at ten times the county (the snapshot parsed twice,
the problem published again); here the problem, its arcs and the assignment are still in memory,
so they cost a tenth of that, and the page's first view reads them as kept, as later views did.
The advice is kept for the first page of the unmatched (most due first); a later page's is worked
out when that page is first read (`housing.reads.run_review`).
"""

from collections.abc import Sequence
from dataclasses import asdict

import matching
from housing import unmatched_advice
from housing.models import MatchingRun
from housing.reads import fairness
from housing.reads.matching_input import InScope

FIRST_PAGE = 50  # the unmatched young people a run's page shows first


def keep(
    record: MatchingRun, problem: matching.Problem, solution: matching.Solution, people: Sequence[InScope]
) -> None:
    """Set the run's fairness and its first page's unmatched advice (the run's id must be set)."""
    chosen = [(p.young_person, p.option) for p in solution.proposals]
    homes = {person.id: person.home_district for person in people}
    record.fairness = asdict(fairness.figures(record.id, problem, solution.candidates, chosen, homes))
    first = [u.young_person for u in solution.unmatched[:FIRST_PAGE]]
    found = unmatched_advice.districts_to_apply(problem, first)
    record.unmatched_advice = {person: found.get(person, []) for person in first}
