"""The plan of the coming months: one min-cost flow over place-months (optimisation-notes §5–§6).

A run that looks at this month alone gives a place to whoever can use it now, even someone not due
for a year, while a young person due in three months will then find none. The plan looks 6–12
months ahead over the young people already known (at their future dates) and the places already
known to come, and keeps only its first month: what should be agreed now, and how many of each
option's places to hold back from those due later for someone due sooner (contract v1.2).

The flow (the same one hindsight solves over a whole year): a node per (option, month); a place that
appears in month k can be taken in month k or any month after it, so each (option, m) has an arc to
(option, m − 1) and the places appearing in month k reach the sink from (option, k). A young person
has an arc to each (option, month) the matcher allows in that month, at its cost, and an arc to the
sink at their penalty (left without a place within the plan). As solved, the nodes of an option's
months in which none of its places appear are merged into the node of the month before (the
carrying arcs between them are free and unbounded, so the flows and their costs are the same), so
an option whose places are all there now is one node, and arcs no optimal plan uses are left out
(`plan_arcs.undominated`; issue 34: at ten times the county 99,000 nodes and 4.4 M arcs became
11,000 and 0.66 M, and the plan's flow took 2.3 s CPU instead of 8.5 s). Being agreed in time (in a month no
later than their own last month in time) earns a bonus larger than any change the rest of the
objective can make, so the optimum agrees as many in time as any plan can, then keeps links close;
a small cost per month of waiting prefers agreeing sooner among equals, which leaves
time for a second proposal if the first is turned down.
"""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
from ortools.graph.python import min_cost_flow

from matching.penalties import floor_of
from matching.plan_arcs import undominated
from matching.problem import Hold, Problem
from matching.solve import published

WAIT_COST = 1  # the plan's cost of a month's wait, unless a caller sets another
Arc = tuple[str, str, int, int]  # (young person, option, month index, cost): a pair allowed that month


@dataclass(frozen=True)
class PlaceMonths:
    """The planning problem: plain data, built by whoever knows the months (the service, the year).

    Arcs are index-aligned arrays: arc k joins `people[person[k]]` to `options[option[k]]` in month
    `month[k]` at `cost[k]`. `PlaceMonths.of` builds one from tuples.
    """

    months: tuple[date, ...]  # month 0 is the run's own
    people: tuple[str, ...]
    penalty: np.ndarray  # per young person: the cost of no place within the plan
    options: tuple[str, ...]
    person: np.ndarray
    option: np.ndarray
    month: np.ndarray
    cost: np.ndarray
    supply: Mapping[tuple[str, int], int]  # places appearing per (option, month index)
    # Per young person, the last month index in which being agreed is in time (-1: none). Only
    # deadlines within the plan count: someone due after its last month is not late for being
    # agreed after it.
    in_time: np.ndarray
    wait_cost: int = WAIT_COST  # per month of waiting: among plans equal on everything else, agree sooner
    # The bonus for being agreed in time (`_bonus`), where the arcs given are what is left of a
    # larger graph once the arcs no optimal plan uses are out (`place_months`): that graph's, so
    # that the flow solved, and the plan among equal optima, are the same.
    bonus: int | None = None

    @classmethod
    def of(
        cls,
        months: tuple[date, ...],
        arcs: Sequence[Arc],
        penalty: Mapping[str, int],
        supply: Mapping[tuple[str, int], int],
        *,
        in_time: Mapping[str, int] = {},
        wait_cost: int = WAIT_COST,
    ) -> "PlaceMonths":
        people = tuple(penalty)
        options = tuple(sorted({o for _p, o, _m, _c in arcs} | {o for o, _k in supply}))
        at, index = {p: i for i, p in enumerate(people)}, {o: k for k, o in enumerate(options)}
        return cls(
            months, people, np.array([penalty[p] for p in people], dtype=np.int64), options,
            np.array([at[p] for p, _o, _m, _c in arcs], dtype=np.int64),
            np.array([index[o] for _p, o, _m, _c in arcs], dtype=np.int64),
            np.array([m for _p, _o, m, _c in arcs], dtype=np.int64),
            np.array([c for _p, _o, _m, c in arcs], dtype=np.int64),
            supply, np.array([in_time.get(p, -1) for p in people], dtype=np.int64), wait_cost,
        )  # fmt: skip


