"""Background jobs: re-proposals and notifications, on huey (a well-kept task queue).

Why huey: one small library with storage on SQLite (SqliteHuey, the default store's own kind, no
server to run) and on PostgreSQL (SqlHuey through peewee), an immediate mode for tests, retries,
periodic tasks and a consumer process. The queue is not the record: events are written to the
store's own outbox in the decision's transaction (`housing.services.events`), and the queue only
carries their ids. A message lost with a killed worker is found again by the sweep, which every
minute (and whenever a consumer starts) queues any event not yet done; unique keys in the store
make doing one twice harmless. Imports housing.
"""

from flask import Flask

from jobs import queue


def init_app(app: Flask) -> None:
    queue.init_app(app)
