"""The users an admin manages: every account by role and email, or one by its id."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from housing.models import User
from housing.vocabulary import Role


@dataclass(frozen=True)
class Account:
    """An account as the admin's users page shows it: whether it has a token, never the token's hash."""

    id: str
    email: str
    role: Role
    district: str | None
    token_issued_at: datetime | None
    token_expires_at: datetime | None
    disabled_at: datetime | None
    last_signed_in_at: datetime | None
    has_token: bool


_COLUMNS = (User.id, User.email, User.role, User.district, User.token_issued_at, User.token_expires_at,
            User.disabled_at, User.last_signed_in_at, User.token_hash.is_not(None))  # fmt: skip


def listed(session: Session) -> list[Account]:
    return [Account(*row) for row in session.execute(select(*_COLUMNS).order_by(User.role, User.email))]


def one(session: Session, user_id: str) -> Account | None:
    """One account, or None for an id no account has."""
    if "\x00" in user_id:
        return None
    row = session.execute(select(*_COLUMNS).where(User.id == user_id)).first()
    return Account(*row) if row else None
