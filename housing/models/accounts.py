"""Users of the service and their API tokens (stored only as hashes)."""

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, true
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime, id_column, vocabulary
from housing.vocabulary import Role


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        CheckConstraint(
            "(role = 'district_officer') = (district IS NOT NULL)",
            name="district_officers_bound_to_a_district",
        ),
        CheckConstraint(
            "(role = 'young_person') = (young_person_id IS NOT NULL)",
            name="young_people_bound_to_their_record",
        ),
    )

    id: Mapped[str] = id_column()
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[Role] = mapped_column(vocabulary(Role, "role"))
    district: Mapped[str | None] = mapped_column(ForeignKey("districts.slug"))
    # A young person's own account, bound to their record: it goes when the record goes.
    young_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), unique=True
    )
    # SHA-256 of a 256-bit random token: enough for a secret with that much entropy.
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    token_issued_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    token_expires_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # 90 days after issue
    # For the web pages: a scrypt hash (Werkzeug). Failed sign-ins are counted per client
    # (SignInThrottle), never on the account: a stranger must not be able to lock a user out.
    password_hash: Mapped[str | None] = mapped_column(String(256))
    # Set by an admin: token, page sessions and password all stop until enabled again.
    disabled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_signed_in_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # shown to admins
    # Notifications are always in the notification centre; by email too unless the user says not.
    email_notifications: Mapped[bool] = mapped_column(default=True, server_default=true())


class SignInThrottle(Base):
    """Failed sign-ins from one client, for one account (or, `account` null, for any account).

    Keys and accounts are SHA-256 hashes (of the client's address and the email), so the table
    names no one. A lock here refuses that client only: the user, signing in from elsewhere, and
    their live sessions are untouched.
    """

    __tablename__ = "sign_in_throttles"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    account: Mapped[str | None] = mapped_column(String(64), index=True)  # for an admin's unlock
    failures: Mapped[int] = mapped_column(Integer)
    window_started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
