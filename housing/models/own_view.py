"""What a young person asks of their worker from their own pages: "this is wrong", in their words."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime, id_column


class ChangeRequest(Base):
    """The young person says part of their record is wrong. Their worker sees it on the record and
    changes the record themselves: the young person never edits it, so officers keep one version."""

    __tablename__ = "change_requests"

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    about: Mapped[str] = mapped_column(String(16))  # links | wishes | other
    words: Mapped[str] = mapped_column(Text)
    asked_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Dealt with by an officer: who, when, and a short note of what was done, which the young
    # person reads on their own pages.
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    done_by: Mapped[str | None] = mapped_column(String(254))
    done_note: Mapped[str | None] = mapped_column(Text)
