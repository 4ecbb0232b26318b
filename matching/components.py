"""Solving each connected part of the graph on its own (optimisation notes §4).

Young people and options that share no arc, directly or through others, form separate problems:
no assignment in one constrains another, and the objective is a sum over young people, so the
optimum of the whole is the sum of the parts' optima and the parts' optimal flows together form
an optimal flow of the whole. Cost scaling's work grows faster than the graph, so the large parts
are solved alone; the many small ones are solved together in batches of about `BATCH_ARCS` arcs
(a batch of components is still a union of independent problems), which spares a solver's set-up
for each of hundreds of tiny parts.
"""

from collections.abc import Iterable

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from matching.problem import Problem
from matching.solution import Candidates

BATCH_ARCS = 2_000  # measured best with cheapest arcs first (README, "At national scale")


def label(n_people: int, n_nodes: int, person: np.ndarray, node: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The component of each young person and of each option node."""
    n = n_people + n_nodes
    graph = coo_matrix((np.ones(len(person), np.int8), (person, n_people + node)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels[:n_people], labels[n_people:]


def batches(arc_component: np.ndarray) -> list[np.ndarray]:
    """Groups of components, each of at least `BATCH_ARCS` arcs or a single component, largest first."""
    sizes = np.bincount(arc_component)
    out, current, current_arcs = [], [], 0
    for component in np.argsort(-sizes, kind="stable"):
        if sizes[component] == 0:
            break
        current.append(component)
        current_arcs += int(sizes[component])
        if current_arcs >= BATCH_ARCS:
            out.append(np.array(current))
            current, current_arcs = [], 0
    if current:
        out.append(np.array(current))
    return out


def touched(
    problem: Problem, candidates: Candidates, young_people: Iterable[str], options: Iterable[str]
) -> list[str]:
    """The young people of every component holding one of `young_people` or `options`, by id.

    Proposals kept current re-solve only these: for everyone in them, the optimum is exactly that
    of a full re-solve (see above). The graph keeps only arcs into options with a place left: a
    full option can join no one's competition.
    """
    n_people = len(problem.young_people)
    live = candidates.capacity[candidates.option] > 0
    person_label, option_label = label(
        n_people, len(problem.options), candidates.person[live], candidates.option[live]
    )
    person_index = {p.id: i for i, p in enumerate(problem.young_people)}
    option_index = {o.id: k for k, o in enumerate(problem.options)}
    seeds = {int(person_label[person_index[p]]) for p in young_people if p in person_index}
    seeds |= {int(option_label[option_index[o]]) for o in options if o in option_index}
    wanted = np.isin(person_label, sorted(seeds))
    return [problem.young_people[i].id for i in np.flatnonzero(wanted)]