@dataclass(frozen=True)
class Planned:
    """The plan's agreements, month by month, and what it means for this run."""

    agreements: tuple[Arc, ...]  # (young person, option, month, cost) in month order
    held_back: dict[str, Hold]  # option -> places kept from month 0 for someone due sooner

    @property
    def now(self) -> list[tuple[str, str]]:
        """What should be agreed this month: the plan's month 0."""
        return [(person, option) for person, option, m, _ in self.agreements if m == 0]

    def given_to(self, problem: Problem) -> Problem:
        """The run's problem with the plan in it: its holds, and each young person's agreement for now
        (`YoungPerson.planned`; none: the plan has them wait), which the run's last goal but one
        departs from as little as the tiers allow (`solution.plan_costs`)."""
        now = dict(self.now)
        return replace(
            problem,
            held_back=self.held_back,
            plan_made=True,
            young_people=tuple(replace(p, planned=now.get(p.id)) for p in problem.young_people),
        )


@dataclass(frozen=True)
class MonthArcs:
    """One month's allowed pairs and costs (the matcher's published arcs on that month's date), and
    each young person's penalty (without the urgent premium: the plan weighs time itself) and due date."""

    people: tuple[str, ...]
    options: tuple[str, ...]
    person: np.ndarray
    option: np.ndarray
    cost: np.ndarray
    penalty: np.ndarray  # per young person
    due: tuple[date | None, ...]  # per young person
    # Per arc, its pair's index among the pairs of every month, where a pair's cost is the same in
    # every month (`months_once`): `place_months` then leaves out at once the arcs no plan uses.
    pair: np.ndarray | None = None


def month_arcs(problem: Problem) -> MonthArcs:
    """A month's table from that month's problem (every option it may use, each with a place)."""
    candidates = published(problem)
    return MonthArcs(
        people=tuple(p.id for p in problem.young_people),
        options=tuple(o.id for o in problem.options),
        person=candidates.person.astype(np.int64),
        option=candidates.option.astype(np.int64),
        cost=candidates.cost.astype(np.int64),
        penalty=(candidates.penalty - candidates.premium * candidates.urgent).astype(np.int64),
        due=tuple(p.due_date for p in problem.young_people),
    )


def without(table: MonthArcs, pairs: Collection[tuple[str, str]]) -> MonthArcs:
    """The table as its month's problem with these pairs rejected too would have published it.

    REJECTED refuses a pair and nothing else, and an arc's cost is its pair's alone, so the arcs
    are the table's less those pairs, in the same order. The penalties move only where they are
    read from the arcs: someone with something due starts from one more than the dearest arc
    (`penalties.base_penalties`; a month's problem has no `penalty_scale` of a wider one), so if
    the dearest arc goes, their penalties come down with the floor. The others' do not depend on
    the arcs. So a plan over tables kept from before a rejection is the plan made afresh after it.
    """
    codes = _codes(table, pairs)
    if len(codes) == 0:
        return table
    keep = ~np.isin(table.person * len(table.options) + table.option, codes)
    cost = table.cost[keep]
    moved = max(floor_of(table.cost), 1) - max(floor_of(cost), 1)
    has_due = np.array([d is not None for d in table.due], dtype=bool)
    return replace(
        table,
        person=table.person[keep],
        option=table.option[keep],
        cost=cost,
        penalty=table.penalty - moved * has_due,
        pair=None if table.pair is None else table.pair[keep],
    )


def place_months(
    months: tuple[date, ...],
    until: date,
    tables: Sequence[MonthArcs],
    supply: Mapping[tuple[str, int], int],
    *,
    people: Collection[str] | None = None,
    options: Collection[str] | None = None,
    excluded: Collection[tuple[str, str]] = (),
) -> PlaceMonths:
    """The planning problem from each month's table, keeping the arcs of the young people and
    options given (all when None) and leaving out the `excluded` pairs (those turned down). Only
    options someone may take are nodes of the flow: the service's store holds many full ones.

    `until` is the day after the plan: a young person due on or after it has no deadline in the
    plan. A young person's penalty and due date are read from their first month in it.
    """
    ids: dict[str, int] = {}
    option_ids: dict[str, int] = {}
    penalty: list[int] = []
    due: list[date | None] = []
    parts: list[tuple[np.ndarray, ...]] = []
    pruned = _Pruning(months, tables, supply) if all(t.pair is not None for t in tables) else None
    for i, table in enumerate(tables):
        keep = np.ones(len(table.person), dtype=bool)
        if people is not None:
            keep &= np.array([p in people for p in table.people], dtype=bool)[table.person]
        if options is not None:
            keep &= np.array([o in options for o in table.options], dtype=bool)[table.option]
        if excluded:
            keep &= ~np.isin(table.person * len(table.options) + table.option, _codes(table, excluded))
        if not keep.any():
            continue
        every = np.flatnonzero(keep)
        # The arcs left: whoever and whatever first appears this month has no arc left out, so the
        # young people and options are numbered as they would be over every arc.
        arcs = every if pruned is None else pruned.first(i, table, every)
        for k in np.unique(table.person[arcs]).tolist():
            if table.people[k] not in ids:
                ids[table.people[k]] = len(ids)
                penalty.append(int(table.penalty[k]))
                due.append(table.due[k])
        local_person = np.array([ids.get(p, -1) for p in table.people], dtype=np.int64)
        local_option = np.full(len(table.options), -1, dtype=np.int64)  # only options the plan can use
        for k in np.unique(table.option[arcs]).tolist():
            local_option[k] = option_ids.setdefault(table.options[k], len(option_ids))
        if pruned is not None:
            pruned.seen(i, table, every, local_person)
        parts.append((local_person[table.person[arcs]], local_option[table.option[arcs]],
                      np.full(len(arcs), i, dtype=np.int64), table.cost[arcs]))  # fmt: skip
    arrays = [np.concatenate(a) if a else np.zeros(0, dtype=np.int64) for a in zip(*parts, strict=True)] or [
        np.zeros(0, dtype=np.int64)
    ] * 4
    in_time = [
        max((i for i, on in enumerate(months) if on <= d), default=-1) if d is not None and d < until else -1
        for d in due
    ]
    penalties = np.array(penalty, dtype=np.int64)
    return PlaceMonths(
        months, tuple(ids), penalties, tuple(option_ids), *arrays,
        supply=supply, in_time=np.array(in_time, dtype=np.int64),
        bonus=None if pruned is None else pruned.bonus(penalties),
    )  # fmt: skip


