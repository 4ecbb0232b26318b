"""Whether a run treated some young people worse than others: ranks, pass-overs, distances by group.

Read from the run's own snapshot (the problem it solved, with each young person's tier of what is
due) and its proposals, so the figures are those of the run as made, not of today's store. A
pass-over is as the contract defines it (v1.2, "Who is served first"; found by
`matching.fairness.pass_overs`): a run keeps one only where the exchange would leave the other
young person with no place, or, between tiers later and none, where it would cost more overall.
"""

import csv
import io
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session, defer

import matching
from housing import audit_words as words
from housing import disclosure
from housing.actors import Actor
from housing.db import found, transaction
from housing.errors import Forbidden
from housing.models import MatchingRun, YoungPerson
from housing.reads import names
from housing.services import audit
from housing.vocabulary import Role
from matching import fairness, planning
from matching.snapshot import from_data
from matching.vocabulary import DUE_TIERS

# Why a run kept a pass-over, by code (the page words them; an older run may hold one it would not keep now).
NO_OTHER_PLACE = "no_other_place"  # the exchange would leave the other young person with no place
COSTS_MORE = "costs_more_overall"  # later passed over for none: the exchange would cost more overall
NOT_KEPT = "exchange_possible"  # a run made before v1.2: the exchange keeps every count that comes first
LATER = DUE_TIERS.index("later")

# The groups whose distance to links is set beside the county's, each with how a young person is sorted.
GROUPS = {
    "home_district": None,  # from the store: the snapshot does not carry it
    "support_level": lambda p: p.support_level,
    "uasc": lambda p: "yes" if p.uasc else "no",
    "parents": lambda p: "yes" if p.children else "no",
    "disabled": lambda p: (
        "yes" if p.wheelchair or p.step_free else "no"
    ),  # a wheelchair user or step-free need
}


@dataclass(frozen=True)
class Fairness:
    run_id: str
    ranks: dict[str, int]
    passed_over_count: int
    passed_over: list[dict[str, Any]]  # young_person, option, holder, reason
    county: dict[str, Any]
    distances: list[dict[str, Any]] = field(default_factory=list)


def of_run(session: Session, actor: Actor, run_id: str, *, with_list: bool) -> Fairness:
    """The run's figures; every read audited, and each young person a listed pair names (both of them).

    Worked out as the run is stored (`housing.services.run_pages`) and kept with it
    (`MatchingRun.fairness`); for a run stored before that, from its snapshot, its proposals and
    the homes the first time they are read, then kept. They depend on the run as made, never on the
    store since, except each young person's home district, taken when they were worked out. The
    reading is audited once it is known whom it names.
    """
    with transaction(session):
        record = found(session, MatchingRun, run_id, "matching run", options=(defer(MatchingRun.snapshot),))
        if actor.role is Role.COMMISSIONER:
            _commissioner_may_read(record)
        if record.fairness is None:
            problem = from_data(record.snapshot)
            chosen = [(p.young_person_id, p.option_id) for p in record.proposals]
            homes = dict(
                session.execute(
                    select(YoungPerson.id, YoungPerson.home_district).where(
                        YoungPerson.id.in_([p.id for p in problem.young_people])
                    )
                ).all()
            )
            record.fairness = asdict(figures(run_id, problem, matching.published(problem), chosen, homes))
        kept = Fairness(**record.fairness)
        shown = kept if with_list else replace(kept, passed_over=[])
        if with_list:
            named = {p for row in shown.passed_over for p in (row["young_person"], row["holder"]) if p}
            audit.record_views(
                session, actor, sorted(named), f"fairness of the matching run as of {words.day(record.as_of)}"
            )
        audit.record(
            session, actor, "fairness", None, f"fairness of the matching run as of {words.day(record.as_of)}"
        )
    return shown


