"""The larger path of `tiered.py`: each young person's cheapest arcs first, part by part, proved optimal.

Why: the optimum rarely uses a dear arc, and on a few arcs per young person the graph falls into
many small parts (`components.py`), each solved on its own in far less time than the whole.

Why the answer is still the lexicographic optimum over every arc. Each part is solved goal by
goal (`lexicographic.solve_in_order`), which also gives, per goal g, node potentials π_g under
which no residual arc of that goal's network has a negative reduced cost; they are shifted so
that the sink's is 0, so the parts' potentials, which share only the sink, hold together. A node
no part holds is an option that takes no one: π = 0 if it has a place left (its arc to the sink
costs 0), and "unreachable" (no residual arc leaves it, so any low value will do) if not; its node
for tiers later and none likewise. An arc left out carries nothing, so it adds only its forward
residual arc, at reduced cost rc_g = cost_g + π_g(young person) − π_g(option), g running over
the solves of `tier_graph.stages` (goals weighted together where exact). Read the vector in
order: if its first non-zero entry is positive, or all are zero, the arc keeps every goal's
potentials feasible (at goal g it is either already excluded by an earlier goal's complementary
slackness, or its rc_g ≥ 0), so by induction over the goals the flow found is optimal for each
goal over every arc, i.e. lexicographically optimal (the argument of `lexicographic.py` applied to
the whole graph). An arc whose first non-zero entry is negative fails; up to `ADDED_PER_ROUND` per
young person, most negative first, are added and only the parts they touch are solved again. Each
round adds an arc, so the rounds end. Integer arithmetic throughout: the proof is exact.

The vector is read one entry per phase. Phase g solves every part up to solve g, then adds the
arcs whose rc_g is negative and solves again only the parts they touch, until none is; then
rc_g > 0 settles an arc for good and only the arcs at rc_g = 0 are read in the next phase. The
solves before g are not repeated in phase g: an arc added then has rc = 0 under each of their
potentials, so those potentials stay optimal on the wider part, and `solve_in_order` narrows the
part by complementary slackness with them (`settled`) instead of solving them again. A round so
costs one solve per part, not one per goal; the potentials before g never change, so neither do
the entries already read.
"""

import numpy as np

from matching import components, lexicographic
from matching.cheapest_first import ADDED_PER_ROUND, FIRST_ARCS, first_arcs
from matching.solution import HOLDABLE, NONE_TIER, Candidates
from matching.tier_graph import Part, build_part, goals, stage_cost, stages

# Cheapest arcs to start with, per tier (move_now … none). Tier none weighs in the last solve
# alone, where its few arcs that fail the proof are added; with one each (not `FIRST_ARCS`), the
# graph of the four solves before is smaller and national's solve took 7.4–7.6 s CPU against
# 8.2–8.5 (alternating, same hour; README). Never 0: everyone with an arc must be in a part, for
# the potentials of their own node (the proof above) to be found by a solve.
FIRST_BY_TIER = np.where(np.arange(NONE_TIER + 1) == NONE_TIER, 1, FIRST_ARCS)
UNREACHABLE = -(2**61)  # the potential of a node no residual arc leaves: far below any path's cost


