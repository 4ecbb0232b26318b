"""The Setting Up Home Allowance: what the county granted a care leaver to set up their first home,
and what of it is spent (the scrutiny report, 2.27: "Every care leaver has access to a 'Setting Up
Home Allowance' of £3,000"). One row per young person; officers keep it, and every view and change
is audited on their record."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base


class SettingUpHome(Base):
    __tablename__ = "setting_up_home"
    __table_args__ = (
        CheckConstraint("granted >= 0 AND spent >= 0", name="amounts_not_negative"),
        CheckConstraint("spent <= granted", name="spent_within_granted"),
    )

    young_person_id: Mapped[str] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), primary_key=True
    )
    granted: Mapped[int] = mapped_column(Integer)  # whole pounds
    spent: Mapped[int] = mapped_column(Integer)  # whole pounds
    granted_on: Mapped[date] = mapped_column(Date)
