"""Signing in to the pages with a password, throttled per client so no stranger can lock a user out.

Before, five wrong passwords locked the account for 15 minutes and ended its sessions: anyone who
knew an email could keep an officer out all day. Now failures are counted per client (the
address the request came from) and account, and per client over all accounts: a client that
fails 5 times for one account, or 30 times in all, within 15 minutes is refused for 15 minutes,
whatever it sends. The user, signing in from their own machine, is not refused, and no session
of theirs ends. Every path checks one scrypt hash and every refusal has the same words, so the
answer never tells who has an account.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from housing import passwords
from housing.actors import Actor
from housing.db import transaction
from housing.errors import DomainError
from housing.models import SignInThrottle, User
from housing.services.accounts import account_key
from housing.vocabulary import Role

PER_ACCOUNT, PER_CLIENT = 5, 30  # failures from one client in a window
WINDOW = LOCK_OUT = timedelta(minutes=15)
# The one answer to every refused sign-in: a wrong password, an unknown email, a disabled account,
# a client throttled. Saying more (or taking less time for an unknown email) would tell who has one.
REFUSED = (
    "Enter a correct email address and password. After 5 wrong attempts in a row, sign-in from "
    "your device is paused for 15 minutes."
)


class SignInRefused(DomainError):
    """Wrong email or password, disabled, or throttled; the message never says which."""


@cache
def _stand_in_hash() -> str:
    """A hash of no one's password, checked when no account has one, so that every sign-in does the
    same scrypt work (about 100 ms) whether or not the email is known."""
    return passwords.hash_password(secrets.token_urlsafe(16))


def _keys(client: str, email: str) -> tuple[str, str]:
    """The throttle's keys for this client and account, and for this client alone (hashes)."""
    account = account_key(email)
    client_hash = hashlib.sha256(client.encode()).hexdigest()
    return hashlib.sha256(f"{client_hash}:{account}".encode()).hexdigest(), client_hash


def sign_in(session: Session, email: str, password: str, *, client: str) -> Actor:
    """Check a password from `client`; refuse with the same words whatever went wrong."""
    now = datetime.now(UTC)
    pair, alone = _keys(client, email)
    with transaction(session):
        # No address holds NUL, and PostgreSQL could not even look one up: such an email is unknown.
        lookup = select(User).where(User.email == email.strip().lower())
        user = session.scalar(lookup) if "\x00" not in email else None
        known = user is not None and user.password_hash is not None and user.disabled_at is None
        right = passwords.verify(user.password_hash if known else _stand_in_hash(), password)
        # Locked while counted: failures sent at the same moment from one device are all counted.
        counted = select(SignInThrottle).where(SignInThrottle.key.in_((pair, alone))).with_for_update()
        throttles = {t.key: t for t in session.scalars(counted)}
        paused = any(t.locked_until is not None and t.locked_until > now for t in throttles.values())
        if known and right and not paused:
            user.last_signed_in_at = now
            if pair in throttles:
                session.delete(throttles[pair])
        elif not paused:
            _failed(session, throttles.get(pair), (pair, account_key(email)), PER_ACCOUNT, now)
            _failed(session, throttles.get(alone), (alone, None), PER_CLIENT, now)
    if not (known and right) or paused:  # raised after the commit, so the count of failures is kept
        raise SignInRefused(REFUSED)
    return Actor(user_id=user.id, email=user.email, role=Role(user.role), district=user.district)


def _failed(
    session: Session,
    throttle: SignInThrottle | None,
    keyed: tuple[str, str | None],
    limit: int,
    now: datetime,
) -> None:
    """One more failure under this key; a new window once the last is over; paused at the limit."""
    key, account = keyed
    if throttle is None or now - throttle.window_started_at > WINDOW:
        if throttle is not None:
            session.delete(throttle)
            session.flush()
        throttle = _new(session, SignInThrottle(key=key, account=account, failures=0, window_started_at=now))
    throttle.failures += 1
    if throttle.failures >= limit:
        throttle.locked_until = now + LOCK_OUT
        throttle.failures, throttle.window_started_at = 0, now


def _new(session: Session, throttle: SignInThrottle) -> SignInThrottle:
    """The new row, or the one a concurrent sign-in from the same device made first (PostgreSQL),
    locked once that sign-in has committed."""
    try:
        with session.begin_nested():
            session.add(throttle)
    except IntegrityError:
        return session.get(SignInThrottle, throttle.key, populate_existing=True, with_for_update=True)
    return throttle