def solve_by_parts(c: Candidates, useful: np.ndarray) -> tuple[str, np.ndarray]:
    """Per arc, whether the lexicographic optimum uses it; only `useful` arcs are ever used."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    weights = stages(c, n_people + 2 * n_options + 1)  # the same solves for every part (the proof needs it)
    potential = _default_potentials(c, len(weights))
    kept = np.zeros(c.size, bool)
    kept[useful] = first_arcs(c, FIRST_BY_TIER[c.tiers])[useful]
    chosen = np.zeros(c.size, bool)
    undecided = useful  # arcs whose reduced costs are 0 under every solve proved so far
    for solve in range(len(weights)):  # proved over every arc for the solves before this one
        touched_people = np.arange(n_people)
        left_out = undecided[~kept[undecided]]
        head = _heads(c, left_out)
        reduced = np.zeros(len(left_out), np.int64)
        while True:
            moved = np.zeros(potential.shape[1], bool)  # nodes whose potentials were found again
            for arcs in _touched_parts(c, kept, touched_people):
                part = build_part(c, arcs)
                solved = lexicographic.solve_in_order(
                    part.network, goals(c, part, weights[: solve + 1]), anchor=part.sink,
                    settled=_read_potentials(potential[:solve], part, n_people, n_options),
                )  # fmt: skip
                if solved.status != "optimal":
                    return solved.status, chosen
                chosen[arcs] = solved.flow[: len(arcs)] > 0
                _write_potentials(potential[: solve + 1], part, solved.potentials, n_people, n_options)
                moved[_nodes(part, n_people, n_options)] = True
            # An arc neither of whose ends moved keeps the reduced cost it had.
            again = np.flatnonzero(moved[c.person[left_out]] | moved[head])
            reduced[again] = (
                stage_cost(c, left_out[again], weights[solve])
                + potential[solve, c.person[left_out[again]]] - potential[solve, head[again]]
            )  # fmt: skip
            added = _failing_arcs(c, left_out, reduced)
            if len(added) == 0:
                break
            kept[added] = True
            still = ~kept[left_out]
            left_out, head, reduced = left_out[still], head[still], reduced[still]
            touched_people = np.unique(c.person[added])
        undecided = left_out[reduced == 0]
    return "optimal", chosen


def _default_potentials(c: Candidates, n_solves: int) -> np.ndarray:
    """Per goal, per node (young people, options, their nodes for later and none, sink): the values
    for nodes no part holds (see the module's docstring)."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    potential = np.zeros((n_solves, n_people + 2 * n_options + 1), np.int64)
    room = np.maximum(c.capacity, 0)
    option = np.where(room > 0, 0, UNREACHABLE)
    potential[:, n_people : n_people + n_options] = option
    potential[:, n_people + n_options : -1] = np.where(room - c.held_places > 0, option, UNREACHABLE)
    return potential


def _touched_parts(c: Candidates, kept: np.ndarray, people: np.ndarray) -> list[np.ndarray]:
    """The kept arcs of the parts holding these young people, in batches (`components.batches`)."""
    arcs = np.flatnonzero(kept)
    person_component, _ = components.label(len(c.penalty), len(c.capacity), c.person[arcs], c.option[arcs])
    touched = np.zeros(person_component.max(initial=0) + 1, bool)
    touched[person_component[people]] = True
    arc_component = person_component[c.person[arcs]]
    arcs, arc_component = arcs[touched[arc_component]], arc_component[touched[arc_component]]
    batch_of = np.full(len(touched), -1, np.int64)
    batches = components.batches(arc_component)
    for b, members in enumerate(batches):
        batch_of[members] = b
    order = np.argsort(batch_of[arc_component], kind="stable")
    ends = np.cumsum(np.bincount(batch_of[arc_component], minlength=len(batches)))
    return np.split(arcs[order], ends[:-1])


def _write_potentials(
    potential: np.ndarray, part: Part, found: np.ndarray, n_people: int, n_options: int
) -> None:
    """A part's potentials into the whole graph's numbering (its sink is the shared sink, at 0)."""
    n_part_people, n_part_options = len(part.people), len(part.options)
    potential[:, part.people] = found[:, :n_part_people]
    potential[:, n_people + part.options] = found[:, n_part_people : n_part_people + n_part_options]
    held = part.hold_node >= 0
    potential[:, n_people + n_options + part.options[held]] = found[:, part.hold_node[held]]


def _read_potentials(potential: np.ndarray, part: Part, n_people: int, n_options: int) -> np.ndarray:
    """The whole graph's potentials of the part's nodes, in its numbering (its sink at 0)."""
    n_part_people, n_part_options = len(part.people), len(part.options)
    out = np.zeros((len(potential), part.sink + 1), np.int64)
    out[:, :n_part_people] = potential[:, part.people]
    out[:, n_part_people : n_part_people + n_part_options] = potential[:, n_people + part.options]
    held = part.hold_node >= 0
    out[:, part.hold_node[held]] = potential[:, n_people + n_options + part.options[held]]
    return out


def _heads(c: Candidates, arcs: np.ndarray) -> np.ndarray:
    """Per arc, the node it enters in the whole graph's numbering: its option, or the option's node
    for tiers later and none where places are held."""
    n_people, n_options = len(c.penalty), len(c.capacity)
    option = c.option[arcs]
    kept_out = HOLDABLE[c.tiers[c.person[arcs]]] & (c.held_places[option] > 0)
    return np.where(kept_out, n_people + n_options + option, n_people + option)


def _nodes(part: Part, n_people: int, n_options: int) -> np.ndarray:
    """The part's nodes but its sink, in the whole graph's numbering."""
    held = part.options[part.hold_node >= 0]
    return np.concatenate((part.people, n_people + part.options, n_people + n_options + held))


def _failing_arcs(c: Candidates, left_out: np.ndarray, reduced: np.ndarray) -> np.ndarray:
    """Arcs left out of negative reduced cost; most negative first, at most `ADDED_PER_ROUND` per
    young person."""
    failing = np.flatnonzero(reduced < 0)
    order = failing[np.lexsort((reduced[failing], c.person[left_out[failing]]))]
    who = c.person[left_out[order]]
    rank = np.arange(len(order)) - np.searchsorted(who, who)
    return left_out[order[rank < ADDED_PER_ROUND]]
