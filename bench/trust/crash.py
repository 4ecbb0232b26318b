"""`make crash`: writes in flight while a gunicorn worker is killed (kill -9, 50 trials) and while a
PostgreSQL server of our own stops at once (pg_ctl stop -m immediate, 10 trials).

Writers run journeys of creates and an accept, each request with an Idempotency-Key. An answer of
200/201 is an acknowledged write; a dropped connection or a 5xx is unknown, and is sent again with
the same key once the trials are over, as a client would. Then the store is checked: every
acknowledged write is there, each key made exactly one record, nothing is half written, and the
invariants hold. Only processes this module started are signalled, by the ids it got back.
"""

import os
import random
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from bench.trust import servers
from bench.trust.results import record, table
from housing.clock import today
from housing.db import make_engine
from housing.invariants import broken
from housing.models import LocalLink, Option, Placement, Proposal, YoungPerson

WORKER_KILLS, DATABASE_STOPS = 50, 10
WRITERS = 6
PLACES = ("Crawley", "Horsham", "Worthing", "Chichester", "Bognor Regis")


@dataclass
class Ledger:
    """What the clients were told, and what they still have to send again."""

    acknowledged: list[tuple[str, str]] = field(default_factory=list)  # (kind, id)
    unknown: list[tuple[str, str, dict | None, str | None, str]] = field(
        default_factory=list
    )  # and key, kind
    keys: dict[str, str] = field(default_factory=dict)  # key -> kind, for every create sent
    accepted: list[str] = field(default_factory=list)  # proposals a 200 said were accepted
    replayed: int = 0  # retries answered with the record an unanswered send had made
    lock: threading.Lock = field(default_factory=threading.Lock)


class Client:
    """Sends one request and writes down what it was told: acknowledged, or unknown."""

    def __init__(self, base: str, token: str, ledger: Ledger) -> None:
        self.base, self.ledger = base, ledger
        self.headers = {"Authorization": f"Bearer {token}"}

    def send(
        self, http: requests.Session, method: str, path: str, body: dict | None, *, key: str | None, kind: str
    ) -> dict | None:
        headers = self.headers | ({"Idempotency-Key": key} if key else {})
        if key:
            with self.ledger.lock:
                self.ledger.keys[key] = kind
        try:
            answer = http.request(
                method, self.base + "/api/v1" + path, json=body, headers=headers, timeout=30
            )
        except requests.RequestException:
            answer = None
        if answer is not None and answer.status_code in (200, 201):
            made = answer.json()
            with self.ledger.lock:
                self.ledger.replayed += answer.headers.get("Idempotent-Replayed") == "true"
                self.ledger.acknowledged.append((kind, made["id"]))
                if kind == "accept" and made["status"] == "accepted":
                    self.ledger.accepted.append(made["id"])
            return made
        if answer is None or answer.status_code >= 500:
            with self.ledger.lock:
                self.ledger.unknown.append((method, path, body, key, kind))
        return None


class Writers:
    """Threads sending journeys: a young person, a room for them, a run over them, an accept."""

    def __init__(self, client: Client) -> None:
        self.send = client.send
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._write, args=(n,), daemon=True) for n in range(WRITERS)]

    def __enter__(self) -> "Writers":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()

    def _write(self, writer: int) -> None:
        http = requests.Session()
        journey = 0
        while not self.stopping.is_set():
            journey += 1
            self._journey(http, f"{os.getpid()}-{writer}-{journey}")

    def _journey(self, http: requests.Session, tag: str) -> None:
        person = self.send(
            http, "POST", "/young-people", young_person(tag), key=f"{tag}-p", kind="young_person"
        )
        if person is None:
            return
        room = self.send(http, "POST", "/options", room_for(tag, person), key=f"{tag}-o", kind="option")
        if room is None:
            return
        run = self.send(
            http, "POST", "/matching/runs", {"young_people": [person["id"]]}, key=f"{tag}-r", kind="run"
        )
        for proposal in (run or {}).get("proposals", [])[:1]:
            self.send(http, "POST", f"/proposals/{proposal['id']}/accept", None, key=None, kind="accept")


class Monitor:
    """Polls /api/v1/health every 25 ms: the longest stretch without a 200 is the outage a user saw."""

    def __init__(self, base: str) -> None:
        self.base, self.stopping = base, threading.Event()
        self.longest = self.failed = 0.0
        self.thread = threading.Thread(target=self._poll, daemon=True)

    def __enter__(self) -> "Monitor":
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.thread.join()

    def _poll(self) -> None:
        http, last_ok = requests.Session(), time.perf_counter()
        while not self.stopping.is_set():
            try:
                ok = http.get(self.base + "/api/v1/health", timeout=5).status_code == 200
            except requests.RequestException:
                ok = False
            now = time.perf_counter()
            if ok:
                last_ok = now
            else:
                self.failed += 1
                self.longest = max(self.longest, now - last_ok)
            time.sleep(0.025)


