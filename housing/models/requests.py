"""Requests a client marked with an Idempotency-Key, so that sending one again makes nothing new."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime


class IdempotentRequest(Base):
    """Written in the same transaction as the record the request created: both or neither."""

    __tablename__ = "idempotent_requests"

    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), primary_key=True)
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    # SHA-256 of the method, the path and the JSON body: one key is one request, never another.
    fingerprint: Mapped[str] = mapped_column(String(64))
    resource_id: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
