"""National House Project cohorts and their members, from enrolment to their own homes."""

from datetime import date, datetime

from sqlalchemy import JSON, CheckConstraint, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from housing.db import Base
from housing.models.options import Option
from housing.models.people import YoungPerson
from housing.models.types import UtcDateTime, id_column, unique_while, vocabulary
from housing.vocabulary import Stage

ACTIVE = "stage NOT IN ('withdrawn', 'graduated')"


class Cohort(Base):
    __tablename__ = "cohorts"
    __table_args__ = (CheckConstraint("capacity BETWEEN 1 AND 50", name="capacity_1_to_50"),)

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(100), unique=True)
    starts_on: Mapped[date] = mapped_column(Date)
    capacity: Mapped[int] = mapped_column(Integer)
    districts: Mapped[list[str]] = mapped_column(JSON)  # where it draws its homes from
    closed_on: Mapped[date | None] = mapped_column(Date)  # no one joins after; its members carry on
    # The one house_project option the service keeps for the cohort: its places are the matcher's.
    option_id: Mapped[str] = mapped_column(ForeignKey("options.id"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(254))

    option: Mapped[Option] = relationship()
    members: Mapped[list["CohortMember"]] = relationship(
        back_populates="cohort", order_by="CohortMember.enrolled_on, CohortMember.id"
    )


class CohortMember(Base):
    __tablename__ = "cohort_members"
    __table_args__ = (
        # One active cohort per young person: the database refuses a second.
        unique_while("uq_cohort_members_one_active_per_young_person", ACTIVE, "young_person_id"),
    )

    id: Mapped[str] = id_column()
    cohort_id: Mapped[str] = mapped_column(ForeignKey("cohorts.id", ondelete="CASCADE"), index=True)
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    stage: Mapped[Stage] = mapped_column(vocabulary(Stage, "stage"), default=Stage.ENROLLED)
    stage_since: Mapped[date] = mapped_column(Date)
    enrolled_on: Mapped[date] = mapped_column(Date)
    moved_in_on: Mapped[date | None] = mapped_column(Date)  # living in their own home: a fact of its own
    property_place: Mapped[str | None] = mapped_column(ForeignKey("places.name"))
    property_option_id: Mapped[str | None] = mapped_column(ForeignKey("options.id", ondelete="SET NULL"))
    # The home itself, as the coordinator describes it (address, landlord, size): more than a town.
    property_description: Mapped[str | None] = mapped_column(String(200))
    # The last stage move: its reason where one matters (a withdrawal), and what it left, so a
    # move made in error can be undone the same day (housing.services.stage_moves).
    stage_reason: Mapped[str | None] = mapped_column(Text)
    stage_moved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    stage_moved_by: Mapped[str | None] = mapped_column(String(254))
    previous_stage: Mapped[Stage | None] = mapped_column(vocabulary(Stage, "previous_stage"))
    previous_stage_since: Mapped[date | None] = mapped_column(Date)

    cohort: Mapped[Cohort] = relationship(back_populates="members")
    young_person: Mapped[YoungPerson] = relationship()
