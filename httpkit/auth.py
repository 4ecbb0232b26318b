"""Bearer tokens and roles. Every route names the roles it admits; checks run before the body is read."""

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import g, request
from flask_smorest import abort

from housing.actors import Actor
from housing.db import Base
from housing.services import accounts
from housing.vocabulary import Role
from httpkit.blueprint import holding_nul
from httpkit.store import db

View = TypeVar("View", bound=Callable[..., Any])

PUBLIC_ATTRIBUTE = "pathways_public"
ROLES_ATTRIBUTE = "pathways_roles"


def requires(*roles: Role) -> Callable[[View], View]:
    """Admit a signed-in user with one of `roles`: 401 without a valid token, 403 for other roles."""

    def decorate(view: View) -> View:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            actor = _signed_in()
            if actor.role not in roles:
                abort(403, message=f"this needs the role {' or '.join(r.value for r in roles)}")
            if any(holding_nul(kwargs)):  # no id holds one (PostgreSQL could not even look it up)
                abort(404, message="no record with this id")
            g.actor = actor
            return view(*args, **kwargs)

        setattr(guarded, ROLES_ATTRIBUTE, roles)
        return guarded  # type: ignore[return-value]

    return decorate


def public(view: View) -> View:
    """Mark a route that needs no token (health and the OpenAPI document)."""
    setattr(view, PUBLIC_ATTRIBUTE, True)
    return view


def exists(model: type[Base], argument: str) -> Callable[[View], View]:
    """404 for an unknown id before the body is validated, as the contract orders the checks."""

    def decorate(view: View) -> View:
        @wraps(view)
        def found(*args: Any, **kwargs: Any) -> Any:
            if db().get(model, kwargs[argument]) is None:
                abort(404, message=f"no {model.__name__} with id {kwargs[argument]}")
            return view(*args, **kwargs)

        return found  # type: ignore[return-value]

    return decorate


def actor() -> Actor:
    return g.actor


def _signed_in() -> Actor:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        abort(401, message="sign in: send Authorization: Bearer <token>")
    found = accounts.authenticate(db(), token.strip())
    if found is None:
        abort(401, message="the token is not valid or was revoked")
    return found
