"""Young people, their local links and preferences, and their applications to district registers."""

from datetime import date
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from housing import lifedates, rules, text_rules
from housing.db import Base
from housing.due import DueKind
from housing.models.types import id_column, unique_while, vocabulary
from housing.vocabulary import (
    ApplicationStatus,
    DueTier,
    Immigration,
    LeaveType,
    LinkKind,
    PathwayStatus,
    Route,
    SupportLevel,
)

# A young person's needs, grouped as the API shows them; stored as columns so rules can filter.
NEEDS = ("step_free", "wheelchair", "children", "uasc", "immigration", "leave_granted_on", "leave_type",
         "leave_expires_on", "custody_release_date", "avoid_places", "avoid_districts")  # fmt: skip


def _reference_key_default(context: Any) -> str:
    """The key of a reference inserted in bulk (the seeds), as `YoungPerson.reference` sets it."""
    return text_rules.reference_key(context.get_current_parameters()["reference"])


class RecordSays:
    """What a young person's record says beyond its columns, worked out the same way whether the
    record is the model (a change's reply) or the frozen `housing.reads.record_values.Record` (a
    read): the API dumps both, and a reply and a read must be the same bytes."""

    due_now: Any
    nomination_now: Any

    @property
    def due_date(self) -> date | None:
        return self.due_now.on if self.due_now else None

    @property
    def due(self) -> DueKind | None:
        """`pathway` (by 17½) or `move` (a move, release or 18th-birthday date); None if nothing is due."""
        return self.due_now.kind if self.due_now else None

    @property
    def pathway_deadline(self) -> date:
        return lifedates.pathway_deadline(self.date_of_birth)

    @property
    def bedrooms_needed(self) -> int:
        return rules.bedrooms_needed(self.children)

    @property
    def needs(self) -> dict[str, Any]:
        return {field: getattr(self, field) for field in NEEDS}

    @property
    def current_accommodation(self) -> dict[str, Any] | None:
        if self.accommodation_code is None:
            return None
        return {
            "code": self.accommodation_code,
            "suitable": self.accommodation_suitable,
            "judged_on": self.accommodation_judged_on,
        }

    @property
    def pathway(self) -> dict[str, Any]:
        return {
            "status": self.pathway_status,
            "agreed_on": self.pathway_agreed_on,
            "route": self.pathway_route,
            "option": self.pathway_option_id,
            "nomination": self.nomination_now,
        }


