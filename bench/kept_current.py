"""Proposals kept current at county scale: from an event (a rejection) to its run stored, beside a
full run of everyone in scope; and the event's run checked exact against that full run. Wall and
CPU seconds of this process (the machine is shared: under load the wall clock includes the wait)."""

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from api import create_app
from bench.trust.servers import seed_county
from housing.models import Event, MatchingRun
from housing.services import reproposals

AS_OF = date(2026, 11, 23)
EVENTS = 5
TARGET_S = 0.5  # contract v1.2 asks within 10 s; the issue's own target at county scale


def run(_size: str = "county") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{Path(folder) / 'bench.db'}"
        token = seed_county(url, AS_OF).officer
        # The queue keeps jobs in memory and runs none: the bench processes each event itself, timed.
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "PATHWAYS_QUEUE": "memory"})
        store, client = app.extensions["pathways"], app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        full_s, event_s, covered, exact = [], [], [], []
        full_cpu, event_cpu = [], []
        for n in range(EVENTS):
            started, cpu = time.perf_counter(), time.process_time()
            body = client.post(
                "/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=headers
            ).json
            full_s.append(time.perf_counter() - started)
            full_cpu.append(time.process_time() - cpu)
            proposal = body["proposals"][n * 7]
            rejected = client.post(f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "bench"},
                                   headers=headers)  # fmt: skip
            assert rejected.status_code == 200, rejected.json
            with store.session_factory() as session:
                event_id = session.scalar(select(Event.id).where(Event.subject_id == proposal["id"]))
            started, cpu = time.perf_counter(), time.process_time()  # the event committed: to its run stored
            with store.writer_factory() as session:
                done = reproposals.process(session, event_id, today=AS_OF, reach_km=app.config["REACH_KM"])
            event_s.append(time.perf_counter() - started)
            event_cpu.append(time.process_time() - cpu)
            with store.session_factory() as session:
                made = session.get(MatchingRun, done.run.id)
                ids = {p.young_person_id for p in made.proposals} | {
                    u["young_person"] for u in made.unmatched
                }
                covered.append(len(ids))
                # Exact: a full re-solve of the same store costs the covered exactly as the event's run.
                again = client.post(
                    "/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=headers
                ).json
                exact.append(made.objective == _cost_of(again, ids))
        store.engine.dispose()
    return {
        "size": "county kept current",
        "database": url.split(":", 1)[0],
        "young_people_in_scope": body["summary"]["in_scope"],
        "event_to_run_stored_s": round(min(event_s), 3),
        "event_to_run_stored_max_s": round(max(event_s), 3),
        "event_to_run_stored_cpu_s": round(min(event_cpu), 3),
        "event_to_run_stored_max_cpu_s": round(max(event_cpu), 3),
        "full_run_s": round(min(full_s), 3),
        "full_run_cpu_s": round(min(full_cpu), 3),
        "event_over_full": round(min(event_s) / min(full_s), 2),
        "young_people_covered": max(covered),
        "exact": all(exact),
        "within_target": max(event_s) <= TARGET_S,
        "events": EVENTS,
        "load_average": os.getloadavg()[0],
    }


def _cost_of(run_body: dict, people: set[str]) -> int:
    chosen = {p["young_person"]: p["cost"] for p in run_body["proposals"]}
    penalty = {u["young_person"]: u["penalty"] for u in run_body["unmatched"]}
    return sum(chosen.get(p, penalty.get(p, 0)) for p in people)