def figures(
    run_id: str,
    problem: matching.Problem,
    c: matching.Candidates,
    proposed: list[tuple[str, str]],
    homes: dict[str, str | None],
) -> Fairness:
    """The figures of the assignment `proposed` ((young person, option) pairs) of `problem`, whose
    published arcs are `c`; `homes` is each young person's home district."""
    people = [p.id for p in problem.young_people]
    person_index = {pid: n for n, pid in enumerate(people)}
    option_ids = [o.id for o in problem.options]
    option_index = {oid: k for k, oid in enumerate(option_ids)}
    # Each proposal's arc, found by its (young person, option) key among the arcs' sorted keys.
    keys = c.person * max(len(option_ids), 1) + c.option
    order = np.argsort(keys, kind="stable")
    wanted = np.array(
        [person_index[p] * max(len(option_ids), 1) + option_index[o] for p, o in proposed], dtype=np.int64
    )
    chosen = np.zeros(c.size, dtype=bool)
    chosen[order[np.searchsorted(keys[order], wanted)]] = True
    found = fairness.pass_overs(c, chosen)
    km = fairness.link_km(c, chosen, lambda arcs: planning.link_km(planning.Planned(problem, c), arcs))
    distances = []
    for name, sort in GROUPS.items():
        labels = [homes.get(p.id) if sort is None else sort(p) for p in problem.young_people]
        distances += [
            {"by": name, "group": label, "placed": n, "mean_link_km": mean}
            for label, n, mean in fairness.by_group(km, labels)
        ]
    [(_, placed, mean)] = fairness.by_group(km, ["county"] * len(people)) or [("county", 0, None)]
    listed = [
        {"young_person": people[i], "option": option_ids[k], "holder": people[j],
         "reason": _reason(int(c.tiers[i]), int(c.tiers[j]), alone)}
        for i, k, j, alone in zip(
            found.young_person.tolist(), found.option.tolist(), found.holder.tolist(),
            found.no_other_place.tolist(), strict=True,
        )
    ]  # fmt: skip
    return Fairness(
        run_id=run_id,
        ranks=fairness.rank_profile(c, chosen),
        passed_over_count=len(found.young_person),
        passed_over=listed,
        county={"placed": placed, "mean_link_km": mean},
        distances=distances,
    )


def _commissioner_may_read(record: MatchingRun) -> None:
    """Only a run of everyone in scope, of at least 5 young people (contract v1.2): the figures of a
    run made for a few describe those few (one person's run gives their attributes away)."""
    if not record.everyone or record.summary.get("in_scope", 0) < disclosure.BASE:
        raise Forbidden(
            "a commissioner reads the fairness of a run of everyone in scope only, not of a run made "
            "for chosen young people"
        )


def _reason(tier: int, holder_tier: int, no_other_place: bool) -> str:
    """Why the run kept this pass-over (contract v1.2): the holder had no other place, or the two are
    of tiers whose costs the run does not put first; else it is one a v1.2 run would not keep."""
    if no_other_place and holder_tier >= LATER:
        return NO_OTHER_PLACE
    return COSTS_MORE if tier >= LATER else NOT_KEPT


def presented(found: Fairness, commissioner: bool) -> dict[str, Any]:
    """The figures as the API, the CSV and the page show them; for a commissioner, small counts hidden."""
    body = asdict(found)
    if not commissioner:
        return body
    ranks = list(found.ranks)
    cells, _ = disclosure.column([found.ranks[name] for name in ranks], sum(found.ranks.values()))
    body["ranks"] = dict(zip(ranks, cells, strict=True))
    body["passed_over_count"] = disclosure.rounded(found.passed_over_count)
    shown = []
    for by in dict.fromkeys(row["by"] for row in found.distances):
        rows = [row for row in found.distances if row["by"] == by]
        cells, _ = disclosure.column([row["placed"] for row in rows], found.county["placed"])
        # A group's mean distance is shown only for a group of at least 5 (a mean of one is their distance).
        shown += [
            row
            | {
                "placed": cell,
                "mean_link_km": row["mean_link_km"] if row["placed"] >= 5 else disclosure.WITHHELD,
            }
            for row, cell in zip(rows, cells, strict=True)
        ]
    body["distances"] = shown
    body["county"] = found.county | {"placed": disclosure.rounded(found.county["placed"])}
    return body


@dataclass(frozen=True)
class Section:
    """The run page's fairness section: the figures, and the case references and places its pairs name."""

    body: dict[str, Any]
    references: dict[str, str]
    options: dict[str, str]
    districts: dict[str, str]


def section(session: Session, actor: Actor, run_id: str) -> Section:
    body = presented(of_run(session, actor, run_id, with_list=True), commissioner=False)
    people = {p for pair in body["passed_over"] for p in (pair["young_person"], pair["holder"])}
    shown = names.options_by_id(session, [pair["option"] for pair in body["passed_over"]])
    options = {o.id: f"{o.name}, {o.place}" for o in shown.values()}
    return Section(body, names.references(session, people), options, names.district_names(session))


def as_csv(body: dict[str, Any]) -> str:
    """One row per figure, for a spreadsheet; the pass-overs last, with why each was kept (officers only)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "by", "group", "young_people", "mean_link_km"])
    for name, value in body["ranks"].items():
        writer.writerow(["preference", "", name, value, ""])
    writer.writerow(["passed_over", "", "pairs", body["passed_over_count"], ""])
    writer.writerow(
        ["distance_to_links", "county", "", body["county"]["placed"], body["county"]["mean_link_km"]]
    )
    for row in body["distances"]:
        writer.writerow(["distance_to_links", row["by"], row["group"], row["placed"], row["mean_link_km"]])
    for pair in body["passed_over"]:
        writer.writerow(
            ["passed_over_pair", pair["young_person"], pair["option"], pair["holder"], pair["reason"]]
        )
    return out.getvalue()
