"""Matching runs, their proposals, the placements officers accept, and the pairs they reject."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from housing.db import Base
from housing.models.options import Option
from housing.models.people import YoungPerson
from housing.models.types import UtcDateTime, id_column, unique_while, vocabulary
from housing.vocabulary import (
    Answer,
    EndReason,
    MoveStepKind,
    NominationStatus,
    PlacementStatus,
    ProposalStatus,
    Route,
    Trigger,
)


class MatchingRun(Base):
    """One solve: its input snapshot (so it can be re-solved), outcome and who ran it."""

    __tablename__ = "matching_runs"

    id: Mapped[str] = id_column()
    as_of: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str | None] = mapped_column(String(254))  # null for a run the service made itself
    # Why it was made (contract v1.2, *Proposals kept current*): an officer, or an event and its subject.
    trigger: Mapped[Trigger] = mapped_column(
        vocabulary(Trigger, "run_trigger"), default=Trigger.MANUAL, server_default=Trigger.MANUAL.value
    )
    triggered_by: Mapped[str | None] = mapped_column(String(32))
    # The event it answers: unique, so one event can never make two runs, whichever worker gets there.
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"), unique=True)
    status: Mapped[str] = mapped_column(String(16))
    objective: Mapped[int] = mapped_column(BigInteger)
    solver: Mapped[str] = mapped_column(String(64))
    wall_ms: Mapped[float] = mapped_column()
    # The problem exactly as solved, as plain data, and its SHA-256: re-solving it gives these proposals.
    snapshot: Mapped[dict[str, Any]] = mapped_column(JSON)
    digest: Mapped[str] = mapped_column(String(64))
    unmatched: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON)
    # A run of everyone in scope (no young people chosen): the only runs whose fairness a
    # commissioner may read (contract v1.2), since a run of a few describes those few.
    everyone: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Worked out from the run as made the first time they are read, then kept (issue 34): its
    # fairness figures (`housing.reads.fairness`) and, per unmatched young person, the districts where
    # an application would open a vacancy within reach (`housing.unmatched_advice`). Null until then.
    fairness: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    unmatched_advice: Mapped[dict[str, list[str]] | None] = mapped_column(JSON, deferred=True)

    proposals: Mapped[list["Proposal"]] = relationship(back_populates="run", order_by="Proposal.position")


class Proposal(Base):
    __tablename__ = "proposals"

    id: Mapped[str] = id_column()
    run_id: Mapped[str] = mapped_column(ForeignKey("matching_runs.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    option_id: Mapped[str] = mapped_column(ForeignKey("options.id", ondelete="CASCADE"), index=True)
    route: Mapped[Route] = mapped_column(vocabulary(Route, "proposal_route"))
    place: Mapped[str] = mapped_column(String(64))
    cost: Mapped[int] = mapped_column(Integer)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[ProposalStatus] = mapped_column(
        vocabulary(ProposalStatus, "proposal_status"), default=ProposalStatus.PROPOSED
    )
    # The optimiser proposes; a named officer decides, and why is kept with the decision.
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reason: Mapped[str | None] = mapped_column(Text)
    # An accept taken back (housing.services.undo): the proposal is open again; who and when are kept.
    undone_by: Mapped[str | None] = mapped_column(String(254))
    undone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Shared with the young person (contract v1.2): only a shared proposal is shown to them, and
    # their answer (yes, no, not sure, in their own words) is kept with it for the officer.
    shared_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    shared_by: Mapped[str | None] = mapped_column(String(254))
    view: Mapped[Answer | None] = mapped_column(vocabulary(Answer, "proposal_view"))
    view_words: Mapped[str | None] = mapped_column(Text)
    view_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    run: Mapped[MatchingRun] = relationship(back_populates="proposals")

    # Not stored: why the proposal was overtaken since its run (housing.reads.superseded sets it
    # when read), or None. An overtaken proposal reads as superseded and cannot be accepted.
    overtaken = None


class Placement(Base):
    """An accepted proposal (or a House Project home) holding a place from `starts_on`.

    `status` is active until an end is recorded; the place is held until `held_until`, which is
    the end date on routes whose places return and null (held for good) on the others, so the
    option's `placed` counts exactly the placements with no `held_until`.
    """

    __tablename__ = "placements"
    __table_args__ = (
        # One active placement per young person: the database refuses a second agreed pathway.
        unique_while("uq_placements_one_active_per_young_person", "status = 'active'", "young_person_id"),
        # Each young person's latest placement start, for everyone at once (reviews due, issue 34).
        Index("ix_placements_young_person_starts", "young_person_id", "starts_on"),
        CheckConstraint("ends_on IS NULL OR ends_on >= starts_on", name="ends_on_or_after_start"),
        CheckConstraint(
            "(status = 'ended') = (ends_on IS NOT NULL AND end_reason IS NOT NULL)", name="ended_has_date"
        ),
        CheckConstraint("held_until IS NULL OR status = 'ended'", name="held_until_only_when_ended"),
    )

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    option_id: Mapped[str] = mapped_column(ForeignKey("options.id", ondelete="CASCADE"), index=True)
    proposal_id: Mapped[str | None] = mapped_column(ForeignKey("proposals.id", ondelete="SET NULL"))
    status: Mapped[PlacementStatus] = mapped_column(
        vocabulary(PlacementStatus, "placement_status"), default=PlacementStatus.ACTIVE
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_by: Mapped[str] = mapped_column(String(254))
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[EndReason | None] = mapped_column(vocabulary(EndReason, "end_reason"))
    end_note: Mapped[str | None] = mapped_column(Text)
    ended_by: Mapped[str | None] = mapped_column(String(254))
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    held_until: Mapped[date | None] = mapped_column(Date)

    option: Mapped[Option] = relationship(lazy="joined", innerjoin=True)


class Rejection(Base):
    """A pair never to be proposed again (the REJECTED rule)."""

    __tablename__ = "rejections"
    __table_args__ = (CheckConstraint("length(reason) > 0", name="reason_given"),)

    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True
    )
    option_id: Mapped[str] = mapped_column(ForeignKey("options.id", ondelete="CASCADE"), primary_key=True)
    reason: Mapped[str] = mapped_column(Text)
    rejected_by: Mapped[str] = mapped_column(String(254))
    rejected_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Nomination(Base):
    """A register vacancy accepted for a young person, awaiting (or given) the district's decision.

    While pending it holds the place like any accepted placement; declined frees it.
    """

    __tablename__ = "nominations"

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    option_id: Mapped[str] = mapped_column(ForeignKey("options.id", ondelete="CASCADE"), index=True)
    district: Mapped[str] = mapped_column(ForeignKey("districts.slug"), index=True)
    placement_id: Mapped[str] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"), unique=True)
    status: Mapped[NominationStatus] = mapped_column(
        vocabulary(NominationStatus, "nomination_status"), default=NominationStatus.PENDING
    )
    reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # When one of the council's officers first saw it: from then the county's accept cannot be undone.
    seen_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the council was reminded

    young_person: Mapped[YoungPerson] = relationship()


class MoveStep(Base):
    """One dated step from an agreed pathway to the door: an offer, a viewing, the young person's
    answer in their words, the tenancy or licence signed, the day they moved in, or the move
    falling through. Append-only: a step recorded in error is followed by the right one."""

    __tablename__ = "move_steps"
    __table_args__ = (
        CheckConstraint("kind != 'answer' OR answer IS NOT NULL", name="answer_given"),
        CheckConstraint("kind != 'fell_through' OR reason IS NOT NULL", name="fell_through_says_why"),
    )

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    placement_id: Mapped[str] = mapped_column(ForeignKey("placements.id", ondelete="CASCADE"), index=True)
    kind: Mapped[MoveStepKind] = mapped_column(vocabulary(MoveStepKind, "move_step"))
    on: Mapped[date] = mapped_column(Date)
    answer: Mapped[Answer | None] = mapped_column(vocabulary(Answer, "answer"))
    words: Mapped[str | None] = mapped_column(Text)  # the young person's own words
    reason: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(254))
    recorded_at: Mapped[datetime] = mapped_column(UtcDateTime)
