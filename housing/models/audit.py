"""The audit trail: who viewed or changed a young person's record, when, and what."""

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime


class AuditEntry(Base):
    """Append-only; it names users and records by id, not by foreign key, so it outlives them."""

    __tablename__ = "audit"
    __table_args__ = (Index("ix_audit_young_person_at", "young_person_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    young_person_id: Mapped[str | None] = mapped_column(String(32))
    # What was seen or changed, by field name or id: never the personal values themselves.
    detail: Mapped[str] = mapped_column(Text)
