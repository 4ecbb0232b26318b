"""What an officer could change for a young person the matcher left unmatched.

The run's reasons count the options each rule excluded; the one reason an officer can act on at
once is a missing application: register vacancies within reach that fail no rule but APPLIED.
This re-screens the run's own snapshot for the young people shown (a page at a time), so the
advice is about the same problem the run solved.
"""

from dataclasses import replace

from housing.models import MatchingRun
from matching.candidates import build
from matching.encode import encode
from matching.rules import MEANING, RULES, failures
from matching.screening import within_reach
from matching.snapshot import from_data

__all__ = ["MEANING", "districts_to_apply"]  # MEANING: what each reason says, for the pages

APPLIED_ONLY = 1 << next(bit for bit, (code, _) in enumerate(RULES) if code == "APPLIED")


def districts_to_apply(run: MatchingRun, young_people: list[str]) -> dict[str, list[str]]:
    """Young person id → the districts (slugs) where an application would open a vacancy within reach."""
    problem = from_data(run.snapshot)
    wanted = set(young_people)
    shown = tuple(person for person in problem.young_people if person.id in wanted)
    if not shown or not problem.options:
        return {}
    sub = replace(problem, young_people=shown)
    e = encode(sub)
    _, screened = build(e, sub.reach_km)
    pairs = within_reach(e, screened.reach)
    only_applied = failures(e, pairs.person, pairs.option) == APPLIED_ONLY
    found: dict[str, set[str]] = {}
    for i, k in zip(pairs.person[only_applied].tolist(), pairs.option[only_applied].tolist(), strict=True):
        district = sub.options[k].district
        if district:
            found.setdefault(shown[i].id, set()).add(district)
    return {person: sorted(districts) for person, districts in found.items()}
