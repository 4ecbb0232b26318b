"""Users and their API tokens. A token is shown once, when issued, and stored only as a hash.

An admin may disable a user (token, page sessions and password stop at once, contract v1.2),
enable them again, change their role, and unlock them (forget failed sign-ins against them).
Tokens expire 90 days after issue. Sign-in itself is in `sign_ins`.
"""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from housing import audit_words as words
from housing import password_rules, passwords
from housing.actors import Actor, of_user
from housing.db import transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import District, SignInThrottle, User, YoungPerson
from housing.services import audit, page_sessions
from housing.vocabulary import Role


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


TOKEN_LIFETIME = timedelta(days=90)


def _issue(user: User) -> str:
    token = secrets.token_urlsafe(32)
    user.token_hash = hash_token(token)
    user.token_issued_at = datetime.now(UTC)
    user.token_expires_at = user.token_issued_at + TOKEN_LIFETIME
    return token


def create_user(
    session: Session,
    email: str,
    role: Role,
    district: str | None,
    *,
    by: Actor | None = None,
    young_person: str | None = None,
) -> str:
    """Create a user and return their first API token; `by`: the admin doing it, audited.
    A young person's account is bound to their record, named by `young_person` (its reference)."""
    email = email.strip().lower()
    _check_district(role, district)
    if (role is Role.YOUNG_PERSON) != (young_person is not None):
        raise Invalid.field("young_person", "a young person's account, and only theirs, names their record")
    with transaction(session):
        if district is not None and session.get(District, district) is None:
            raise Invalid.field("district", f"unknown district {district!r}")
        record = None
        if young_person is not None:
            record = session.scalar(select(YoungPerson.id).where(YoungPerson.reference == young_person))
            if record is None:
                raise Invalid.field("young_person", "no young person has this reference")
            if session.scalar(select(User.id).where(User.young_person_id == record)):
                raise Conflict("this young person has an account already")
        if session.scalar(select(User.id).where(User.email == email)):
            raise Conflict(f"a user with email {email} already exists")
        user = User(email=email, role=role, district=district, young_person_id=record)
        token = _issue(user)
        session.add(user)
        where = f" of {audit.council(session, district)}" if district else ""
        _audited(session, by, "user created", f"{email}, role: {words.ROLE_NAMES[role]}{where}")
    return token


def _check_district(role: Role, district: str | None) -> None:
    if role is Role.DISTRICT_OFFICER and district is None:
        raise Invalid.field("district", "a district officer is bound to one district")
    if role is not Role.DISTRICT_OFFICER and district is not None:
        raise Invalid.field("district", "only district officers are bound to a district")


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
        user.token_issued_at = user.token_expires_at = None
        page_sessions.end_every(session, user.id)
        _audited(session, by, "token revoked", f"the API token of {user.email}")


def disable(session: Session, email: str, *, by: Actor | None = None) -> None:
    """Stop a user at once: their token answers 401, their page sessions end, their password opens
    nothing, until `enable`. Nothing of theirs is deleted (their audit entries name them)."""
    with transaction(session):
        user = _by_email(session, email)
        if by is not None and user.id == by.user_id:
            raise Invalid.field("user", "an admin cannot disable themselves")
        if user.disabled_at is None:
            user.disabled_at = datetime.now(UTC)
        page_sessions.end_every(session, user.id)
        _audited(session, by, "user disabled", f"{user.email} disabled")


def enable(session: Session, email: str, *, by: Actor | None = None) -> None:
    """Let a disabled user back in: the token they hold and their password work again."""
    with transaction(session):
        user = _by_email(session, email)
        user.disabled_at = None
        _audited(session, by, "user enabled", f"{user.email} enabled")


def change_role(
    session: Session, email: str, role: Role, district: str | None, *, by: Actor | None = None
) -> None:
    """A new role (and district, for a district officer); their sessions end, so every page they
    hold open is read again under the new role."""
    _check_district(role, district)
    with transaction(session):
        user = _by_email(session, email)
        if district is not None and session.get(District, district) is None:
            raise Invalid.field("district", f"unknown district {district!r}")
        if Role.YOUNG_PERSON in (role, user.role):
            raise Invalid.field(
                "role", "a young person's account is bound to their record: it keeps its role"
            )
        if by is not None and user.id == by.user_id and role is not Role.ADMIN:
            raise Invalid.field("role", "an admin cannot take their own admin role away")
        user.role, user.district = role, district
        page_sessions.end_every(session, user.id)
        where = f" of {audit.council(session, district)}" if district else ""
        _audited(session, by, "role changed", f"{user.email}, role now: {words.ROLE_NAMES[role]}{where}")


def unlock(session: Session, email: str, *, by: Actor | None = None) -> None:
    """Forget every failed sign-in against the user, from every client."""
    with transaction(session):
        user = _by_email(session, email)
        session.execute(delete(SignInThrottle).where(SignInThrottle.account == account_key(user.email)))
        _audited(session, by, "user unlocked", f"failed sign-ins against {user.email} forgotten")


def account_key(email: str) -> str:
    """How the throttle names an account: a hash, so that table names no one."""
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()


def _audited(session: Session, by: Actor | None, action: str, detail: str) -> None:
    """A change an admin makes on the pages is in the audit trail (the command line is the server's own)."""
    if by is not None:
        audit.record(session, by, action, None, detail)


def authenticate(session: Session, token: str) -> Actor | None:
    """The user of a token that is live: not revoked, not expired, its user not disabled."""
    user = session.scalar(select(User).where(User.token_hash == hash_token(token)))
    if user is None or user.disabled_at is not None:
        return None
    if user.token_expires_at is None or user.token_expires_at <= datetime.now(UTC):
        return None
    return of_user(user)


def _by_email(session: Session, email: str) -> User:
    user = session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise NotFound(f"no user with email {email}")
    return user


def set_password(session: Session, email: str, password: str, *, by: Actor | None = None) -> None:
    """A new password ends every page session of the user: one taken with the old one ends too."""
    refused = password_rules.problem(password)
    if refused:
        raise Invalid.field("password", refused)
    with transaction(session):
        user = _by_email(session, email)
        if user.role is Role.YOUNG_PERSON:
            raise Invalid.field("password", "young people sign in by an emailed link, never a password")
        _audited(session, by, "password set", f"a new password for {user.email}")
        user.password_hash = passwords.hash_password(password)
        page_sessions.end_every(session, user.id)
