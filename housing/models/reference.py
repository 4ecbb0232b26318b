"""Reference data: the seven districts and boroughs, and the places options and links stand in."""

from sqlalchemy import JSON, Boolean, CheckConstraint, Float, ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from housing.db import Base


class District(Base):
    __tablename__ = "districts"

    slug: Mapped[str] = mapped_column(String(32), primary_key=True)
    gss_code: Mapped[str] = mapped_column(String(9), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    # Each council's own band scheme, highest priority first; reference data, not code.
    bands: Mapped[list[str]] = mapped_column(JSON)
    # The council's own bedroom standard for its lettings (domain.md, "Councils' settings"): bedrooms
    # for a household with 0, 1, 2, 3 or more children; null keeps the service's own need.
    bedroom_standard: Mapped[list[int] | None] = mapped_column(JSON)
    # Whether its scheme lets a household a home larger than that standard.
    larger_homes_allowed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Homes the council commits to let to care leavers each year (1 April to 31 March), where it
    # records one: the sources name no quota, so the figure is the council's own (domain.md).
    yearly_commitment: Mapped[int | None] = mapped_column()
    # Whether the council asks the matcher to keep to it: a run then proposes no more of its register's
    # vacancies than the commitment has left (issue 33). Off unless the council turns it on.
    commitment_limits_matching: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Days the council has to answer a nomination, set by the county; none assumed (domain.md).
    nomination_response_days: Mapped[int | None] = mapped_column(
        CheckConstraint("nomination_response_days BETWEEN 1 AND 365", name="response_days_in_range")
    )


class Place(Base):
    """A town; `district` is null for places outside West Sussex."""

    __tablename__ = "places"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    district: Mapped[str | None] = mapped_column(ForeignKey("districts.slug"))
    lat: Mapped[float] = mapped_column(Float)
    lon: Mapped[float] = mapped_column(Float)
