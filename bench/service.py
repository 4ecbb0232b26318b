"""POST /matching/runs on the seeded county, beside the matcher alone on the same problem."""

import os
import tempfile
import time
from datetime import date
from pathlib import Path

import matching
from api import create_app
from bench.trust.servers import seed_county
from housing.reads import matching_input

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

        service, alone = [], []
        for _ in range(REPEATS):
            started = time.perf_counter()
            response = client.post(
                "/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=headers
            )
            service.append(time.perf_counter() - started)
            assert response.status_code == 201, response.json
            with store.session_factory() as session:
                people = matching_input.in_scope(session, AS_OF, None)
                problem = matching_input.build(session, AS_OF, people, app.config["REACH_KM"])
            started = time.perf_counter()
            matching.solve(problem)
            alone.append(time.perf_counter() - started)
        store.engine.dispose()
    body = response.json
    return {
        "size": "county service",
        "database": url.split(":", 1)[0],
        "young_people_in_scope": body["summary"]["in_scope"],
        "options": len(problem.options),
        "proposals": len(body["proposals"]),
        "post_runs_s": round(min(service), 3),
        "matcher_alone_s": round(min(alone), 3),
        "service_over_matcher": round(min(service) / min(alone), 2),
        "repeats": REPEATS,
    }