class _Pruning:
    """`place_months` leaving out, as it gathers the months' tables, the arcs `plan_arcs.undominated`
    would: where each pair's cost is the same every month (`MonthArcs.pair`), of a pair's arcs that
    reach the same places (the same latest month up to theirs in which places of the option appear)
    the first month's is strictly the cheapest (waiting costs, and being agreed in time can only be
    lost by waiting), so the others are never in an optimum. At ten times the county 4.4 M arcs are
    gathered as 0.66 M, without sorting them (issue 34). The bonus is read from every arc, so that
    the flow solved is the one over every arc's undominated ones, with the same costs.
    """

    def __init__(
        self, months: tuple[date, ...], tables: Sequence[MonthArcs], supply: Mapping[tuple[str, int], int]
    ) -> None:
        self.appears: dict[str, int] = {}  # option -> bit m: places of it appear in month m
        for (option, k), n in supply.items():
            if n > 0 and k < len(months):
                self.appears[option] = self.appears.get(option, 0) | 1 << k
        size = max((int(t.pair.max()) + 1 for t in tables if t.pair is not None and len(t.pair)), default=0)
        self.reached = np.full(size, -1, dtype=np.int64)  # per pair: the latest month its last arc reached
        self.person = np.full(size, -1, dtype=np.int64)  # per pair: its young person in the plan
        self.worst = np.zeros(size, dtype=np.int64)  # per pair: its cost plus its last month's wait
        self._bits: tuple[tuple[str, ...], np.ndarray] | None = None

    def first(self, month: int, table: MonthArcs, arcs: np.ndarray) -> np.ndarray:
        """The arcs of `month` not left out: those reaching no place (`undominated` drops them), and
        each pair's first reaching its places."""
        if self._bits is None or self._bits[0] is not table.options:  # the same tuple every month
            bits = np.array([self.appears.get(o, 0) for o in table.options], dtype=np.int64)
            self._bits = (table.options, bits)
        reached = self._bits[1][table.option[arcs]] & ((2 << month) - 1)
        latest = np.frexp(reached.astype(np.float64))[1] - 1  # the highest bit set; -1: none
        pair = table.pair[arcs]
        first = (latest < 0) | (self.reached[pair] != latest)
        self.reached[pair] = latest
        return arcs[first]

    def seen(self, month: int, table: MonthArcs, arcs: np.ndarray, local_person: np.ndarray) -> None:
        """Every arc of `month`, left out or not, for the bonus: months come in order, so each pair's
        last is its dearest."""
        pair = table.pair[arcs]
        self.person[pair] = local_person[table.person[arcs]]
        self.worst[pair] = table.cost[arcs] + WAIT_COST * month

    def bonus(self, penalty: np.ndarray) -> int:
        """`_bonus` of the plan over every arc gathered."""
        worst = penalty.copy()
        seen = self.person >= 0
        np.maximum.at(worst, self.person[seen], self.worst[seen])
        return 1 + int(worst.sum())


def _codes(table: MonthArcs, pairs: Collection[tuple[str, str]]) -> np.ndarray:
    """The pairs as the table's arc codes (person index × options + option index)."""
    person = {p: i for i, p in enumerate(table.people)}
    option = {o: k for k, o in enumerate(table.options)}
    width = len(table.options)
    return np.array(
        [person[p] * width + option[o] for p, o in pairs if p in person and o in option], dtype=np.int64
    )


