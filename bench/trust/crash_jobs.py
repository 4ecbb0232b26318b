"""`make crash`, its third trial: the job consumer killed (kill -9) while it proposes again.

Rejections are made through the API, each writing its event in the decision's transaction and
queuing a job in PostgreSQL (huey's SqlHuey). A consumer (`flask jobs work`) is started and killed
at random moments, again and again, while it works through them; then a last consumer is left to
finish. Checked: every event is done (none lost, though a killed worker's queued job is gone with
it: the sweep on start queues it again), each made exactly one run (none done twice), one
notification per reader, and the store's invariants hold. Only the consumers this module started
are signalled, by the ids it got back.
"""

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date

from sqlalchemy import func, select

from api import create_app
from bench.trust import servers
from housing.invariants import broken
from housing.models import Event, MatchingRun, Notification
from jobs import queue

AS_OF = date(2026, 11, 23)
EVENTS, KILLS, SEED = 20, 10, 2026
FINISH_WITHIN_S = 180
COLUMNS = ["trials", "consumer_kills", "kills_with_a_job_under_way", "rejections", "lost",
           "rejections_without_their_run", "done_twice", "events_attempted_more_than_once"]  # fmt: skip


def kill_job_workers() -> dict:
    url = servers.fresh_database("pathways_crash")
    print("… seeding the county for the job consumer kills", flush=True)
    officer = servers.seed_county(url, AS_OF).officer
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "trust", "PATHWAYS_QUEUE": "store"})
    huey, store = app.extensions["pathways_queue"], app.extensions["pathways"]
    queue.prepare_storage(huey)
    client, headers = app.test_client(), {"Authorization": f"Bearer {officer}"}
    body = client.post("/api/v1/matching/runs", json={"as_of": AS_OF.isoformat()}, headers=headers).json
    for proposal in body["proposals"][:EVENTS]:
        answer = client.post(f"/api/v1/proposals/{proposal['id']}/reject", json={"reason": "crash trial"},
                             headers=headers)  # fmt: skip
        assert answer.status_code == 200, answer.json
    draw, killed_mid_job = random.Random(SEED), 0
    for n in range(KILLS):
        attempts, done = _attempts_and_done(store)
        consumer = _start(url)
        until = time.perf_counter() + 30
        while _attempts_and_done(store)[0] == attempts and time.perf_counter() < until:
            time.sleep(0.02)  # until it has taken a job (its attempt is committed first)
        time.sleep(draw.uniform(0.0, 0.3))  # then somewhere inside the re-proposal
        killed_mid_job += _attempts_and_done(store)[1] == done  # none finished since it took one
        os.kill(consumer.pid, signal.SIGKILL)
        consumer.wait()
        print(f"\r  consumer kills: {n + 1}/{KILLS}", end="\n" if n + 1 == KILLS else "", flush=True)
    finisher, started = _start(url), time.perf_counter()
    try:
        while _undone(store) and time.perf_counter() - started < FINISH_WITHIN_S:
            time.sleep(0.5)
    finally:
        finisher.send_signal(signal.SIGINT)
        finisher.wait(timeout=60)
    figures = _check(store)
    figures |= {"consumer_kills": KILLS, "kills_with_a_job_under_way": killed_mid_job,
                "finished_after_s": round(time.perf_counter() - started, 1)}  # fmt: skip
    if hasattr(huey.storage, "database"):
        huey.storage.database.close_all()
    store.engine.dispose()
    return figures


def _start(url: str) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "trust"}
    return subprocess.Popen(
        [sys.executable, "-m", "flask", "--app", "api", "jobs", "work", "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _attempts_and_done(store) -> tuple[int, int]:
    with store.session_factory() as session:
        return (
            session.scalar(select(func.coalesce(func.sum(Event.attempts), 0))) or 0,
            session.scalar(select(func.count()).select_from(Event).where(Event.done_at.is_not(None))) or 0,
        )


def _undone(store) -> int:
    with store.session_factory() as session:
        return session.scalar(select(func.count()).select_from(Event).where(Event.done_at.is_(None))) or 0


def _check(store) -> dict:
    with store.session_factory() as session:
        events = session.scalar(select(func.count()).select_from(Event)) or 0
        rejections = list(session.scalars(select(Event.id).where(Event.kind == "rejected")))
        runs_per_event = dict(session.execute(
            select(MatchingRun.event_id, func.count()).where(MatchingRun.event_id.is_not(None))
            .group_by(MatchingRun.event_id)).all())  # fmt: skip
        per_reader = (Notification.key, Notification.user_id)
        notes = session.execute(
            select(*per_reader, func.count()).group_by(*per_reader).having(func.count() > 1)
        ).all()
        retried = session.scalar(select(func.count()).select_from(Event).where(Event.attempts > 1)) or 0
        return {
            "events": events,
            "rejections": len(rejections),
            "lost": _undone_in(session),
            "rejections_without_their_run": sum(1 for e in rejections if runs_per_event.get(e, 0) == 0),
            "done_twice": sum(1 for n in runs_per_event.values() if n > 1) + len(notes),
            "events_attempted_more_than_once": retried,
            "invariants_broken": broken(session),
        }


def _undone_in(session) -> int:
    return session.scalar(select(func.count()).select_from(Event).where(Event.done_at.is_(None))) or 0
