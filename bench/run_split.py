"""POST /matching/runs on the seeded county at --scale 10, its time split by part (issues 20, 34).

The parts are timed inside one POST, by wrapping the functions the service calls: reading the
store into the matcher's problem, the plan of the coming months (solved: the plans kept are
forgotten first), the matcher (its build, solve and explain as it timed them), the snapshot and
its digest. What the POST takes beyond them is the writing (the run, its proposals and audit rows,
in one transaction) and the answer's JSON. Wall and CPU seconds of this process, each part and the
whole: the machine is shared, and under load the wall clock measures the queue for the cores too.
"""

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from flask_migrate import upgrade

import matching
from api import create_app
from housing.models import MatchingRun
from housing.reads import matching_input
from housing.services import accounts, coming_months, runs
from housing.vocabulary import Role
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate

AS_OF = date(2026, 11, 23)
SCALE = 10.0


def run(_size: str = "split") -> dict:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.db'}"
        app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench"})
        with app.app_context():
            upgrade()
        store = app.extensions["pathways"]
        with store.writer_factory() as session:
            load_reference(session)
            write_scenario(session, generate(2026, SCALE, AS_OF))
        with store.writer_factory() as session:
            token = accounts.create_user(session, "officer@bench.example", Role.HOUSING_OFFICER, None)

        seconds: dict[str, float] = {}
        cpu: dict[str, float] = {}
        coming_months.forget()
        with (
            timed(matching_input, "in_scope", seconds, cpu, "read"),
            timed(matching_input, "build", seconds, cpu, "read"),
            timed(coming_months, "plan", seconds, cpu, "plan"),
            timed(runs, "to_data", seconds, cpu, "snapshot"),
            timed(runs, "with_plan", seconds, cpu, "snapshot"),
            timed(runs, "digest", seconds, cpu, "snapshot"),
            timed(matching, "solve", seconds, cpu, "matcher"),
            matcher_parts(seconds),
        ):
            started, cpu_started = time.perf_counter(), time.process_time()
            response = app.test_client().post(
                "/api/v1/matching/runs",
                json={"as_of": AS_OF.isoformat()},
                headers={"Authorization": f"Bearer {token}"},
            )
            post, post_cpu = time.perf_counter() - started, time.process_time() - cpu_started
        assert response.status_code == 201, response.json
        with store.session_factory() as session:
            record = session.get(MatchingRun, response.json["id"])
            in_scope, options = record.summary["in_scope"], len(record.snapshot["options"])
        store.engine.dispose()
    # The plan reads the store too (the young people to come): its own part, not "read".
    parts = ("read", "plan", "matcher", "snapshot")
    wall = {part: seconds.get(part, 0.0) for part in parts}
    return {
        "size": f"county x{SCALE:g} POST /matching/runs",
        "database": "sqlite",
        "young_people_in_scope": in_scope,
        "options": options,
        "post_runs_s": round(post, 2),
        "post_runs_cpu_s": round(post_cpu, 2),
        "read_store_s": round(wall["read"], 2),
        "read_store_cpu_s": round(cpu.get("read", 0.0), 2),
        "plan_s": round(wall["plan"], 2),
        "plan_cpu_s": round(cpu.get("plan", 0.0), 2),
        "matcher_s": round(wall["matcher"], 2),
        "matcher_cpu_s": round(cpu.get("matcher", 0.0), 2),
        **{f"matcher_{part}_s": round(seconds[part], 2) for part in MATCHER_PARTS},
        "snapshot_s": round(wall["snapshot"], 2),
        "snapshot_cpu_s": round(cpu.get("snapshot", 0.0), 2),
        "writing_and_answer_s": round(post - sum(wall.values()), 2),
        "writing_and_answer_cpu_s": round(post_cpu - sum(cpu.get(part, 0.0) for part in parts), 2),
        "load_average": os.getloadavg()[0],
    }


MATCHER_PARTS = ("build", "solve", "explain")
_DEPTH = [0]  # timed calls open: shared by every wrapper, so that nested calls count once


@contextmanager
def matcher_parts(seconds: dict[str, float]) -> Iterator[None]:
    """Keeps the matcher's own build, solve and explain times (`Solution.timings_ms`) of the POST."""
    original = matching.solve

    def wrapper(problem: matching.Problem) -> matching.Solution:
        solution = original(problem)
        for part in MATCHER_PARTS:
            seconds[part] = solution.timings_ms[part] / 1000
        return solution

    matching.solve = wrapper
    try:
        yield
    finally:
        matching.solve = original


@contextmanager
def timed(
    module: object, name: str, seconds: dict[str, float], cpu: dict[str, float], part: str
) -> Iterator[None]:
    """Adds the wall and CPU time spent in `module.name` to `seconds[part]` and `cpu[part]` while
    inside; a call made inside another timed call (the plan reads the young people to come through
    `in_scope`) counts only to the outer one's part."""
    original = getattr(module, name)
    depth = _DEPTH

    def wrapper(*args: object, **kwargs: object) -> object:
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        started, cpu_started = time.perf_counter(), time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            seconds[part] = seconds.get(part, 0.0) + time.perf_counter() - started
            cpu[part] = cpu.get(part, 0.0) + time.process_time() - cpu_started

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, original)
