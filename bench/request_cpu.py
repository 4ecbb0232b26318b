"""`python -m bench.request_cpu [--reuse] [--profile NAME]`: the CPU one request of each of `make
load`'s kinds costs inside the service, in one process (issue 34, part 4).

`make load` needs a quiet machine; this does not. Each request is sent through the app in this
process (Flask's test client: the WSGI app whole, the security headers included, not gunicorn's
parsing) to the seeded county in PostgreSQL, and timed by this process's own CPU clock, so other
work on the machine slows it but does not change the figure much. PostgreSQL's CPU is its own and
not counted. The mix's mean weighs each kind by its share of `make load`'s requests
(`bench/trust/journeys.py`): 2 cores divided by that mean is the most the workers could serve.

The database is `LOAD_DATABASE` (default `pathways_request_cpu`) on the machine's PostgreSQL, made
afresh (`--reuse`: the county already there). Each kind is also timed with marshmallow's own
dump in the same process, alternating, as the baseline of httpkit/dumping.py. `--profile NAME`
prints where one kind's CPU goes (cProfile on the CPU clock).
"""

import cProfile
import os
import pstats
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from flask import Flask
from flask_migrate import upgrade
from sqlalchemy import func, select

from api import create_app
from bench.trust import servers
from housing.clock import today
from housing.models import YoungPerson
from housing.services import accounts
from housing.vocabulary import NEXT_STAGES, Role, Stage
from httpkit import dumping
from seeds.load import load_reference, write_scenario
from seeds.scenario import generate

REPEATS, ROUNDS, PROFILED = 120, 6, 40
# Requests a second of each kind among `make load`'s users (officers 6 : district officers 3 :
# coordinator 1, 5 tasks a second each, tasks by their weights in bench/trust/journeys.py).
MIX = {
    "GET /young-people": 6 * 4 / 16,
    "GET /young-people/{id}": 6 * 6 / 16,
    "GET /options": 6 * 2 / 16,
    "POST /young-people": 6 * 1 / 16,
    "POST /young-people/{id}/applications": 6 * 1 / 16,
    "POST /matching/runs": 6 * 1 / 16,
    "POST /proposals/{id}/accept": 6 * 2 / 16,
    "GET /districts/{slug}/applicants": 3 * 5 / 8,
    "GET /districts/{slug}/nominations": 3 * 2 / 8,
    "GET /cohorts": 1 * 2 / 5,
    "GET /cohorts/{id}": 1 * 3 / 5,
    "PATCH /cohorts/{id}/members/{young_person}": 1 * 3 / 5,
}


