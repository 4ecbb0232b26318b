"""Signed-in sessions of the pages, kept in the database so that ending one ends it for every worker."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime


class PageSession(Base):
    """One sign-in. The cookie carries a random token; only its SHA-256 is kept here, so a copy of
    this table opens no session. Deleting the row ends the session at once, whatever the cookie says."""

    __tablename__ = "page_sessions"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    signed_in_at: Mapped[datetime] = mapped_column(UtcDateTime)  # for the absolute lifetime
    seen_at: Mapped[datetime] = mapped_column(UtcDateTime)  # for the idle expiry


class SignInLink(Base):
    """A one-time link to sign in without a password (young people). Only the token's SHA-256 is
    kept; the link works once, until `expires_at`, and never for a disabled user."""

    __tablename__ = "sign_in_links"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
