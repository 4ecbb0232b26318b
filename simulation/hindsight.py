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

from matching import horizon
from simulation.events import Year
from simulation.month import in_scope
from simulation.plans import month_arcs
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
    arcs: list[tuple[str, str, int, int]] = []  # (young person, option, month, cost)
    penalty: dict[str, int] = {}
    for m in range(year.months):
        table = month_arcs(year, m)
        arcs += [(p, o, m, cost) for p, o, cost in table.arcs if not year.turned_down(p, o)]
        for person_id, p in table.penalty.items():
            penalty.setdefault(person_id, p)
    return _solve(year, arcs, penalty)


def _supply(year: Year) -> dict[tuple[str, int], int]:
    """Places appearing per (option, month): those it has when it appears, then turnover."""
    appearing: dict[tuple[str, int], int] = defaultdict(int)
    for option_id, option in year.county.options.items():
        appearing[(option_id, year.places_from.get(option_id, 0))] += option.remaining
    for key, n in year.added.items():
        appearing[key] += n
    return appearing


def _solve(year: Year, arcs: list[tuple[str, str, int, int]], penalty: dict[str, int]) -> Played:
    months = tuple(year.month(m) for m in range(year.months))
    in_time = {
        person_id: max((m for m, on in enumerate(months) if on <= deadline), default=-1)
        for person_id, deadline in targets(year).items()
    }
    planned = horizon.plan(horizon.PlaceMonths(months, arcs, penalty, _supply(year), in_time))
    played = Played("hindsight")
    played.agreements = [Agreement(p, o, m, year.month(m)) for p, o, m, _cost in planned.agreements]
    agreed = {a.young_person for a in played.agreements}
    played.waiting_at_end = in_scope(year, year.months - 1, agreed)
    return played
