"""Typed SQLAlchemy models: the one store for every route, and who may use it."""

from housing.models.accounts import SignInThrottle, User
from housing.models.audit import AuditEntry, AuditShown
from housing.models.casework import Adviser, Allocation, PathwayReview, Sibling
from housing.models.cohorts import Cohort, CohortMember
from housing.models.events import Event, Notification, SentEmail
from housing.models.matching import MatchingRun, MoveStep, Nomination, Placement, Proposal, Rejection
from housing.models.options import Option
from housing.models.page_sessions import PageSession
from housing.models.people import Application, LocalLink, Preference, YoungPerson
from housing.models.reference import District, Place
from housing.models.requests import IdempotentRequest

__all__ = [
    "Adviser",
    "Allocation",
    "Application",
    "AuditEntry",
    "AuditShown",
    "Cohort",
    "CohortMember",
    "District",
    "Event",
    "IdempotentRequest",
    "LocalLink",
    "MatchingRun",
    "MoveStep",
    "Nomination",
    "Notification",
    "Option",
    "PageSession",
    "PathwayReview",
    "Place",
    "Placement",
    "Preference",
    "Proposal",
    "Rejection",
    "SentEmail",
    "Sibling",
    "SignInThrottle",
    "User",
    "YoungPerson",
]
