"""Typed SQLAlchemy models: the one store for every route, and who may use it."""

from housing.models.accounts import User
from housing.models.audit import AuditEntry
from housing.models.cohorts import Cohort, CohortMember
from housing.models.events import Event, Notification, SentEmail
from housing.models.matching import MatchingRun, Nomination, Placement, Proposal, Rejection
from housing.models.options import Option
from housing.models.page_sessions import PageSession
from housing.models.people import Application, LocalLink, Preference, YoungPerson
from housing.models.reference import District, Place
from housing.models.requests import IdempotentRequest

__all__ = [
    "Application",
    "AuditEntry",
    "Cohort",
    "CohortMember",
    "District",
    "Event",
    "IdempotentRequest",
    "LocalLink",
    "MatchingRun",
    "Nomination",
    "Notification",
    "Option",
    "PageSession",
    "Place",
    "Placement",
    "Preference",
    "Proposal",
    "Rejection",
    "SentEmail",
    "User",
    "YoungPerson",
]
