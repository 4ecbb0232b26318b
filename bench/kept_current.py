"""Proposals kept current at county scale: from an event (a rejection) to its run stored, beside a
full run of everyone in scope in the same process; and the event's run checked exact against that
full run. Wall and CPU seconds of this process, best, median and worst (the machine is shared:
under load the wall clock includes the wait), with the load average.

Every other event is processed as a worker would after a change it cannot reuse the months'
tables of arcs through (`coming_months.forget` first): the plan of the coming months is then made
from nothing; the others reuse the tables the run before kept, as a worker does after a rejection.
"""

import os
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import select

from api import create_app
from bench.trust.servers import seed_county
from housing.models import Event, MatchingRun
from housing.services import coming_months, reproposals

AS_OF = date(2026, 11, 23)
EVENTS = 8  # half of them with the months' tables made afresh
TARGET_S = 0.5  # contract v1.2 asks within 10 s; the issue's own target at county scale


def run(_size: str = "county") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{Path(folder) / 'bench.db'}"
        token = seed_county(url, AS_OF).officer
        # The queue keeps jobs in memory and runs none: the bench processes each event itself, timed.
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench", "PATHWAYS_QUEUE": "memory"})
        store, client = app.extensions["pathways"], app.test_client()
        headers = {"Authorization": f"Bearer {token}"}
        full_s, covered, exact = [], [], []
        full_cpu = []
        event: dict[str, list[tuple[float, float]]] = {"kept": [], "afresh": []}
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
            tables = "afresh" if n % 2 else "kept"
            if tables == "afresh":
                coming_months.forget()
            started, cpu = time.perf_counter(), time.process_time()  # the event committed: to its run stored
            with store.writer_factory() as session:
                done = reproposals.process(session, event_id, today=AS_OF, reach_km=app.config["REACH_KM"])
            event[tables].append((time.perf_counter() - started, time.process_time() - cpu))
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
    kept_cpu = [c for _, c in event["kept"]]
    return {
        "size": "county kept current",
        "database": url.split(":", 1)[0],
        "young_people_in_scope": body["summary"]["in_scope"],
        **_spread("event_to_run_stored", event["kept"]),
        **_spread("event_to_run_stored_tables_afresh", event["afresh"]),
        "full_run_s": round(min(full_s), 3),
        "full_run_cpu_s": round(min(full_cpu), 3),
        "full_run_median_cpu_s": round(statistics.median(full_cpu), 3),
        "event_over_full_cpu": round(min(kept_cpu) / min(full_cpu), 2),
        "young_people_covered": max(covered),
        "exact": all(exact),
        # The target in CPU seconds (the wall clock on a shared machine is the queue for its cores).
        "within_target_cpu_best": min(kept_cpu) <= TARGET_S,
        "within_target_cpu_worst": max(kept_cpu) <= TARGET_S,
        "within_target_wall_worst": max(w for w, _ in event["kept"]) <= TARGET_S,
        "events": EVENTS,
        "load_average": os.getloadavg()[0],
    }


def _spread(name: str, timings: list[tuple[float, float]]) -> dict:
    """Best, median and worst, wall and CPU seconds."""
    wall, cpu = [w for w, _ in timings], [c for _, c in timings]
    return {
        f"{name}_s": round(min(wall), 3),
        f"{name}_median_s": round(statistics.median(wall), 3),
        f"{name}_max_s": round(max(wall), 3),
        f"{name}_cpu_s": round(min(cpu), 3),
        f"{name}_median_cpu_s": round(statistics.median(cpu), 3),
        f"{name}_max_cpu_s": round(max(cpu), 3),
    }


def _cost_of(run_body: dict, people: set[str]) -> int:
    chosen = {p["young_person"]: p["cost"] for p in run_body["proposals"]}
    penalty = {u["young_person"]: u["penalty"] for u in run_body["unmatched"]}
    return sum(chosen.get(p, penalty.get(p, 0)) for p in people)
