"""How a young person gets in: invited by an officer who works with them, then signed in by a
one-time link emailed to them (contract v1.2, *The young person's own view*).

A young person has no password to forget or to be guessed. The link's token is random (256 bits);
only its SHA-256 is kept, it works once, and only until it expires (a week for an invitation, an
hour for a link asked for again). Signing in by it starts an ordinary page session, so the staff
rules hold: 12 hours at most, 30 minutes idle, ended on sign-out, and ended when the account is
disabled (`users disable`) or the record goes. Asking for a link answers the same whether or not
the email has an account, so the page tells no one who is known.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from housing.actors import Actor, of_user
from housing.db import transaction
from housing.errors import Conflict, DomainError, Forbidden, Invalid, NotFound
from housing.models import Allocation, SignInLink, User, YoungPerson
from housing.services import audit, emails, notifications
from housing.vocabulary import NotificationKind, Role, WorkerKind

EMAIL = re.compile(r"[^@\s\x00]{1,64}@[^@\s\x00]{1,180}\.[^@\s\x00]{2,8}")
INVITATION_LASTS = timedelta(days=7)
LINK_LASTS = timedelta(hours=1)
SIGN_IN_PAGE = emails.SIGN_IN_PAGE
ASK_AGAIN_AFTER = timedelta(minutes=1)
# The same words for every link that does not open: used, expired, unknown or disabled.
LINK_REFUSED = "This link has expired or has been used. Ask for a new link to sign in."


class LinkRefused(DomainError):
    """A sign-in link that opens nothing; the message never says why."""


@dataclass(frozen=True)
class Invited:
    email: str
    notification_id: str  # the email carrying the link, to be sent once the invitation commits


def invite(session: Session, actor: Actor, young_person_id: str, email: str) -> Invited:
    """Invite the young person to their own pages: their account is made (or found) and a link
    emailed to them. Only an officer who works with them: their allocated housing support officer,
    or any officer while none is allocated (and admins)."""
    email = email.strip().lower()
    with transaction(session):
        person = session.get(YoungPerson, young_person_id)
        if person is None:
            raise NotFound(f"no young person with id {young_person_id}")
        _refuse_unless_working_with(session, actor, person.id)
        if not EMAIL.fullmatch(email):
            raise Invalid.field("email", "enter an email address like name@example.com")
        user = session.scalar(select(User).where(User.young_person_id == person.id))
        taken = session.scalar(select(User).where(User.email == email))
        if taken is not None and taken is not user:
            raise Conflict("this email belongs to another account")
        if user is None:
            user = User(email=email, role=Role.YOUNG_PERSON, young_person_id=person.id)
            session.add(user)
            session.flush()
        elif user.email != email:
            user.email = email  # a new address for the same young person: the old one opens nothing
        if user.disabled_at is not None:
            raise Conflict("this young person's access is disabled; an admin can enable it")
        notification = _link(session, user, INVITATION_LASTS, invitation=True)
        audit.record(session, actor, "young person invited", person.id, "invited to their own pages by email")
    return Invited(email, notification)


def _refuse_unless_working_with(session: Session, actor: Actor, young_person_id: str) -> None:
    if actor.role is Role.ADMIN:
        return
    allocated = session.scalar(
        select(Allocation.officer_id).where(
            Allocation.young_person_id == young_person_id,
            Allocation.kind == WorkerKind.HOUSING_OFFICER,
            Allocation.ends_on.is_(None),
        )
    )
    if allocated is not None and allocated != actor.user_id:
        raise Forbidden("only the young person's housing support officer may invite them")


def ask_for_link(session: Session, email: str) -> str | None:
    """A new link for a young person's account with this email (None, silently, for any other)."""
    with transaction(session):
        cleaned = email.strip().lower()
        user = session.scalar(select(User).where(User.email == cleaned)) if "\x00" not in cleaned else None
        if user is None or user.role is not Role.YOUNG_PERSON or user.disabled_at is not None:
            return None
        latest = session.scalar(select(func.max(SignInLink.created_at)).where(SignInLink.user_id == user.id))
        if latest is not None and datetime.now(UTC) - latest < ASK_AGAIN_AFTER:
            return None  # one email a minute at most: a stranger cannot flood their inbox
        return _link(session, user, LINK_LASTS, invitation=False)


def _link(session: Session, user: User, lasts: timedelta, *, invitation: bool) -> str:
    token, now = secrets.token_urlsafe(32), datetime.now(UTC)
    session.add(SignInLink(token_hash=_hash(token), user_id=user.id, created_at=now, expires_at=now + lasts))
    if invitation:
        words = ("You are invited to Pathways",
                 "Your worker has invited you to see your housing plan on Pathways. You can see what "
                 "happens next and tell us what you think. The link works once, for 7 days.")  # fmt: skip
    else:
        words = ("Your link to sign in to Pathways",
                 "Here is your link to sign in to Pathways. It works once, for 1 hour.")  # fmt: skip
    return notifications.add(
        session, user, f"sign-in:{_hash(token)[:16]}", NotificationKind.SIGN_IN_LINK, *words,
        _path(token),
    )  # fmt: skip


def sign_in(session: Session, token: str) -> Actor:
    """Use a link: once, before it expires, for an account not disabled; else LinkRefused."""
    now = datetime.now(UTC)
    with transaction(session):
        link = session.get(SignInLink, _hash(token)) if "\x00" not in token else None
        user = session.get(User, link.user_id) if link is not None else None
        if user is None or link.used_at is not None or link.expires_at <= now or user.disabled_at is not None:
            raise LinkRefused(LINK_REFUSED)
        link.used_at = user.last_signed_in_at = now
        emails.forget_link(session, user.id, _path(token))
        audit.record(
            session, of_user(user), "signed in", user.young_person_id, "signed in by a one-time link"
        )
    return of_user(user)


def _path(token: str) -> str:
    return f"{SIGN_IN_PAGE}/{token}"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
