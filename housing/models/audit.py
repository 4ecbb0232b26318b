"""The audit trail: who viewed or changed a young person's record, when, and what."""

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from housing.db import Base
from housing.models.types import UtcDateTime


class AuditEntry(Base):
    """Append-only; it names users and records by id, not by foreign key, so it outlives them."""

    __tablename__ = "audit"
    # The trail is read newest first a page at a time (`ix_audit_at_id`), and by young person.
    __table_args__ = (
        Index("ix_audit_young_person_at", "young_person_id", "at"),
        Index("ix_audit_at_id", "at", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    user_email: Mapped[str] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32))
    young_person_id: Mapped[str | None] = mapped_column(String(32))
    # What was seen or changed: fields by name, ordinary values in words, never a sensitive value.
    detail: Mapped[str] = mapped_column(Text)
    # Whom a list view showed (empty for a change or a record seen alone).
    shown: Mapped[list["AuditShown"]] = relationship(lazy="selectin", viewonly=True)

    @property
    def shown_ids(self) -> list[str]:
        return [row.young_person_id for row in self.shown]


class AuditShown(Base):
    """Who one view of a list showed (issue 30): one entry per page view, found by any of them."""

    __tablename__ = "audit_shown"
    __table_args__ = (Index("ix_audit_shown_young_person", "young_person_id"),)

    audit_id: Mapped[int] = mapped_column(ForeignKey("audit.id", ondelete="CASCADE"), primary_key=True)
    young_person_id: Mapped[str] = mapped_column(String(32), primary_key=True)
