"""A team manager's sign-off of housing decisions (issue 31): the routes it is switched on for, and each
decision awaiting it, signed off or sent back."""

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import UtcDateTime, id_column, unique_while, vocabulary
from housing.vocabulary import Route, SignOffStatus


class SignOffRoute(Base):
    """Sign-off is on for a route while its row exists (the county's setting; none by default)."""

    __tablename__ = "sign_off_routes"

    route: Mapped[Route] = mapped_column(vocabulary(Route, "sign_off_route"), primary_key=True)
    switched_on_by: Mapped[str] = mapped_column(String(254))
    switched_on_at: Mapped[datetime] = mapped_column(UtcDateTime)


class SignOff(Base):
    """One accepted proposal awaiting a team manager; who agreed it, who signed it off or sent it back.

    While it awaits, a register vacancy's nomination is not made, so the council cannot see it."""

    __tablename__ = "sign_offs"
    __table_args__ = (unique_while("uq_sign_offs_one_awaiting", "status = 'awaiting'", "proposal_id"),)

    id: Mapped[str] = id_column()
    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    proposal_id: Mapped[str] = mapped_column(ForeignKey("proposals.id", ondelete="CASCADE"), index=True)
    route: Mapped[Route] = mapped_column(vocabulary(Route, "sign_off_decision_route"))
    status: Mapped[SignOffStatus] = mapped_column(vocabulary(SignOffStatus, "sign_off_status"))
    agreed_by: Mapped[str] = mapped_column(String(254))
    agreed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    decided_by: Mapped[str | None] = mapped_column(String(254))
    decided_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reason: Mapped[str | None] = mapped_column(Text)  # why it was sent back
