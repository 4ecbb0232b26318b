"""Users and their API tokens. A token is shown once, when issued, and stored only as a hash."""

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.db import transaction
from housing.errors import Conflict, Invalid, NotFound
from housing.models import District, User
from housing.vocabulary import Role


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _issue(user: User) -> str:
    token = secrets.token_urlsafe(32)
    user.token_hash = hash_token(token)
    user.token_issued_at = datetime.now(UTC)
    return token


def create_user(session: Session, email: str, role: Role, district: str | None) -> str:
    """Create a user and return their first API token."""
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
    return token


def issue_token(session: Session, email: str) -> str:
    """Replace the user's token with a new one; the old one stops working at once."""
    with transaction(session):
        user = _by_email(session, email)
        return _issue(user)


def revoke(session: Session, email: str) -> None:
    with transaction(session):
        user = _by_email(session, email)
        user.token_hash = None
        user.token_issued_at = None


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
