"""The queue for this app: its storage chosen from the database, its tasks, and the outbox wired to it."""

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from flask import Flask
from huey import Huey, MemoryHuey, SqliteHuey, crontab
from sqlalchemy.engine import make_url

from housing.clock import today
from housing.services import casework_notices, events, nominations, notifications, reproposals
from jobs import mail

logger = logging.getLogger(__name__)
RETRIES, RETRY_DELAY_S = 5, 10
# An event younger than this is in the queue already (queued on commit): the sweep leaves it be.
SWEEP_GRACE = timedelta(seconds=30)


def make_huey(app: Flask) -> Huey:
    """`immediate`: tasks run as they are queued (huey's test mode; the kept-current tests switch it
    on). `memory`: queued and left in memory, the default under test, so the suite's other tests
    see the store as their requests left it. Otherwise the store's own kind of database: a SQLite
    file beside it, or PostgreSQL tables."""
    kind = app.config.get("PATHWAYS_QUEUE") or ("memory" if app.testing else "store")
    if kind in ("immediate", "memory"):
        return MemoryHuey("pathways", immediate=kind == "immediate", utc=True)
    url = make_url(app.config.get("QUEUE_DATABASE_URL") or app.config["DATABASE_URL"])
    if url.get_backend_name() == "sqlite":
        beside = Path(url.database or Path(app.instance_path) / "pathways.db")
        return SqliteHuey("pathways", filename=str(beside.with_suffix(".queue.db")), utc=True)
    from huey.contrib.sql_huey import SqlHuey  # noqa: PLC0415 (peewee is needed only here)
    from playhouse.pool import PooledPostgresqlDatabase  # noqa: PLC0415

    # Pooled, so every worker's and the scheduler's connection can be closed at once (`close_all`).
    database = PooledPostgresqlDatabase(
        url.database, host=url.host, port=url.port, user=url.username, password=url.password,
        max_connections=8, stale_timeout=300,
    )  # fmt: skip
    # Its tables are made when a consumer starts (`flask jobs work`), not when the app is created.
    return SqlHuey("pathways", database=database, utc=True, create_tables=False)


def init_app(app: Flask) -> None:
    huey = make_huey(app)
    store = app.extensions["pathways"]
    app.extensions["pathways_queue"] = huey

    def writer() -> Any:
        return store.writer_factory()

    @huey.task(retries=RETRIES, retry_delay=RETRY_DELAY_S)
    def process_event(event_id: str) -> None:
        with app.app_context(), writer() as session:
            done = reproposals.process(session, event_id, today=today(), reach_km=app.config["REACH_KM"])
        for notification_id in done.notifications if done else []:
            send_email(notification_id)

    @huey.task(retries=RETRIES, retry_delay=RETRY_DELAY_S)
    def send_email(notification_id: str) -> None:
        with app.app_context(), writer() as session:
            mail.deliver(session, app.config, notification_id)

    @huey.periodic_task(crontab(minute="*"))
    def sweep() -> None:
        """Queue again every event not done a while after it was made (its job may have been lost)."""
        with writer() as session:
            for event_id in reproposals.undone(session, older_than=datetime.now(UTC) - SWEEP_GRACE):
                process_event(event_id)

    @huey.periodic_task(crontab(minute="7"))
    def nominations_waiting() -> None:
        """Every hour: remind councils halfway through their response time, lapse what has run out."""
        with writer() as session:
            _lapsed, reminders = nominations.lapse_and_remind(session, datetime.now(UTC))
        for notification_id in reminders:
            send_email(notification_id)

    @huey.periodic_task(crontab(hour="6", minute="0"))
    def morning() -> None:
        """Each morning: propose again for anyone whose urgency changed overnight; the daily digest;
        pathway reviews due or overdue."""
        with writer() as session:
            reproposals.schedule_morning(session, today())
            made = notifications.digest(session, today())
            made += casework_notices.reviews_due(session, today())
        for notification_id in made:
            send_email(notification_id)

    @huey.periodic_task(crontab(minute="*/5"))
    def casework_notices_job() -> None:
        """Every five minutes: decisions awaiting sign-off or sent back, and tasks falling due."""
        with writer() as session:
            made = casework_notices.sign_offs(session, datetime.now(UTC))
            made += casework_notices.tasks_due(session, today())
        for notification_id in made:
            send_email(notification_id)

    @huey.on_shutdown()
    def close_storage() -> None:
        """Each worker's own connection to the queue's storage is closed when it stops."""
        huey.storage.close()

    @huey.on_startup()
    def sweep_on_start() -> None:
        with writer() as session:
            for event_id in reproposals.undone(session):
                process_event(event_id)

    app.extensions["pathways_tasks"] = {
        "process_event": process_event, "send_email": send_email, "sweep": sweep,
        "nominations_waiting": nominations_waiting, "morning": morning,
        "casework_notices": casework_notices_job,
    }  # fmt: skip

    def enqueue(event_ids: list[str]) -> None:
        """After a decision commits. A queue that cannot take the job loses nothing: the event is in
        the outbox, and the consumer's sweep queues it within a minute (or when it starts)."""
        try:
            for event_id in event_ids:
                process_event(event_id)
        except Exception as error:  # the decision stands; only the type is logged, never a value
            logger.warning("the queue did not take an event (%s): the sweep will", type(error).__name__)

    events.wire(store.writer_factory, enqueue)
    events.wire(store.session_factory, enqueue)


def prepare_storage(huey: Huey) -> None:
    """Create the queue's tables where it keeps them in PostgreSQL (SQLite's file makes its own)."""
    create = getattr(huey.storage, "create_tables", None)
    if create is not None:
        create()
