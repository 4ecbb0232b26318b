"""Typed SQLAlchemy models: the one store for every route, and who may use it."""

from housing.models.accounts import SignInThrottle, User
from housing.models.allowances import SettingUpHome
from housing.models.audit import AuditEntry, AuditShown
from housing.models.casenotes import HousingNote, HousingTask, TriplePlan
from housing.models.casework import Adviser, Allocation, PathwayReview, Sibling
from housing.models.cohorts import Cohort, CohortMember
from housing.models.events import Event, Notification, SentEmail
from housing.models.matching import MatchingRun, MoveStep, Nomination, Placement, Proposal, Rejection
from housing.models.options import Option
from housing.models.own_view import ChangeRequest
from housing.models.page_sessions import PageSession, SignInLink
from housing.models.people import Application, LocalLink, Preference, YoungPerson
from housing.models.providers import Provider
from housing.models.reference import District, Place
from housing.models.requests import IdempotentRequest
from housing.models.signoff import SignOff, SignOffRoute

__all__ = [
    "Adviser",
    "Allocation",
    "Application",
    "AuditEntry",
    "AuditShown",
    "ChangeRequest",
    "Cohort",
    "CohortMember",
    "District",
    "Event",
    "HousingNote",
    "HousingTask",
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
    "Provider",
    "Rejection",
    "SentEmail",
    "SettingUpHome",
    "Sibling",
    "SignInLink",
    "SignInThrottle",
    "SignOff",
    "SignOffRoute",
    "TriplePlan",
    "User",
    "YoungPerson",
]
