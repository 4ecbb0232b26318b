"""What each council promised: its yearly commitment of homes for care leavers, used and remaining.

A nomination the council accepted is one home of its commitment, counted in the year (1 April to
31 March) it was accepted; so the figures move as councils decide, with nothing stored beside the
nominations. A council that records no commitment shows none: the sources name no quota.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing import ssda903
from housing.db import transaction
from housing.models import District, Nomination
from housing.vocabulary import NominationStatus


@dataclass(frozen=True)
class Commitment:
    district: str  # the council's name
    slug: str
    promised: int | None  # None: no commitment recorded
    used: int
    limits_matching: bool = False  # the council asks runs to keep to what is left

    @property
    def remaining(self) -> int | None:
        return None if self.promised is None else max(self.promised - self.used, 0)


def year_ending(today: date) -> int:
    """The year of the 31 March that ends the council year `today` falls in."""
    return today.year + 1 if today.month >= 4 else today.year


def for_year(session: Session, ending: int, slug: str | None = None) -> list[Commitment]:
    """Each council's (or one council's) commitment in the year ending 31 March of `ending`."""
    since = datetime.combine(ssda903.collection_year(ending)[0], time(), UTC)
    until = datetime.combine(ssda903.collection_year(ending + 1)[0], time(), UTC)
    accepted = (Nomination.status == NominationStatus.ACCEPTED, Nomination.decided_at >= since,
                Nomination.decided_at < until)  # fmt: skip
    with transaction(session):
        counted = select(Nomination.district, func.count()).where(*accepted).group_by(Nomination.district)
        used = dict(session.execute(counted).all())
        query = select(District).order_by(District.name)
        if slug is not None:
            query = query.where(District.slug == slug)
        return [
            Commitment(d.name, d.slug, d.yearly_commitment, used.get(d.slug, 0), d.commitment_limits_matching)
            for d in session.scalars(query)
        ]


def matching_limits(session: Session, as_of: date) -> dict[str, int]:
    """What a run as of `as_of` may give each council's register that asked for the limit: its
    commitment in that council year, less the nominations it accepted in that year and those still
    awaiting its decision (each would use one home if accepted). Read inside the run's transaction."""
    ending = year_ending(as_of)
    since = datetime.combine(ssda903.collection_year(ending)[0], time(), UTC)
    until = datetime.combine(ssda903.collection_year(ending + 1)[0], time(), UTC)
    asking = dict(
        session.execute(
            select(District.slug, District.yearly_commitment).where(
                District.commitment_limits_matching.is_(True), District.yearly_commitment.is_not(None)
            )
        ).all()
    )
    if not asking:
        return {}
    accepted = (
        (Nomination.status == NominationStatus.ACCEPTED)
        & (Nomination.decided_at >= since)
        & (Nomination.decided_at < until)
    )
    counted = select(Nomination.district, func.count()).where(
        Nomination.district.in_(asking), accepted | (Nomination.status == NominationStatus.PENDING)
    )
    used = dict(session.execute(counted.group_by(Nomination.district)).all())
    return {slug: max(promised - used.get(slug, 0), 0) for slug, promised in asking.items()}
