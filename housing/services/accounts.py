"""Users and their API tokens. A token is shown once, when issued, and stored only as a hash."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing import passwords
from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, DomainError, Invalid, NotFound
from housing.models import District, User
from housing.services import audit, page_sessions
from housing.vocabulary import Role


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(user: User) -> str:
    token = secrets.token_urlsafe(32)
    user.token_hash = hash_token(token)
    user.token_issued_at = datetime.now(UTC)
    return token


def create_user(
    session: Session, email: str, role: Role, district: str | None, *, by: Actor | None = None
) -> str:
    """Create a user and return their first API token; `by`: the admin doing it, audited."""
    email = email.strip().lower()
    if role is Role.DISTRICT_OFFICER and district is None:
        raise Invalid.field("district", "a district officer is bound to one district")
    if role is not Role.DISTRICT_OFFICER and district is not None:
        raise Invalid.field("district", "only district officers are bound to a district")
    with transaction(session):
        if district is not None and session.get(District, district) is None:
            raise Invalid.field("district", f"unknown district {district!r}")
        if session.scalar(select(User.id).where(User.email == email)):
            raise Conflict(f"a user with email {email} already exists")
        user = User(email=email, role=role, district=district)
        token = _issue(user)
        session.add(user)
        _audited(
            session, by, "user created", f"{email} as {role.value}" + (f" of {district}" if district else "")
        )
    return token


def issue_token(session: Session, email: str, *, by: Actor | None = None) -> str:
    """Replace the user's token with a new one; the old one stops working at once."""
    with transaction(session):
        user = _by_email(session, email)
        _audited(session, by, "token issued", f"a new API token for {user.email}")
        return _issue(user)


def revoke(session: Session, email: str, *, by: Actor | None = None) -> None:
    """An admin's revocation: the API token stops working and every page session ends, at once."""
    with transaction(session):
        user = _by_email(session, email)
        user.token_hash = None
        user.token_issued_at = None
        page_sessions.end_every(session, user.id)
        _audited(session, by, "token revoked", f"the API token of {user.email}")


def listed(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role, User.email)))


def _audited(session: Session, by: Actor | None, action: str, detail: str) -> None:
    """A change an admin makes on the pages is in the audit trail (the command line is the server's own)."""
    if by is not None:
        audit.record(session, by, action, None, detail)


def authenticate(session: Session, token: str) -> Actor | None:
    user = session.scalar(select(User).where(User.token_hash == hash_token(token)))
    if user is None:
        return None
    return Actor(user_id=user.id, email=user.email, role=Role(user.role), district=user.district)


def _by_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise NotFound(f"no user with email {email}")
    return user


MAX_FAILED_SIGN_INS = 5
LOCK_OUT = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 12
# The one answer to every refused sign-in: a wrong password, an unknown email, a locked account.
# Saying more (or taking less time for an unknown email) would tell who has an account.
REFUSED = (
    "Enter a correct email address and password. After 5 wrong attempts in a row an account is "
    "locked for 15 minutes."
)


class SignInRefused(DomainError):
    """Wrong email or password, or locked out; the message never says which."""


@cache
def _stand_in_hash() -> str:
    """A hash of no one's password, checked when no account has one, so that every sign-in does the
    same scrypt work (about 100 ms) whether or not the email is known."""
    return passwords.hash_password(secrets.token_urlsafe(16))


def set_password(session: Session, email: str, password: str, *, by: Actor | None = None) -> None:
    """A new password ends every page session of the user: one taken with the old one ends too."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise Invalid.field("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    with transaction(session):
        user = _by_email(session, email)
        _audited(session, by, "password set", f"a new password for {user.email}")
        user.password_hash = passwords.hash_password(password)
        user.failed_sign_ins, user.locked_until = 0, None
        page_sessions.end_every(session, user.id)


def sign_in(session: Session, email: str, password: str) -> Actor:
    """Check a password; five failures in a row lock the account for 15 minutes (kept in the database)
    and end its sessions. Every path checks one scrypt hash and refuses with the same words."""
    now = datetime.now(UTC)
    with transaction(session):
        # No address holds NUL, and PostgreSQL could not even look one up: such an email is unknown.
        lookup = select(User).where(User.email == email.strip().lower())
        user = session.scalar(lookup) if "\x00" not in email else None
        known = user is not None and user.password_hash is not None
        right = passwords.verify(user.password_hash if known else _stand_in_hash(), password)
        if not known:
            raise SignInRefused(REFUSED)
        locked = user.locked_until is not None and user.locked_until > now
        if right and not locked:
            user.failed_sign_ins, user.locked_until = 0, None
            user.last_signed_in_at = now
        elif not locked:
            user.failed_sign_ins += 1
            if user.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                user.failed_sign_ins, user.locked_until = 0, now + LOCK_OUT
                page_sessions.end_every(session, user.id)
    if not right or locked:  # raised after the commit, so the count of failures is kept
        raise SignInRefused(REFUSED)
    return Actor(user_id=user.id, email=user.email, role=Role(user.role), district=user.district)
