"""What `make crash` checks once the trials are over: every acknowledged write is in the store, each
Idempotency-Key made exactly one record, no young person is half written, the invariants hold."""

import os

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bench.trust.monitor import Monitor
from bench.trust.writers import Ledger
from housing.db import make_engine
from housing.invariants import broken
from housing.models import LocalLink, Option, Placement, Proposal, YoungPerson


def check(
    url: str, ledger: Ledger, *, retried: int, back: list[float], trials: int, monitor: Monitor, measured: str
) -> dict:
    engine = make_engine(url)
    models = {"young_person": YoungPerson, "option": Option, "accept": Proposal}
    with Session(engine) as session:
        missing = [
            (kind, made)
            for kind, made in ledger.acknowledged
            if kind in models and session.get(models[kind], made) is None
        ]
        missing += [
            p
            for p in ledger.accepted
            if session.scalar(select(func.count()).select_from(Placement).where(Placement.proposal_id == p))
            != 1
        ]
        duplicated, lost = records_per_key(session, ledger)
        half = session.execute(
            text("""
            SELECT y.id FROM young_people y WHERE y.reference LIKE 'CRASH-%' AND (
                (SELECT COUNT(*) FROM local_links l WHERE l.young_person_id = y.id) <> 1
                OR NOT EXISTS (SELECT 1 FROM audit a WHERE a.young_person_id = y.id AND a.action = 'create'))
        """)
        ).all()
        invariants = broken(session)
        links = session.scalar(select(func.count()).select_from(LocalLink))
    engine.dispose()
    ordered = sorted(back)
    return {
        "trials_run": trials,
        "acknowledged_writes": len(ledger.acknowledged),
        "unknown_then_retried": retried,
        "retries_that_found_their_write_made": ledger.replayed,
        "missing": len(missing),
        "duplicated": duplicated,
        "keys_without_their_record": lost,
        "half_written": len(half),
        "invariants_broken": invariants,
        "local_links_in_store": links,
        "serve_again_median_s": round(ordered[len(ordered) // 2], 3),
        "serve_again_max_s": round(ordered[-1], 3),
        "serve_again_measured": measured,
        "health_polls_failed": monitor.failed,
        "health_polls_failed_by_what": dict(monitor.failures),
        "longest_without_health_s": round(monitor.longest, 3),
        # The machine is shared: how busy it was says how far the figures above are the service's own.
        "load_average_1min_at_the_end": round(os.getloadavg()[0], 1),
    }


PEOPLE_PER_TAG = (
    "SELECT reference, COUNT(*) FROM young_people WHERE reference LIKE 'CRASH-%' GROUP BY reference"
)
ROOMS_PER_TAG = "SELECT name, COUNT(*) FROM options WHERE name LIKE 'Crash room %' GROUP BY name"


def records_per_key(session: Session, ledger: Ledger) -> tuple[int, int]:
    """Keys that made more than one record, and keys that made none although every send of them was
    answered in the end. Each journey's young person and room are named by its key."""
    people = dict(session.execute(text(PEOPLE_PER_TAG)).all())
    rooms = dict(session.execute(text(ROOMS_PER_TAG)).all())
    sent = [
        (kind, key.rsplit("-", 1)[0])
        for key, kind in ledger.keys.items()
        if kind in ("young_person", "option")
    ]
    counts = [
        people.get(f"CRASH-{tag}", 0) if kind == "young_person" else rooms.get(f"Crash room {tag}", 0)
        for kind, tag in sent
    ]
    return sum(1 for count in counts if count > 1), sum(1 for count in counts if count == 0)
