"""Idempotency-Key on creates: a client that lost the answer (a dropped connection, a restarted
worker) sends the same request again and gets the record it made the first time, not a second one.

The key is written in the same transaction as the record, so a crash leaves both or neither: a
retry after a crash either finds the key and answers with the record, or creates it once.
"""

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any, TypeVar

from flask import request
from flask_smorest import Blueprint, abort
from sqlalchemy import event
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing.db import Base
from housing.errors import Conflict
from housing.models import IdempotentRequest
from httpkit.auth import actor
from httpkit.store import db

View = TypeVar("View", bound=Callable[..., Any])

HEADER = "Idempotency-Key"
KEY = re.compile(r"[\x21-\x7e]{1,100}")
REPLAYED = {"Idempotent-Replayed": "true"}
PARAMETER = {
    "in": "header",
    "name": HEADER,
    "required": False,
    "schema": {"type": "string", "minLength": 1, "maxLength": 100, "pattern": "^[\\x21-\\x7e]+$"},
    "description": "Send a new random key with each create, and the same key with its retries: a retry "
    "answers 201 with the record made the first time (and Idempotent-Replayed: true), never a second one. "
    "Keys belong to the user; one used for a different request is a 422.",
}


def idempotent(model: type[Base], present: Callable[[str], Any]) -> Callable[[View], View]:
    """Honour an Idempotency-Key on a view that creates one `model`; `present` shows it again by id."""

    def decorate(view: View) -> View:
        @wraps(view)
        def once(*args: Any, **kwargs: Any) -> Any:
            key = request.headers.get(HEADER)
            if key is None:
                return view(*args, **kwargs)
            if not KEY.fullmatch(key):
                _invalid("must be 1 to 100 visible ASCII characters")
            session, fingerprint = db(), _fingerprint()
            if (earlier := _earlier(session, key)) is not None:
                return _replay(earlier, fingerprint, present)
            with _Recording(session, model, key, fingerprint):
                try:
                    return view(*args, **kwargs)
                except (IntegrityError, Conflict):
                    # A simultaneous request with the same key may have won: answer as it did.
                    session.rollback()
                    if (earlier := _earlier(session, key)) is None:
                        raise
            return _replay(earlier, fingerprint, present)

        return Blueprint.doc(parameters=[PARAMETER])(once)  # type: ignore[return-value]

    return decorate


class _Recording:
    """Listens on the request's session for the new record, and adds the key before the commit."""

    def __init__(self, session: Session, model: type[Base], key: str, fingerprint: str) -> None:
        self.session, self.model = session, model
        self.key, self.fingerprint = key, fingerprint
        self.made: list[str] = []
        self.recorded = False

    def __enter__(self) -> None:
        event.listen(self.session, "after_flush", self._collect)
        event.listen(self.session, "before_commit", self._add_key)

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.session, "after_flush", self._collect)
        event.remove(self.session, "before_commit", self._add_key)

    def _collect(self, session: Session, _context: Any) -> None:
        self.made.extend(obj.id for obj in session.new if isinstance(obj, self.model))

    def _add_key(self, session: Session) -> None:
        # SQLAlchemy calls before_commit for a savepoint's release too (an event written in one): the
        # key belongs to the outer commit, where a simultaneous twin's key makes this one fail whole.
        if self.recorded or session.in_nested_transaction():
            return
        session.flush()  # gives the new record its id, through _collect
        if self.made:
            self.recorded = True
            session.add(
                IdempotentRequest(
                    user_id=actor().user_id,
                    key=self.key,
                    fingerprint=self.fingerprint,
                    resource_id=self.made[0],
                    at=datetime.now(UTC),
                )
            )


def _earlier(session: Session, key: str) -> IdempotentRequest | None:
    return session.get(IdempotentRequest, (actor().user_id, key))


def _replay(earlier: IdempotentRequest, fingerprint: str, present: Callable[[str], Any]) -> Any:
    if earlier.fingerprint != fingerprint:
        _invalid("was already used for a different request: use a new key for a new request")
    return present(earlier.resource_id), 201, REPLAYED


def _fingerprint() -> str:
    body = json.dumps(request.get_json(silent=True), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{request.method} {request.path} {body}".encode()).hexdigest()


def _invalid(reason: str) -> None:
    abort(422, message=f"{HEADER} {reason}", errors={"headers": {HEADER: [reason]}})
