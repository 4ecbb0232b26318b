"""The users an admin manages: every account by role and email, or one by its id."""

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import User


def listed(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.role, User.email)))


def one(session: Session, user_id: str) -> User | None:
    """One account, or None for an id no account has."""
    return session.get(User, user_id) if "\x00" not in user_id else None
