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
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.trust import crash_jobs, servers
from bench.trust.crash_checks import check
from bench.trust.monitor import Monitor
from bench.trust.results import record_part, table
from bench.trust.writers import Client, Ledger, Writers, retry
from housing.clock import today

WORKER_KILLS, DATABASE_STOPS = 50, 10  # the job consumer's kills: crash_jobs


def run(only: list[str]) -> dict:
    """Both kinds of trial, or those named (`python -m bench.trust.crash worker_kills`)."""
    trials = {"worker_kills": kill_workers, "database_stops": stop_databases,
              "job_kills": crash_jobs.kill_job_workers}  # fmt: skip
    figures = {name: trial() for name, trial in trials.items() if not only or name in only}
    rows = [{"trials": name, **numbers} for name, numbers in figures.items() if name != "job_kills"]
    if "job_kills" in figures:
        jobs = figures["job_kills"]
        table([{"trials": "job_kills", **jobs}], crash_jobs.COLUMNS)
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
    for name, numbers in figures.items():  # one part each, so a run of one kind keeps the other's
        record_part("crash", name, numbers)
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

        started: list[float] = []  # of each outage, the part PostgreSQL itself took to start again

        def stop(_master: subprocess.Popen, port: int) -> float:
            time.sleep(random.uniform(1.0, 2.0))
            database.stop("immediate")
            stopped = time.perf_counter()
            database.start()
            started.append(time.perf_counter() - stopped)
            servers.wait_until_serving(port)
            return time.perf_counter() - stopped

        serving = "health 200 through gunicorn again, counted from the stop"
        figures = under_fire(
            url, tokens.officer, DATABASE_STOPS, "database stops", crash=stop, measured=serving
        )
        figures["postgresql_started_median_s"] = round(sorted(started)[len(started) // 2], 3)
        return figures


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


if __name__ == "__main__":
    run(sys.argv[1:])
