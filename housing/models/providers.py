"""Providers of supported accommodation and supported lodgings: who runs a scheme or a host service,
its Ofsted registration and its last inspection's rating. An option of a supported route may name its
provider and its weekly cost of a place (housing/models/options.py)."""

from datetime import date

from sqlalchemy import CheckConstraint, Date, String
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base
from housing.models.types import id_column, vocabulary
from housing.vocabulary import OfstedRating


class Provider(Base):
    __tablename__ = "providers"
    __table_args__ = (
        CheckConstraint(
            "(rating = 'not_yet_inspected') = (inspected_on IS NULL)", name="rating_has_its_inspection"
        ),
    )

    id: Mapped[str] = id_column()
    name: Mapped[str] = mapped_column(String(200))
    # Ofsted's unique reference number for the registration (the import's key), in capitals.
    ofsted_number: Mapped[str] = mapped_column(String(16), unique=True)
    rating: Mapped[OfstedRating] = mapped_column(vocabulary(OfstedRating, "ofsted_rating"))
    inspected_on: Mapped[date | None] = mapped_column(Date)
