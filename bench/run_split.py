"""POST /matching/runs on the seeded county at --scale 10, its time split by part (issue 20).

The parts are timed inside one POST, by wrapping the functions the service calls: reading the
store into the matcher's problem, the matcher (its own wall time, from the answer, and its build,
solve and explain as it timed them), the snapshot and its digest. What the POST takes beyond them
is the writing (the run, its proposals and audit rows, in one transaction) and the answer's JSON.
"""

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
from housing.services import accounts, runs
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
        with (
            timed(matching_input, "in_scope", seconds, "read"),
            timed(matching_input, "build", seconds, "read"),
            timed(runs, "to_data", seconds, "snapshot"),
            timed(runs, "digest", seconds, "snapshot"),
            matcher_parts(seconds),
        ):
            started = time.perf_counter()
            response = app.test_client().post(
                "/api/v1/matching/runs",
                json={"as_of": AS_OF.isoformat()},
                headers={"Authorization": f"Bearer {token}"},
            )
            post = time.perf_counter() - started
        assert response.status_code == 201, response.json
        with store.session_factory() as session:
            record = session.get(MatchingRun, response.json["id"])
            in_scope, options = record.summary["in_scope"], len(record.snapshot["options"])
        store.engine.dispose()
    matcher = response.json["solver"]["wall_ms"] / 1000
    read, snapshot = seconds.get("read", 0.0), seconds.get("snapshot", 0.0)
    return {
        "size": f"county x{SCALE:g} POST /matching/runs",
        "database": "sqlite",
        "young_people_in_scope": in_scope,
        "options": options,
        "post_runs_s": round(post, 2),
        "read_store_s": round(read, 2),
        "matcher_s": round(matcher, 2),
        **{f"matcher_{part}_s": round(seconds[part], 2) for part in MATCHER_PARTS},
        "snapshot_s": round(snapshot, 2),
        "writing_and_answer_s": round(post - read - matcher - snapshot, 2),
    }


MATCHER_PARTS = ("build", "solve", "explain")


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
def timed(module: object, name: str, seconds: dict[str, float], part: str) -> Iterator[None]:
    """Adds the time spent in `module.name` to `seconds[part]` while inside."""
    original = getattr(module, name)

    def wrapper(*args: object, **kwargs: object) -> object:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[part] = seconds.get(part, 0.0) + time.perf_counter() - started

    setattr(module, name, wrapper)
    try:
        yield
    finally:
        setattr(module, name, original)