class Caller:
    """Requests as `make load`'s users send them, with what each needs from the answers before."""

    def __init__(self, client: Any, tokens: servers.Tokens) -> None:
        self.client = client
        self.tokens = tokens
        self.seen: list[str] = []
        self.mine: list[str] = []
        self.unapplied: list[str] = []
        self.proposals: list[tuple[str, str]] = []
        self.cohorts: list[str] = []
        self.members: list[tuple[str, str, str]] = []

    def send(self, method: str, path: str, token: str, ok: tuple[int, ...], **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {token}"} | kwargs.pop("headers", {})
        answer = self.client.open("/api/v1" + path, method=method, headers=headers, **kwargs)
        if answer.status_code not in ok:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.get_data(as_text=True)[:300]}")
        return answer.get_json()

    def kinds(self) -> dict[str, Callable[[], Any]]:
        officer, coordinator = self.tokens.officer, self.tokens.coordinator
        district = self.tokens.districts["crawley"]
        before = (today() + timedelta(days=365)).isoformat()
        return {
            "GET /health": lambda: self.send("GET", "/health", officer, (200,)),
            "GET /young-people": lambda: self.listed(
                self.send("GET", f"/young-people?deadline_before={before}&page_size=50", officer, (200,))
            ),
            "GET /young-people/{id}": lambda: self.send(
                "GET", f"/young-people/{random.choice(self.seen)}", officer, (200,)
            ),
            "GET /options": lambda: self.send(
                "GET",
                f"/options?route={random.choice(['register_vacancy', 'supported_lodgings'])}&page_size=50",
                officer,
                (200,),
            ),
            "GET /districts/{slug}/applicants": lambda: self.send(
                "GET", "/districts/crawley/applicants?page_size=50", district, (200,)
            ),
            "GET /districts/{slug}/nominations": lambda: self.send(
                "GET", "/districts/crawley/nominations?status=pending", district, (200,)
            ),
            "GET /cohorts": lambda: self.boarded(
                self.send("GET", "/cohorts?page_size=50", coordinator, (200,))
            ),
            "GET /cohorts/{id}": lambda: self.cohort(random.choice(self.cohorts)),
            "POST /young-people": self.record,
            "POST /young-people/{id}/applications": self.apply,
            "POST /matching/runs": self.run,
            "POST /proposals/{id}/accept": self.accept,
            "PATCH /cohorts/{id}/members/{young_person}": self.move,
        }

    def listed(self, page: dict) -> None:
        self.seen = [person["id"] for person in page["items"]]

    def boarded(self, page: dict) -> None:
        self.cohorts = [cohort["id"] for cohort in page["items"]]

    def cohort(self, cohort_id: str) -> None:
        found = self.send("GET", f"/cohorts/{cohort_id}", self.tokens.coordinator, (200,))
        self.members = [
            (cohort_id, m["young_person"], NEXT_STAGES[Stage(m["stage"])][0])
            for m in found["members"]
            if NEXT_STAGES[Stage(m["stage"])]
        ]

    def record(self) -> None:
        body = {
            "reference": f"cpu{uuid.uuid4().hex[:10]}",
            "given_name": "Sam",
            "family_name": f"Cpu{uuid.uuid4().hex[:6]}",
            "date_of_birth": (today() - timedelta(days=6209 + random.randint(0, 300))).isoformat(),
            "home_district": "crawley",
            "current_place": "Crawley",
            "support_level": "low",
            "needs": {"immigration": "not_applicable"},
            "local_links": [{"kind": "college", "place": "Crawley", "importance": 3, "note": "college"}],
            "preferences": [{"rank": 1, "route": "supported_lodgings"}],
            "wishes": "near college",
        }
        made = self.send(
            "POST", "/young-people", self.tokens.officer, (201,), json=body,
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )  # fmt: skip
        self.mine.append(made["id"])
        self.unapplied.append(made["id"])

    def apply(self) -> None:
        self.send(
            "POST", f"/young-people/{self.unapplied.pop()}/applications", self.tokens.officer, (201,),
            json={"district": "horsham", "band": "B", "applied_on": today().isoformat()},
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )  # fmt: skip

    def run(self) -> None:
        made = self.send(
            "POST", "/matching/runs", self.tokens.officer, (201,), json={"young_people": self.mine[-5:]},
            headers={"Idempotency-Key": uuid.uuid4().hex},
        )  # fmt: skip
        self.proposals += [(proposal["id"], proposal["young_person"]) for proposal in made["proposals"]]

    def accept(self) -> None:
        if not self.proposals:
            self.record()
            self.run()
        if self.proposals:
            proposal, person = self.proposals.pop()
            answer = self.send("POST", f"/proposals/{proposal}/accept", self.tokens.officer, (200, 409))
            if answer.get("status") == "accepted" and person in self.mine:
                self.mine.remove(person)  # agreed: out of the next run's scope, as in make load

    def move(self) -> None:
        while not self.members:
            self.cohort(random.choice(self.cohorts))
        cohort_id, person, stage = self.members.pop()
        self.send(
            "PATCH", f"/cohorts/{cohort_id}/members/{person}", self.tokens.coordinator, (200, 409, 422),
            json={"stage": stage},
        )  # fmt: skip


