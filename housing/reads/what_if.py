"""What-if: change places in options, or add hypothetical ones, and compare both optimal answers.

Only capacities change (api-contract v1.1): the after problem keeps the base problem's arcs, costs
and penalties, plus the added options' arcs costed with the same weights. Nothing is stored but
one audit entry naming the user: no run, no option, no placement.
"""

from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

import matching
from housing import audit_words as words
from housing import disclosure
from housing.actors import Actor
from housing.db import transaction
from housing.errors import FieldErrors, Invalid
from housing.models import Option, YoungPerson
from housing.reads import matching_input, reference, sufficiency
from housing.services import audit, options
from housing.vocabulary import Role, Route
from matching import planning
from matching.assignment import Assignment, optimal_assignment

ADDABLE = (Route.REGISTER_VACANCY, Route.SUPPORTED_LODGINGS, Route.SUPPORTED_ACCOMMODATION)


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its summary and who is matched, by home district and by route."""

    summary: dict[str, Any]
    by_home_district: Counter
    by_route: Counter


@dataclass(frozen=True)
class CostChange:
    """What the places changed or added cost a week more (whole pounds), and those with no cost."""

    change: int
    uncosted_places: int


@dataclass(frozen=True)
class WhatIf:
    as_of: date
    before: Side
    after: Side
    weekly_cost: CostChange = CostChange(0, 0)


def what_if(
    session: Session,
    actor: Actor,
    *,
    as_of: date,
    changes: list[dict[str, Any]],
    add: list[dict[str, Any]],
    reach_km: float,
) -> WhatIf:
    as_of = sufficiency.as_of_for(actor, as_of)
    with transaction(session):  # one short read, every change checked in it; both answers solved after
        read = sufficiency.problem(session, as_of, reach_km)
        places, added = _changes(actor, read.options, changes), _added(session, add)
        homes = dict(session.execute(select(YoungPerson.id, YoungPerson.home_district)).all())
        changed = [change["option"] for change in changes]
        costs = dict(
            session.execute(select(Option.id, Option.weekly_cost).where(Option.id.in_(changed))).all()
        )
        detail = f"what-if as of {words.day(as_of)}: {len(changes)} changes, {len(add)} options added"
        audit.record(session, actor, "what_if", None, detail)
    base = sufficiency.solved(read)
    after = planning.what_if(base.planned, places, added)
    return WhatIf(
        as_of,
        _side(base.planned, base.assignment, homes),
        _side(after, optimal_assignment(after.candidates), homes),
        cost_change(changes, add, costs),
    )


def cost_change(
    changes: list[dict[str, Any]], add: list[dict[str, Any]], costs: dict[str, int | None]
) -> CostChange:
    """The WEEKLY_COST_CHANGE rule: each place added costs its option's weekly cost of a place (a new
    option's own, if given), each removed saves it; places with no cost recorded are counted apart."""
    pounds, uncosted = 0, 0
    for places, cost in [(c["places"], costs.get(c["option"])) for c in changes] + [
        (body["capacity"], body.get("weekly_cost")) for body in add
    ]:
        if cost is None:
            uncosted += abs(places)
        else:
            pounds += places * cost
    return CostChange(pounds, uncosted)


def _changes(actor: Actor, options: tuple[matching.Option, ...], changes: list[dict]) -> dict[int, int]:
    """Places added (or removed) per option index; two changes to one option add up."""
    errors, places = FieldErrors(), Counter()
    by_id = {o.id: k for k, o in enumerate(options)}
    for n, change in enumerate(changes):
        k = by_id.get(change["option"])
        if k is None or (actor.role is Role.COMMISSIONER and options[k].route == Route.STAYING_PUT):
            errors.add(("changes", n, "option"), f"no option with id {change['option']}")
        else:
            places[k] += change["places"]
    errors.raise_any()
    return dict(places)


def _added(session: Session, bodies: list[dict[str, Any]]) -> list:
    """Hypothetical options, checked as a create would check them, as the matcher's plain data."""
    errors: dict[str, Any] = {}
    drafts = []
    for n, body in enumerate(bodies):
        if body["route"] not in ADDABLE:
            errors[str(n)] = {"route": [f"a what-if adds only {', '.join(r.value for r in ADDABLE)} options"]}
            continue
        try:
            draft = options.drafted(session, dict(body))
        except Invalid as refused:
            errors[str(n)] = refused.fields
            continue
        draft.id = f"what-if-{n + 1}"
        drafts.append(draft)
    if errors:
        raise Invalid({"add": errors}, "Some added options are not valid.")
    places = reference.places_by_name(session)
    return [matching_input.option(draft, places) for draft in drafts]


def _side(planned: planning.Planned, assignment: Assignment, homes: dict[str, str]) -> Side:
    c = planned.candidates
    arcs = np.flatnonzero(assignment.chosen)
    people, options_ = planned.problem.young_people, planned.problem.options
    return Side(
        summary=planning.summary(planned, assignment),
        by_home_district=Counter(homes[people[i].id] for i in c.person[arcs].tolist()),
        by_route=Counter(str(options_[k].route) for k in c.option[arcs].tolist()),
    )


@dataclass(frozen=True)
class Row:
    """Young people matched before and after, in one home district or route (counts, or hidden)."""

    key: str | None
    before: int | str
    after: int | str
    change: int | str


def rows(before: Counter, after: Counter, commissioner: bool) -> tuple[list[Row], Row]:
    """The breakdown's rows and its total row; for a commissioner, small counts hidden, none worked out."""
    keys = sorted(set(before) | set(after), key=lambda key: (key is None, key or ""))
    sides = []
    for counter in (before, after):
        values = [counter[key] for key in keys]
        cells, total = disclosure.column(values, sum(values)) if commissioner else (values, sum(values))
        sides.append([*cells, total])
    out = []
    for key, b, a in zip([*keys, "total"], *sides, strict=True):
        # For a commissioner the change is worked out from the rounded counts, never the exact one.
        change = disclosure.change(b, a) if commissioner else a - b
        out.append(Row(key, b, a, change))
    return out[:-1], out[-1]


def few_moved(before: Counter, after: Counter) -> bool:
    """Whether a change moves 1-4 young people between home districts' counts.

    A what-if built so that its new option serves one person would show that person's home
    district whenever the rounded count there crosses a multiple of 5; so where so few move, a
    commissioner is not shown the breakdown by home district after the change (issue 27).
    """
    moved = sum(abs(after[key] - before[key]) for key in set(before) | set(after))
    return 1 <= moved < disclosure.BASE


def presented(answer: WhatIf, commissioner: bool) -> dict[str, Any]:
    """The answer as the API and the page show it; for a commissioner, small counts hidden."""

    def summary(side: Side) -> dict[str, Any]:
        if not commissioner:
            return side.summary
        counts = ("in_scope", "matched", "urgent", "urgent_matched")
        return side.summary | {name: disclosure.rounded(side.summary[name]) for name in counts}

    def table(attribute: str) -> list[dict[str, Any]]:
        before, after = getattr(answer.before, attribute), getattr(answer.after, attribute)
        found, total = rows(before, after, commissioner)
        shown = [asdict(row) for row in [*found, total]]
        if commissioner and attribute == "by_home_district" and few_moved(before, after):
            return [row | {"after": disclosure.WITHHELD, "change": disclosure.WITHHELD} for row in shown]
        return shown

    return {
        "as_of": answer.as_of,
        "before": summary(answer.before),
        "after": summary(answer.after),
        "by_home_district": table("by_home_district"),
        "by_route": table("by_route"),
        "weekly_cost": asdict(answer.weekly_cost),
    }