def plan(problem: PlaceMonths) -> Planned:
    """The optimal plan; raises RuntimeError only if OR-Tools finds no optimum (it always should)."""
    people, months, options = len(problem.people), len(problem.months), len(problem.options)
    sink = people
    at = {o: k for k, o in enumerate(problem.options)}
    counts = (problem.month <= problem.in_time[problem.person]) & (problem.in_time[problem.person] < months)
    bonus = _bonus(problem)
    cost = problem.cost + problem.wait_cost * problem.month - bonus * counts
    keys = sorted((at[o], k) for (o, k), n in problem.supply.items() if n > 0 and k < months and o in at)
    appears = np.zeros(options, dtype=np.int64)  # bit m: places of the option appear in month m
    node = np.full(options * months, -1, dtype=np.int64)  # (option, month its places appear) -> node
    for j, (o, k) in enumerate(keys):
        appears[o] |= 1 << k
        node[o * months + k] = people + 1 + j
    useful, latest = undominated(problem, cost, appears)
    flow = min_cost_flow.SimpleMinCostFlow()
    flow.add_arcs_with_capacity_and_unit_cost(
        np.arange(people), np.full(people, sink), np.ones(people, dtype=np.int64), problem.penalty
    )
    first = flow.add_arcs_with_capacity_and_unit_cost(
        problem.person[useful], node[problem.option[useful] * months + latest],
        np.ones(len(useful), dtype=np.int64), cost[useful],
    )  # fmt: skip
    supplied = np.zeros(0, dtype=np.int64)
    if keys:
        o, k = np.array(keys, dtype=np.int64).T
        supplied = flow.add_arcs_with_capacity_and_unit_cost(
            node[o * months + k], np.full(len(keys), sink),
            np.array([problem.supply[(problem.options[a], b)] for a, b in keys], dtype=np.int64),
            np.zeros(len(keys), dtype=np.int64),
        )  # fmt: skip
        # A node passes what it does not use to the node of the same option's previous places.
        carried = np.flatnonzero(o[1:] == o[:-1]) + 1
        flow.add_arcs_with_capacity_and_unit_cost(
            node[o[carried] * months + k[carried]], node[o[carried - 1] * months + k[carried - 1]],
            np.full(len(carried), max(people, 1)), np.zeros(len(carried), dtype=np.int64),
        )  # fmt: skip
    flow.set_nodes_supplies(np.arange(people + 1), np.append(np.ones(people, dtype=np.int64), -people))
    if flow.solve() != flow.OPTIMAL:
        raise RuntimeError("the plan has no optimum; every young person has an arc to the sink")
    used = flow.flows(first) > 0
    chosen = useful[used]
    agreements = tuple(
        sorted(
            (
                (problem.people[problem.person[k]], problem.options[problem.option[k]], int(problem.month[k]),
                 int(problem.cost[k]))
                for k in chosen.tolist()
            ),
            key=lambda a: (a[2], a[0]),
        )
    )  # fmt: skip
    # Month 0's places given from month 1 on: those taken, less those agreed in month 0.
    kept = {}
    if keys:
        now = k == 0
        taken_now = np.bincount(problem.option[chosen[problem.month[chosen] == 0]], minlength=options)
        kept = dict(
            zip(o[now].tolist(), (flow.flows(supplied[now]) - taken_now[o[now]]).tolist(), strict=True)
        )
    return Planned(agreements, _held_back(problem, agreements, kept))


def _bonus(problem: PlaceMonths) -> int:
    """More than the whole range of the rest of the objective: in time first, exactly (§1's argument)."""
    if problem.bonus is not None:
        return problem.bonus
    worst = problem.penalty.copy()
    np.maximum.at(worst, problem.person, problem.cost + problem.wait_cost * problem.month)
    return 1 + int(worst.sum())


def _held_back(problem: PlaceMonths, agreements: tuple[Arc, ...], kept: dict[int, int]) -> dict[str, Hold]:
    """Month 0's places the plan carries forward to someone it agrees in a later month.

    The flow on (option, 1) → (option, 0) is exactly the number of places available now that the
    plan gives out from month 1 on; they are held from the month of the first such agreement. An
    option no one may take this month needs no hold.
    """
    first_use: dict[str, int] = {}
    for _person, option, m, _cost in agreements:
        if m > 0:
            first_use.setdefault(option, m)
    now = {problem.options[k] for k in problem.option[problem.month == 0].tolist()}
    return {
        problem.options[k]: Hold(places, problem.months[first_use[problem.options[k]]])
        for k, places in kept.items()
        if places and problem.options[k] in now
    }
