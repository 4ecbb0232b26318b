"""Housing options: one table for every route, with each route's own fields required by the database."""

from datetime import date

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import id_column, vocabulary
from housing.vocabulary import Route


class Option(Base):
    __tablename__ = "options"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity_at_least_one"),
        CheckConstraint("placed >= 0 AND placed <= capacity", name="placed_within_capacity"),
        CheckConstraint("min_age >= 0 AND min_age <= max_age", name="age_range"),
        CheckConstraint("bedrooms >= 0", name="bedrooms_not_negative"),
        CheckConstraint(
            "available_until IS NULL OR available_until >= available_from",
            name="available_window",
        ),
        CheckConstraint(
            "(route = 'staying_put') = (young_person_id IS NOT NULL AND carer_willing IS NOT NULL)",
            name="staying_put_names_its_young_person",
        ),
        CheckConstraint(
            "(route IN ('supported_lodgings', 'supported_accommodation')) = (registered_16_17 IS NOT NULL)",
            name="supported_routes_state_registration",
        ),
        CheckConstraint(
            "(route = 'supported_accommodation') = (uasc_specialist IS NOT NULL)",
            name="supported_accommodation_states_uasc",
        ),
        CheckConstraint(
            "route = 'private_rented' OR (monthly_rent IS NULL AND deposit IS NULL"
            " AND rent_in_advance IS NULL AND guarantor_needed IS NULL AND rental_market_area IS NULL)",
            name="private_rented_money",
        ),
        CheckConstraint(
            "monthly_rent >= 0 AND deposit >= 0 AND rent_in_advance >= 0", name="money_not_negative"
        ),
        CheckConstraint(
            "route IN ('supported_lodgings', 'supported_accommodation')"
            " OR (provider_id IS NULL AND weekly_cost IS NULL)",
            name="supported_routes_provider",
        ),
        CheckConstraint("weekly_cost >= 0", name="weekly_cost_not_negative"),
    )

    id: Mapped[str] = id_column()
    route: Mapped[Route] = mapped_column(vocabulary(Route, "route"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    place: Mapped[str] = mapped_column(ForeignKey("places.name"), index=True)
    # Derived from the place and kept so district officers' lists filter in the database.
    district: Mapped[str | None] = mapped_column(ForeignKey("districts.slug"), index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    available_from: Mapped[date] = mapped_column(Date)
    available_until: Mapped[date | None] = mapped_column(Date)
    min_age: Mapped[int] = mapped_column(Integer)
    max_age: Mapped[int] = mapped_column(Integer)
    support_levels: Mapped[list[str]] = mapped_column(JSON)
    step_free: Mapped[bool] = mapped_column(Boolean, default=False)
    wheelchair: Mapped[bool] = mapped_column(Boolean, default=False)
    bedrooms: Mapped[int] = mapped_column(Integer, default=1)
    accepts_children: Mapped[bool] = mapped_column(Boolean, default=False)

    young_person_id: Mapped[str | None] = mapped_column(
        ForeignKey("young_people.id", ondelete="CASCADE"), index=True
    )
    carer_willing: Mapped[bool | None] = mapped_column(Boolean)
    registered_16_17: Mapped[bool | None] = mapped_column(Boolean)
    uasc_specialist: Mapped[bool | None] = mapped_column(Boolean)
    # A private tenancy's money, in whole pounds, each optional (a landlord may not have said yet):
    # what the county's rent deposit and guarantor scheme and the Local Housing Allowance check need
    # (housing/money.py). The broad rental market area is one `housing.money.RATES` holds rates for.
    monthly_rent: Mapped[int | None] = mapped_column(Integer)
    deposit: Mapped[int | None] = mapped_column(Integer)
    rent_in_advance: Mapped[int | None] = mapped_column(Integer)
    guarantor_needed: Mapped[bool | None] = mapped_column(Boolean)
    rental_market_area: Mapped[str | None] = mapped_column(String(64))
    # A supported route's provider (housing/models/providers.py) and what a place costs the county a
    # week, in whole pounds: figures commissioners weigh beside the value of a place.
    provider_id: Mapped[str | None] = mapped_column(
        ForeignKey("providers.id", ondelete="SET NULL"), index=True
    )
    weekly_cost: Mapped[int | None] = mapped_column(Integer)

    # Active placements, counted by a conditional update (placed < capacity) on every accept, so
    # two officers can never both take the last place; the CHECK is the backstop.
    placed: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    # Not stored: places held for a while yet by placements already ended (a supported place is
    # free again from its end date), on the day the option is read for. Set by
    # `housing.services.placements.judge_on`; zero until then.
    held_meanwhile = 0

    @property
    def remaining(self) -> int:
        """The CAPACITY rule's figure: capacity less accepted placements, on the day it was judged."""
        return places_left(self.capacity, self.placed, self.held_meanwhile)


def places_left(capacity: int, placed: int, held_meanwhile: int) -> int:
    """The CAPACITY rule, on an option's columns (a list judges thousands without loading them)."""
    return capacity - placed - held_meanwhile
