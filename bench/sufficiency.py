"""Sufficiency and what-if through the API on the seeded county (and at --scale 10), beside a plain solve.

Each figure is the best of a few repeats, timed around the test client's request: reading the
store, building the base problem, solving it, pricing every option, answering. Beside it, the
same run's plain `matching.solve` of the problem a run of everyone in scope would solve: the
ratio says what planning costs over one matching run.
"""

import os
import tempfile
import time
from datetime import date
from pathlib import Path

from flask_migrate import upgrade

import matching
from api import create_app
from housing.reads import matching_input, sufficiency
from housing.services import accounts
from housing.vocabulary import Role
from matching.shadow_prices import capacity_values
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate

AS_OF = date(2026, 11, 23)


def best(repeats: int, call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return min(times), result


def run(scale: float = 1.0) -> dict:
    repeats = 3 if scale <= 1 else 1
    with tempfile.TemporaryDirectory() as folder:
        url = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        store = app.extensions["pathways"]
        with app.app_context():
            upgrade()
        with store.writer_factory() as session:
            load_reference(session)
            write_scenario(session, generate(2026, scale, AS_OF))
            token = accounts.create_user(session, "plans@bench.example", Role.COMMISSIONER, None)
        client = app.test_client()
        headers = {"Authorization": f"Bearer {token}"}

        def get() -> dict:
            response = client.get(f"/api/v1/sufficiency?as_of={AS_OF}", headers=headers)
            assert response.status_code == 200, response.json
            return response.json

        sufficiency_s, body = best(repeats, get)
        options = client.get("/api/v1/options?route=supported_lodgings&page_size=5", headers=headers).json
        change = {
            "as_of": AS_OF.isoformat(),
            "changes": [{"option": options["items"][0]["id"], "places": 2}],
            "add": [{"route": "supported_accommodation", "name": "New", "place": "Worthing", "capacity": 4,
                     "available_from": AS_OF.isoformat(), "min_age": 16, "registered_16_17": True}],
        }  # fmt: skip

        def post() -> dict:
            response = client.post("/api/v1/what-if", json=change, headers=headers)
            assert response.status_code == 200, response.json
            return response.json

        what_if_s, compared = best(repeats, post)
        with store.session_factory() as session:
            people = matching_input.in_scope(session, AS_OF, None)
            problem = matching_input.build(session, AS_OF, people, app.config["REACH_KM"])
            base = sufficiency.solved(problem)
        solve_s, solution = best(repeats, lambda: matching.solve(problem))
        pricing_s, _ = best(repeats, lambda: capacity_values(base.planned.candidates, base.assignment.chosen))
        store.engine.dispose()
    return {
        "size": f"scale {scale:g}",
        "database": url.split(":", 1)[0],
        "young_people_in_scope": len(problem.young_people),
        "options": len(problem.options),
        "arcs": int(base.planned.candidates.size),
        "groups": len(body["items"]),
        "sufficiency_s": round(sufficiency_s, 3),
        "what_if_s": round(what_if_s, 3),
        "pricing_pass_s": round(pricing_s, 3),
        "plain_solve_s": round(solve_s, 3),
        "sufficiency_over_solve": round(sufficiency_s / solve_s, 2),
        "what_if_over_solve": round(what_if_s / solve_s, 2),
        "base_objective_equals_run": compared["before"]["objective"] == solution.objective,
        "repeats": repeats,
        "load_average_1min": round(os.getloadavg()[0], 1),  # the machine is shared: read ratios, not seconds
    }
