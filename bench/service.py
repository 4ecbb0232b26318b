"""POST /matching/runs on the seeded county, beside the matcher alone on the same problem.

Timed two ways, since every run plans the coming months: with the plan solved (as after any change
in the store, `coming_months.forget` first) and with the plan of an unchanged store reused (the
same day, nothing the plan reads changed). Wall and CPU seconds of this process: the machine is
shared, and under load the wall clock measures the queue for the cores as much as the work.
"""

import os
import tempfile
import time
from datetime import date
from pathlib import Path

import matching
from api import create_app
from bench.trust.servers import seed_county
from housing.reads import matching_input
from housing.services import coming_months

AS_OF = date(2026, 11, 23)
REPEATS = 5


def run(_size: str = "county") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{Path(folder) / 'bench.db'}"
        token = seed_county(url, AS_OF).officer
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        store = app.extensions["pathways"]
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}

        def post() -> tuple[float, float, dict]:
            wall, cpu = time.perf_counter(), time.process_time()
            response = client.post(
                "/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=headers
            )
            assert response.status_code == 201, response.json
            return time.perf_counter() - wall, time.process_time() - cpu, response.json

        solved, reused, alone = [], [], []
        for _ in range(REPEATS):
            coming_months.forget()
            solved.append(post()[:2])
            *timing, body = post()
            reused.append(tuple(timing))
            with store.session_factory() as session:
                people = matching_input.in_scope(session, AS_OF, None)
                problem = matching_input.build(session, AS_OF, people, app.config["REACH_KM"])
            wall, cpu = time.perf_counter(), time.process_time()
            matching.solve(problem)
            alone.append((time.perf_counter() - wall, time.process_time() - cpu))
        store.engine.dispose()
    best = {name: (min(w for w, _ in xs), min(c for _, c in xs)) for name, xs in
            (("solved", solved), ("reused", reused), ("alone", alone))}  # fmt: skip
    return {
        "size": "county service",
        "database": url.split(":", 1)[0],
        "young_people_in_scope": body["summary"]["in_scope"],
        "options": len(problem.options),
        "proposals": len(body["proposals"]),
        "post_runs_s": round(best["solved"][0], 3),
        "post_runs_cpu_s": round(best["solved"][1], 3),
        "post_runs_plan_reused_s": round(best["reused"][0], 3),
        "post_runs_plan_reused_cpu_s": round(best["reused"][1], 3),
        "matcher_alone_s": round(best["alone"][0], 3),
        "matcher_alone_cpu_s": round(best["alone"][1], 3),
        "service_over_matcher": round(best["solved"][0] / best["alone"][0], 2),
        "service_over_matcher_cpu": round(best["solved"][1] / best["alone"][1], 2),
        "repeats": REPEATS,
        "load_average": os.getloadavg()[0],
    }
