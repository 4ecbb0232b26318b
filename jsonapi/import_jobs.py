"""A long import on the job queue (huey), its progress kept where the page can read it as it runs.

The page (`web/imports.py`) sends a large file here rather than holding a web worker while it is
checked and written: the same import as ever (`import_files.run`), its stages (reading, checking,
writing) and the counts the use cases report every 1,000 rows written to the queue's own storage
(`huey.put`), so a page served by any worker reads them (`state`). The state names who started the
import, so only they see it; the file itself travels in the task and is not kept after it.
"""

import logging
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from huey import Huey

from housing.actors import Actor
from housing.clock import today
from housing.services.import_problems import ImportRefused
from httpkit import tabular
from jsonapi import import_files

logger = logging.getLogger(__name__)
# Read and parsed in the worker, not a web worker: the page's limits of size and rows, and a longer time.
QUEUED = tabular.Limits(lines=10_001, columns=30, unzipped_bytes=25 * 1024 * 1024, zip_parts=100, seconds=300)
STAGES = ("Reading", "Checking", "Writing")  # as `import_files.run` names them


def _key(job_id: str) -> str:
    return f"import:{job_id}"


def _huey() -> Huey:
    return current_app.extensions["pathways_queue"]


def state(job_id: str, user_id: str) -> dict[str, Any] | None:
    """Where the import stands, for the one who started it; None for anyone else or no such job."""
    found = _huey().get(_key(job_id), peek=True)
    return found if found is not None and found["user_id"] == user_id else None


def _save(huey: Huey, job_id: str, **changes: Any) -> None:
    """The state with these changes (the worker is the only writer once the job has started)."""
    found = huey.get(_key(job_id), peek=True) or {}
    huey.put(_key(job_id), found | changes)


def start(actor: Actor, kind: str, filename: str, content: bytes) -> str:
    """Queue the import; its id, for the page that follows it."""
    job_id = uuid.uuid4().hex
    _save(
        _huey(), job_id, user_id=actor.user_id, kind=kind, filename=filename, status="queued",
        stage=None, done=0, total=0, started_at=datetime.now(UTC).isoformat(),
    )  # fmt: skip
    current_app.extensions["pathways_tasks"]["bring_in"](job_id, actor, kind, filename, content)
    return job_id


def init_app(app: Flask) -> None:
    """The task, on the app's queue (after `jobs.init_app` made it)."""
    huey = app.extensions["pathways_queue"]

    @contextmanager
    def staged(job_id: str, label: str, length: int) -> Iterator[import_files.Update]:
        done = 0
        _save(huey, job_id, status="running", stage=label, done=0, total=max(length, 0))

        def update(rows: int) -> None:
            nonlocal done
            done += rows
            _save(huey, job_id, done=done)

        yield update

    @huey.task()
    def bring_in(job_id: str, actor: Actor, kind: str, filename: str, content: bytes) -> None:
        with app.app_context():
            try:
                outcome = import_files.run(
                    actor, kind, filename, content, today=today(), limits=QUEUED,
                    stage=lambda label, length: staged(job_id, label, length),
                )  # fmt: skip
            except ImportRefused as refused:
                _save(huey, job_id, status="refused", problems=[str(p) for p in refused.problems])
                return
            except Exception as error:  # only its type is logged: a message can carry the file's values
                logger.warning("an import failed (%s): nothing was written", type(error).__name__)
                _save(huey, job_id, status="failed")
                return
        counts = {"created": len(outcome.created), "updated": len(outcome.updated),
                  "unchanged": len(outcome.unchanged)}  # fmt: skip
        _save(huey, job_id, status="done", **counts)

    app.extensions["pathways_tasks"]["bring_in"] = bring_in