class YoungPerson(RecordSays, Base):
    __tablename__ = "young_people"
    __table_args__ = (
        CheckConstraint("children >= 0", name="children_not_negative"),
        CheckConstraint(
            "pathway_status != 'agreed' OR (pathway_route IS NOT NULL AND pathway_agreed_on IS NOT NULL)",
            name="agreed_pathway_has_route",
        ),
    )

    id: Mapped[str] = id_column()
    reference: Mapped[str] = mapped_column(String(64), unique=True)
    # Unique: references that differ only by case, spaces or full-width forms are one reference.
    # Nullable only so that SQLite adds it without rebuilding the table (whose rebuild would cascade
    # to every placement); the model sets it on every write and an invariant finds any null.
    reference_key: Mapped[str | None] = mapped_column(
        String(64), unique=True, index=True, default=_reference_key_default
    )
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    # Indexed: every age, 17½ date and tier of what is due is a range of dates of birth (issue 34).
    date_of_birth: Mapped[date] = mapped_column(Date, index=True)
    home_district: Mapped[str] = mapped_column(ForeignKey("districts.slug"), index=True)
    current_place: Mapped[str] = mapped_column(ForeignKey("places.name"))
    support_level: Mapped[SupportLevel] = mapped_column(vocabulary(SupportLevel, "support_level"))

    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    wheelchair: Mapped[bool] = mapped_column(Boolean, default=False)
    children: Mapped[int] = mapped_column(Integer, default=0)
    uasc: Mapped[bool] = mapped_column(Boolean, default=False)
    immigration: Mapped[Immigration] = mapped_column(vocabulary(Immigration, "immigration"))
    custody_release_date: Mapped[date | None] = mapped_column(Date)
    # The day leave to remain was granted, if it was (a UASC young person's notice period runs from it).
    leave_granted_on: Mapped[date | None] = mapped_column(Date)
    # Its kind and, unless indefinite, when it runs out (issue 30).
    leave_type: Mapped[LeaveType | None] = mapped_column(vocabulary(LeaveType, "leave_type"))
    leave_expires_on: Mapped[date | None] = mapped_column(Date)
    # Where they live now, as an SSDA903 accommodation letter, and the officer's dated judgement of it.
    accommodation_code: Mapped[str | None] = mapped_column(String(1))
    accommodation_suitable: Mapped[bool | None] = mapped_column(Boolean)
    accommodation_judged_on: Mapped[date | None] = mapped_column(Date)
    # The 903 return's other care leaver items: whether the county is in touch, and their activity.
    in_touch: Mapped[str | None] = mapped_column(String(4))
    activity: Mapped[str | None] = mapped_column(String(2))
    avoid_places: Mapped[list[str]] = mapped_column(JSON, default=list)
    avoid_districts: Mapped[list[str]] = mapped_column(JSON, default=list)

    wishes: Mapped[str | None] = mapped_column(Text)
    move_date: Mapped[date | None] = mapped_column(Date)

    pathway_status: Mapped[PathwayStatus] = mapped_column(
        vocabulary(PathwayStatus, "pathway_status"), default=PathwayStatus.NOT_STARTED, index=True
    )
    pathway_route: Mapped[Route | None] = mapped_column(vocabulary(Route, "pathway_route"))
    pathway_agreed_on: Mapped[date | None] = mapped_column(Date)
    pathway_option_id: Mapped[str | None] = mapped_column(
        ForeignKey("options.id", use_alter=True, ondelete="SET NULL")
    )

    local_links: Mapped[list["LocalLink"]] = relationship(
        back_populates="young_person",
        cascade="all, delete-orphan",
        order_by="LocalLink.position",
    )
    preferences: Mapped[list["Preference"]] = relationship(
        back_populates="young_person",
        cascade="all, delete-orphan",
        order_by="Preference.rank",
    )
    applications: Mapped[list["Application"]] = relationship(
        back_populates="young_person",
        cascade="all, delete-orphan",
        order_by="Application.applied_on",
    )
    # Current first (no end recorded), then latest start first.
    placements: Mapped[list["Placement"]] = relationship(  # noqa: F821 (defined with the matching models)
        order_by="(Placement.status, Placement.starts_on.desc())", viewonly=True
    )

    # What is due today (housing.due): it turns on the day and on cohort membership, so the use case
    # that shows a record works it out (housing.reads.young_people.due_of) and sets it here, with
    # its tier (api-contract v1.2).
    due_now = None
    due_tier_now = DueTier.NONE

    @property
    def due_tier(self) -> DueTier:
        """`move_now`, `overdue`, `soon`, `later` or `none`: how pressing what is due is today."""
        return self.due_tier_now

    # The nomination behind the current placement, as `housing.reads.nominations.behind` gives it;
    # set by the read or use case that shows the record (housing.reads.records, or a create or update
    # in housing.services.young_people), None until then.
    nomination_now = None

    @validates("reference")
    def _keyed(self, _name: str, reference: str) -> str:
        self.reference_key = text_rules.reference_key(reference)
        return reference


class LocalLink(Base):
    """A tie the move should keep: school or college, work, family, friends, health, faith."""

    __tablename__ = "local_links"
    __table_args__ = (CheckConstraint("importance BETWEEN 1 AND 3", name="importance_1_to_3"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[LinkKind] = mapped_column(vocabulary(LinkKind, "link_kind"))
    place: Mapped[str] = mapped_column(ForeignKey("places.name"))
    importance: Mapped[int] = mapped_column(Integer)
    note: Mapped[str | None] = mapped_column(Text)

    young_person: Mapped[YoungPerson] = relationship(back_populates="local_links")


class Preference(Base):
    """The young person's own ranked wish: a route, a place, a district, or a combination."""

    __tablename__ = "preferences"
    __table_args__ = (
        CheckConstraint("rank >= 1", name="rank_positive"),
        CheckConstraint(
            "route IS NOT NULL OR place IS NOT NULL OR district IS NOT NULL",
            name="names_something",
        ),
        UniqueConstraint("young_person_id", "rank", name="uq_preferences_rank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    rank: Mapped[int] = mapped_column(Integer)
    route: Mapped[Route | None] = mapped_column(vocabulary(Route, "preference_route"))
    place: Mapped[str | None] = mapped_column(ForeignKey("places.name"))
    district: Mapped[str | None] = mapped_column(ForeignKey("districts.slug"))

    young_person: Mapped[YoungPerson] = relationship(back_populates="preferences")


class Application(Base):
    """An application to one district's housing register (any of the seven, under the protocol)."""

    __tablename__ = "applications"
    __table_args__ = (
        # One active application per district: the database refuses a second.
        unique_while(
            "uq_applications_one_active_per_district", "status = 'active'", "young_person_id", "district"
        ),
    )

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    district: Mapped[str] = mapped_column(ForeignKey("districts.slug"), index=True)
    band: Mapped[str] = mapped_column(String(8))
    applied_on: Mapped[date] = mapped_column(Date)
    status: Mapped[ApplicationStatus] = mapped_column(
        vocabulary(ApplicationStatus, "application_status"), default=ApplicationStatus.ACTIVE
    )

    young_person: Mapped[YoungPerson] = relationship(back_populates="applications")
