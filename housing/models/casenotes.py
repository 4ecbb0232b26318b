"""Housing notes and tasks on a young person's case (issue 31): seen only by those who work the case."""

from datetime import date, datetime

from sqlalchemy import CheckConstraint, Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from housing.db import Base
from housing.models.types import UtcDateTime, id_column, vocabulary
from housing.vocabulary import ImmigrationOutcome, NoteKind, Route


class HousingNote(Base):
    """What happened on `happened_on` (a visit, a call, a meeting, a decision), in the author's words."""

    __tablename__ = "housing_notes"

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[NoteKind] = mapped_column(vocabulary(NoteKind, "note_kind"))
    happened_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(254))
    written_at: Mapped[datetime] = mapped_column(UtcDateTime)


class HousingTask(Base):
    """Something to do by `due_on`, owned by one user; reminded once when due, done when done."""

    __tablename__ = "housing_tasks"
    __table_args__ = (CheckConstraint("(done_at IS NULL) = (done_by IS NULL)", name="done_with_whom"),)

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    due_on: Mapped[date] = mapped_column(Date)
    owner_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_by: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    done_by: Mapped[str | None] = mapped_column(String(254))
    done_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    owner: Mapped["User"] = relationship(lazy="joined")  # noqa: F821 (housing.models.accounts)


class TriplePlan(Base):
    """One of a UASC young person's three housing plans, for one outcome of their claim; the plan the
    outcome recorded chose is marked `chosen_on`."""

    __tablename__ = "triple_plans"
    __table_args__ = (UniqueConstraint("young_person_id", "outcome", name="uq_triple_plans_outcome"),)

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    outcome: Mapped[ImmigrationOutcome] = mapped_column(vocabulary(ImmigrationOutcome, "immigration_outcome"))
    route: Mapped[Route] = mapped_column(vocabulary(Route, "triple_plan_route"))
    plan: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(254))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
    chosen_on: Mapped[date | None] = mapped_column(Date)