def county() -> tuple[Flask, servers.Tokens]:
    """The app over the seeded county in `LOAD_DATABASE`, seeded afresh unless it holds it already
    (`--reuse`), and tokens of users made for this run."""
    name = os.environ.get("LOAD_DATABASE", "pathways_request_cpu")
    if "--reuse" not in sys.argv:
        servers.fresh_database(name)
    url = f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "request-cpu"})
    with app.app_context():
        upgrade()
    store = app.extensions["pathways"]
    with store.writer_factory() as session:
        if not session.scalar(select(func.count()).select_from(YoungPerson)):
            print("… seeding the county", file=sys.stderr, flush=True)
            load_reference(session)
            write_scenario(session, generate(2026, 1.0, today()))
    run = uuid.uuid4().hex[:8]

    def user(role: Role, district: str | None = None) -> str:
        with store.writer_factory() as session:
            return accounts.create_user(session, f"{role.value}.{district}.{run}@cpu.example", role, district)

    officer = user(Role.HOUSING_OFFICER)
    tokens = servers.Tokens(
        officer=officer, admin="", coordinator=user(Role.HOUSE_PROJECT_COORDINATOR), commissioner="",
        team_manager="", young_person="", districts={"crawley": user(Role.DISTRICT_OFFICER, "crawley")},
        officers=[officer],
    )  # fmt: skip
    return app, tokens


def measure(repeats: int = REPEATS, profile: str | None = None) -> dict:
    app, tokens = county()
    caller = Caller(app.test_client(), tokens)
    kinds = caller.kinds()
    for prepare in ("GET /young-people", "GET /cohorts", "POST /young-people"):
        kinds[prepare]()
    if profile:
        kinds[profile]()
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(PROFILED):
            kinds[profile]()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
        return {}
    rows = {}
    for name, send in kinds.items():
        send()  # warm: the first of a kind builds its schemas and statements
        ours = theirs = 0.0
        count = max(1, repeats // ROUNDS // (10 if name == "POST /matching/runs" else 1))
        for _ in range(ROUNDS):  # alternated, so that the machine's load weighs on both alike
            ours += batch(send, count)
            with marshmallow_dumps():
                theirs += batch(send, count)
        rows[name] = {
            "cpu_ms": round(1000 * ours / count / ROUNDS, 2),
            "marshmallow_dump_cpu_ms": round(1000 * theirs / count / ROUNDS, 2),
            "ratio": round(ours / theirs, 2),
        }
    app.extensions["pathways"].engine.dispose()
    return {
        "cpu_ms_per_request": rows,
        "mix_mean_cpu_ms": mix_mean(rows, "cpu_ms"),
        "mix_mean_marshmallow_dump_cpu_ms": mix_mean(rows, "marshmallow_dump_cpu_ms"),
        "mix_mean_without_runs_cpu_ms": mix_mean(rows, "cpu_ms", without="POST /matching/runs"),
        "two_cores_at_most_rps": round(2000 / mix_mean(rows, "cpu_ms")),
        "load_average": os.getloadavg(),
    }


def batch(send: Callable[[], Any], count: int) -> float:
    started = time.process_time()
    for _ in range(count):
        send()
    return time.process_time() - started


@contextmanager
def marshmallow_dumps() -> Iterator[None]:
    """Responses dumped by marshmallow's own `Schema.dump`, as before httpkit/dumping.py."""
    compiled = [(schema, schema.__dict__.pop("dump")) for schema in dumping.COMPILED]
    try:
        yield
    finally:
        for schema, dump in compiled:
            schema.dump = dump  # type: ignore[method-assign]


def mix_mean(rows: dict, column: str, without: str = "") -> float:
    shares = {name: share for name, share in MIX.items() if name != without}
    return round(sum(rows[name][column] * share for name, share in shares.items()) / sum(shares.values()), 2)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    profiled = arguments[arguments.index("--profile") + 1] if "--profile" in arguments else None
    figures = measure(profile=profiled)
    if figures:
        print(f"{'CPU ms a request':<46} {'now':>7} {'marshmallow dump':>17} {'ratio':>6}")
        for name, row in figures["cpu_ms_per_request"].items():
            print(f"{name:<46} {row['cpu_ms']:>7} {row['marshmallow_dump_cpu_ms']:>17} {row['ratio']:>6}")
        print(f"mix mean {figures['mix_mean_cpu_ms']} ms CPU a request "
              f"({figures['mix_mean_marshmallow_dump_cpu_ms']} with marshmallow's dump; "
              f"{figures['mix_mean_without_runs_cpu_ms']} without the matching runs): at most "
              f"{figures['two_cores_at_most_rps']} requests/s on 2 cores")  # fmt: skip
        print(f"load average {figures['load_average']}")
