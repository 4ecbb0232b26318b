"""The closed vocabularies officers use: routes, support levels, immigration, link kinds, roles."""

from enum import StrEnum


class Route(StrEnum):
    REGISTER_VACANCY = "register_vacancy"
    STAYING_PUT = "staying_put"
    SUPPORTED_LODGINGS = "supported_lodgings"
    SUPPORTED_ACCOMMODATION = "supported_accommodation"
    HOUSE_PROJECT = "house_project"


# Routes whose 16-17-year-olds need Ofsted-registered provision (2023 Regulations).
SUPPORTED_ROUTES = (Route.SUPPORTED_LODGINGS, Route.SUPPORTED_ACCOMMODATION)


class SupportLevel(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Immigration(StrEnum):
    NOT_APPLICABLE = "not_applicable"
    AWAITING_DECISION = "awaiting_decision"
    LEAVE_GRANTED = "leave_granted"
    APPEAL_RIGHTS_EXHAUSTED = "appeal_rights_exhausted"


# Register vacancies and the House Project lead to a tenancy, which needs a settled status.
SETTLED_IMMIGRATION = (Immigration.NOT_APPLICABLE, Immigration.LEAVE_GRANTED)


class LinkKind(StrEnum):
    SCHOOL = "school"
    COLLEGE = "college"
    WORK = "work"
    FAMILY = "family"
    FRIENDS = "friends"
    HEALTH = "health"
    FAITH = "faith"
    COMMUNITY = "community"


class PathwayStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    AGREED = "agreed"


class ApplicationStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class ProposalStatus(StrEnum):
    PROPOSED = "proposed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class PlacementStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class Role(StrEnum):
    HOUSING_OFFICER = "housing_officer"
    DISTRICT_OFFICER = "district_officer"
    HOUSE_PROJECT_COORDINATOR = "house_project_coordinator"
    ADMIN = "admin"


class NominationStatus(StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
