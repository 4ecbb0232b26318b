"""Sessions of the pages: begun at sign-in, resumed on each page, ended on the server.

The cookie holds a random token; the database holds its hash, the user and two moments. A session
ends when its row is gone (sign-out, a password change, a revocation, a disabling, a new role) or
its user is disabled, after 30 minutes without a page, or 12 hours after signing in whatever the
activity: a stolen cookie opens nothing after any of those, on any worker.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from housing.actors import Actor, of_user
from housing.db import transaction
from housing.models import PageSession, User

IDLE = timedelta(minutes=30)
LIFETIME = timedelta(hours=12)
# A page within this of the last one does not write `seen_at` again: fewer writes, same expiry
# to within a minute.
TOUCH_EVERY = timedelta(minutes=1)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def begin(session: Session, user_id: str) -> str:
    """A new session for the user; the token returned goes in the cookie and nowhere else. The user's
    expired sessions go now, so rows never pile up for sessions no one came back to."""
    token, now = secrets.token_urlsafe(32), datetime.now(UTC)
    with transaction(session):
        session.execute(
            delete(PageSession).where(
                PageSession.user_id == user_id,
                or_(PageSession.seen_at < now - IDLE, PageSession.signed_in_at < now - LIFETIME),
            )
        )
        session.add(PageSession(token_hash=_hash(token), user_id=user_id, signed_in_at=now, seen_at=now))
    return token


def resume(session: Session, token: str) -> Actor | None:
    """The user of a live session, marked as seen now; None (and the row gone) once it has expired."""
    now = datetime.now(UTC)
    with transaction(session):
        found = session.get(PageSession, _hash(token))
        if found is None:
            return None
        user = session.get(User, found.user_id)
        if now - found.seen_at > IDLE or now - found.signed_in_at > LIFETIME or user.disabled_at is not None:
            session.delete(found)
            return None
        if now - found.seen_at > TOUCH_EVERY:
            found.seen_at = now
        return of_user(user)


def end(session: Session, token: str) -> None:
    """Sign-out: this session only."""
    with transaction(session):
        session.execute(delete(PageSession).where(PageSession.token_hash == _hash(token)))


def end_every(session: Session, user_id: str) -> None:
    """Every session of the user, within the caller's transaction (password change, revocation,
    disabling, a new role): whoever holds one of their cookies is signed out on the next page."""
    session.execute(delete(PageSession).where(PageSession.user_id == user_id))
