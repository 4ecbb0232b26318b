"""`flask --app api jobs …`: the queue's consumer, and the periodic jobs by hand."""

import click
from flask import current_app
from flask.cli import with_appcontext

from commands.common import session
from housing.services import reproposals
from jobs import queue


@click.group()
def jobs() -> None:
    """The background jobs: re-proposals, notifications, reminders."""


@jobs.command()
@click.option("--workers", default=2, show_default=True, help="worker threads")
@with_appcontext
def work(workers: int) -> None:
    """Run the consumer: process events as they come, sweep the outbox each minute, the periodic jobs."""
    huey = current_app.extensions["pathways_queue"]
    queue.prepare_storage(huey)
    huey.create_consumer(workers=workers, worker_type="thread", periodic=True).run()


@jobs.command()
@with_appcontext
def sweep() -> None:
    """Queue every event not yet done (the consumer does this each minute and when it starts)."""
    with session() as s:
        waiting = reproposals.undone(s)
    for event_id in waiting:
        current_app.extensions["pathways_tasks"]["process_event"](event_id)
    click.echo(f"{len(waiting)} events queued")


@jobs.command()
@with_appcontext
def morning() -> None:
    """Run this morning's jobs now: the scheduled re-proposal and the daily digest."""
    current_app.extensions["pathways_tasks"]["morning"].call_local()
    click.echo("done")
