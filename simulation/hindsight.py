"""Hindsight: the whole year known in advance, solved as one flow over place-months.

Every arrival, every place and every refusal of the year is known. A young person placed in month
m may take any place that had appeared by then, so each (option, m) node has an arc to
(option, m − 1), and the places appearing in month k reach the sink from (option, k). A young
person's arcs go to the months in which a run would have allowed the pair (the matcher's own
published arcs for that month, refusals removed); "agreed by 17½" earns a bonus larger than any
change the rest of the objective can make, so the optimum agrees as many by 17½ as any plan can,
then keeps links close (optimisation-notes §5): the plan of `matching.horizon`, over the whole
year. No policy, deciding month by month on less, can agree more by 17½ on the same year: every
policy's agreements are a feasible flow here.
"""

from collections import defaultdict
from dataclasses import replace

import numpy as np

from matching import horizon
from simulation.events import Year
from simulation.month import in_scope
from simulation.plans import scheduled_cohort, without_people_or_options
from simulation.plans import tables as month_tables
from simulation.year import Agreement, Played


def targets(year: Year) -> dict[str, object]:
    """Young people whose 17½ falls within the year: the headline's population, with that date."""
    end = year.month(year.months)
    return {
        p.id: p.pathway_deadline
        for p in year.county.people.values()
        if year.start <= p.pathway_deadline < end
    }


def play_hindsight(year: Year) -> Played:
    months = tuple(year.month(m) for m in range(year.months))
    everyone = year.county.options
    tables = [  # each month's: the options there by then, and the cohorts on the schedule
        without_people_or_options(
            table,
            (),
            {o for o in everyone if year.places_from.get(o, 0) > m and not scheduled_cohort(year, o)},
        )
        for m, table in enumerate(
            month_tables(year, range(year.months), lambda m: in_scope(year, m, set()), everyone)
        )
    ]
    turned_down = {
        (t.people[i], t.options[k])
        for t in tables
        for i, k in zip(t.person.tolist(), t.option.tolist(), strict=True)
        if year.turned_down(t.people[i], t.options[k])
    }
    problem = horizon.place_months(
        months, year.month(year.months), tables, _supply(year), excluded=turned_down
    )
    deadlines = targets(year)  # the headline's deadline, 17½, rather than whatever is due first
    in_time = [
        max((m for m, on in enumerate(months) if on <= deadlines[p]), default=-1) if p in deadlines else -1
        for p in problem.people
    ]
    planned = horizon.plan(replace(problem, in_time=np.array(in_time, dtype=np.int64)))
    played = Played("hindsight")
    played.agreements = [Agreement(p, o, m, year.month(m)) for p, o, m, _cost in planned.agreements]
    agreed = {a.young_person for a in played.agreements}
    played.waiting_at_end = in_scope(year, year.months - 1, agreed)
    return played


def _supply(year: Year) -> dict[tuple[str, int], int]:
    """Places appearing per (option, month): those it has when it appears, then turnover."""
    appearing: dict[tuple[str, int], int] = defaultdict(int)
    for option_id, option in year.county.options.items():
        appearing[(option_id, year.places_from.get(option_id, 0))] += option.remaining
    for key, n in year.added.items():
        appearing[key] += n
    return appearing