def young_person(tag: str) -> dict[str, Any]:
    return {
        "reference": f"CRASH-{tag}",
        "given_name": "Synthetic",
        "family_name": f"Crash{tag}",
        "date_of_birth": (today() - timedelta(days=int(365.25 * 18) + 40)).isoformat(),
        "home_district": "crawley",
        "current_place": random.choice(PLACES),
        "support_level": "low",
        "needs": {"immigration": "not_applicable"},
        "local_links": [{"kind": "work", "place": random.choice(PLACES), "importance": 2}],
        "preferences": [{"rank": 1, "route": "supported_lodgings"}],
    }


def room_for(tag: str, person: dict) -> dict[str, Any]:
    return {
        "route": "supported_lodgings",
        "name": f"Crash room {tag}",
        "place": person["current_place"],
        "capacity": 1,
        "available_from": today().isoformat(),
        "available_until": None,
        "min_age": 16,
        "max_age": 25,
        "support_levels": ["low"],
        "step_free": False,
        "wheelchair": False,
        "bedrooms": 1,
        "accepts_children": False,
        "registered_16_17": True,
    }


def run() -> dict:
    worker_kills = kill_workers()
    database_stops = stop_databases()
    figures = {"worker_kills": worker_kills, "database_stops": database_stops}
    rows = [{"trials": name, **numbers} for name, numbers in figures.items()]
    table(
        rows, ["trials", "trials_run", "acknowledged_writes", "unknown_then_retried", "missing", "duplicated"]
    )
    table(
        rows,
        [
            "trials",
            "keys_without_their_record",
            "half_written",
            "serve_again_median_s",
            "serve_again_max_s",
            "longest_without_health_s",
        ],
    )
    for name, f in figures.items():
        print(f"{name}: invariants broken: {f['invariants_broken'] or 'none'}")
    record("crash", figures)
    return figures


def kill_workers() -> dict:
    """kill -9 of one of gunicorn's 4 workers while writes are in flight; the master starts another."""
    url = servers.fresh_database("pathways_crash")
    print("… seeding the county for the worker kills", flush=True)
    tokens = servers.seed_county(url, today())

    def kill(master: subprocess.Popen, _port: int) -> float:
        time.sleep(random.uniform(0.2, 0.8))
        victim = random.choice(workers_of(master.pid))
        os.kill(victim, signal.SIGKILL)
        return until(lambda: len(set(workers_of(master.pid)) - {victim}) == 4)

    replaced = "the master has replaced the killed worker, counted from the kill"
    return under_fire(url, tokens.officer, WORKER_KILLS, "worker kills", crash=kill, measured=replaced)


def stop_databases() -> dict:
    """pg_ctl stop -m immediate of our own PostgreSQL while writes are in flight, then start again."""
    with servers.own_postgres() as database:
        url = database.url
        print("… seeding the county into our own PostgreSQL", flush=True)
        tokens = servers.seed_county(url, today())

        def stop(_master: subprocess.Popen, port: int) -> float:
            time.sleep(random.uniform(1.0, 2.0))
            database.stop("immediate")
            stopped = time.perf_counter()
            database.start()
            servers.wait_until_serving(port)
            return time.perf_counter() - stopped

        serving = "health 200 through gunicorn again, counted from the stop"
        return under_fire(url, tokens.officer, DATABASE_STOPS, "database stops", crash=stop, measured=serving)


def under_fire(
    url: str,
    token: str,
    trials: int,
    what: str,
    *,
    crash: Callable[[subprocess.Popen, int], float],
    measured: str,
) -> dict:
    """Writers and a health monitor on gunicorn (4 workers) over `url` while `crash` strikes `trials`
    times, each returning the seconds until the service is whole again; then the retries and checks."""
    port, ledger, back = servers.free_port(), Ledger(), []
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as folder:
        master = servers.gunicorn(url, port, 4, Path(folder) / "gunicorn.log")
        try:
            with Monitor(base) as monitor, Writers(Client(base, token, ledger)):
                for trial in range(trials):
                    back.append(crash(master, port))
                    progress(what, trial + 1, trials)
            retried = retry(base, token, ledger)
        finally:
            servers.stop(master)
    return check(url, ledger, retried=retried, back=back, trials=trials, monitor=monitor, measured=measured)


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def until(condition: Callable[[], bool], timeout: float = 30) -> float:
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("not back within 30 s")
        time.sleep(0.01)
    return time.perf_counter() - started


def progress(what: str, done: int, total: int) -> None:
    print(f"\r  {what}: {done}/{total}", end="\n" if done == total else "", flush=True)


def retry(base: str, token: str, ledger: Ledger) -> int:
    """A client's retry of every write whose answer it never got, with the same key."""
    pending, ledger.unknown = ledger.unknown, []
    client, http = Client(base, token, ledger), requests.Session()
    for method, path, body, key, kind in pending:
        client.send(http, method, path, body, key=key, kind=kind)
    assert not ledger.unknown, f"{len(ledger.unknown)} retries still unanswered"
    return len(pending)


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
        "health_polls_failed": int(monitor.failed),
        "longest_without_health_s": round(monitor.longest, 3),
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


if __name__ == "__main__":
    run()
