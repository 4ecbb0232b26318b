"""Reference data: the seven districts and boroughs, and the places options and links stand in."""

from sqlalchemy import JSON, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base


class District(Base):
    __tablename__ = "districts"

    slug: Mapped[str] = mapped_column(String(32), primary_key=True)
    gss_code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    # Each council's own band scheme, highest priority first; reference data, not code.
    bands: Mapped[list[str]] = mapped_column(JSON)


class Place(Base):
    """A town; `district` is null for places outside West Sussex."""

    __tablename__ = "places"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    district: Mapped[str | None] = mapped_column(ForeignKey("districts.slug"))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
