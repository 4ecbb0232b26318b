"""Who works a young person's case: personal advisers (staff the service knows, not necessarily users),
each worker's allocation with its dates (the history kept), and brothers and sisters (for continuity)."""

from datetime import date, datetime

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from housing.db import Base
from housing.models.types import UtcDateTime, id_column, unique_while, vocabulary
from housing.vocabulary import WorkerKind


class Adviser(Base):
    """A personal adviser: a member of staff with a base (a known place) and a caseload."""

    __tablename__ = "advisers"

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(200))
    base: Mapped[str] = mapped_column(ForeignKey("places.name"))
    # Staff who have left stay named in the history; only active advisers are proposed.
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Allocation(Base):
    """One worker on one young person's case from `starts_on` until `ends_on` (null while current).

    A housing support officer is a user; a personal adviser is an `Adviser`. One current allocation
    of each kind per young person: the database refuses a second.
    """

    __tablename__ = "allocations"
    __table_args__ = (
        CheckConstraint(
            "(kind = 'housing_officer' AND officer_id IS NOT NULL AND adviser_id IS NULL)"
            " OR (kind = 'personal_adviser' AND adviser_id IS NOT NULL AND officer_id IS NULL)",
            name="worker_matches_kind",
        ),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_after_start"),
        unique_while("uq_allocations_one_current", "ends_on IS NULL", "young_person_id", "kind"),
    )

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[WorkerKind] = mapped_column(vocabulary(WorkerKind, "worker_kind"))
    officer_id: Mapped[str | None] = mapped_column(ForeignKey("users.id"), index=True)
    adviser_id: Mapped[str | None] = mapped_column(ForeignKey("advisers.id"), index=True)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    # Who allocated, by email as the audit names users; and whether the matcher proposed this worker.
    allocated_by: Mapped[str] = mapped_column(String(254))
    allocated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    as_proposed: Mapped[bool] = mapped_column(Boolean, default=False)

    adviser: Mapped[Adviser | None] = relationship(lazy="joined")
    officer: Mapped["User | None"] = relationship(lazy="joined")  # noqa: F821 (housing.models.accounts)


class Sibling(Base):
    """A brother or sister also known to the service; stored both ways round, so one look-up finds it."""

    __tablename__ = "siblings"
    __table_args__ = (
        UniqueConstraint("young_person_id", "sibling_id", name="uq_siblings_pair"),
        CheckConstraint("young_person_id <> sibling_id", name="not_own_sibling"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    sibling_id: Mapped[str] = mapped_column(ForeignKey("young_people.id", ondelete="CASCADE"))


class PathwayReview(Base):
    """A housing review of a young person's pathway held on `reviewed_on` (the next is worked out by
    `housing.reviews`)."""

    __tablename__ = "pathway_reviews"
    # Each young person's last review, for everyone at once (reviews due, issue 34): read from the index.
    __table_args__ = (Index("ix_pathway_reviews_young_person_reviewed", "young_person_id", "reviewed_on"),)

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    reviewed_on: Mapped[date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(254))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
