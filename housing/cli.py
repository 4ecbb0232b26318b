"""`flask users …`: accounts and API tokens from the command line."""

import secrets
import sys
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

import click
from flask import current_app
from flask.cli import AppGroup, with_appcontext
from sqlalchemy.orm import Session

from housing.actors import Actor
from housing.clock import today
from housing.errors import DomainError
from housing.services import accounts, runs
from housing.vocabulary import Role

users = AppGroup("users", help="Create users, issue and revoke their API tokens.")

# One account per role for trying the service locally; `make run` creates them.
DEMO_USERS = (
    ("officer@pathways.example", Role.HOUSING_OFFICER, None),
    ("crawley@pathways.example", Role.DISTRICT_OFFICER, "crawley"),
    ("coordinator@pathways.example", Role.HOUSE_PROJECT_COORDINATOR, None),
    ("admin@pathways.example", Role.ADMIN, None),
    ("commissioner@pathways.example", Role.COMMISSIONER, None),
)


T = TypeVar("T")


def _session() -> Session:
    return current_app.extensions["pathways"].writer_factory()


@users.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--district", help="the district slug; required for district_officer")
@click.option("--password", "with_password", is_flag=True, help="also set a password for the web pages")
def create(email: str, role: str, district: str | None, with_password: bool) -> None:
    """Create a user; the new API token is the last line printed.

    With --password the password is asked for (or read from standard input when it is not a
    terminal), never taken from the command line, where other users and shell history see it.
    """
    password = _read_password() if with_password else None
    with _session() as session:
        token = _or_fail(lambda: accounts.create_user(session, email, Role(role), district))
        if password is not None:
            _or_fail(lambda: accounts.set_password(session, email, password))
    click.echo(f"Created {email} ({role}). Their API token, shown only now:", err=True)
    click.echo(token)


@users.command("password")
@click.argument("email")
def password(email: str) -> None:
    """Set a user's password for the web pages (asked for, or read from standard input)."""
    new_password = _read_password()
    with _session() as session:
        _or_fail(lambda: accounts.set_password(session, email, new_password))
    click.echo(f"Password set for {email}.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@users.command("token")
@click.argument("email")
def token(email: str) -> None:
    """Issue a new API token for an existing user (the old one stops working)."""
    with _session() as session:
        new_token = _or_fail(lambda: accounts.issue_token(session, email))
    click.echo(new_token)


@users.command("revoke")
@click.argument("email")
def revoke(email: str) -> None:
    """Revoke a user's API token at once."""
    with _session() as session:
        _or_fail(lambda: accounts.revoke(session, email))
    click.echo(f"Revoked the token of {email}.")


@users.command("demo")
def demo() -> None:
    """Create (or refresh) one demo user per role, and print their passwords and API tokens."""
    click.echo("Demo users (synthetic; passwords and tokens change each time this runs):")
    with _session() as session:
        for email, role, district in DEMO_USERS:
            try:
                new_token = accounts.create_user(session, email, role, district)
            except DomainError:
                new_token = accounts.issue_token(session, email)
            new_password = secrets.token_urlsafe(12)
            accounts.set_password(session, email, new_password)
            where = f" ({district})" if district else ""
            click.echo(f"  {role.value + where:<28} {email:<30} password {new_password}  token {new_token}")
    click.echo('Try: curl -H "Authorization: Bearer <token>" http://127.0.0.1:5000/api/v1/districts')


def _or_fail(action: Callable[[], T]) -> T:
    try:
        return action()
    except DomainError as error:
        raise click.ClickException(error.message) from error


# The command line acts as an administrator; its audit entries say so.
COMMAND_LINE = Actor(user_id="command-line", email="command line (flask match)", role=Role.ADMIN)


@click.command("match")
@with_appcontext
@click.option("--as-of", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Default: today.")
@click.option("--young-person", "young_people", multiple=True, help="Only these (repeatable).")
def match(as_of: datetime | None, young_people: tuple[str, ...]) -> None:
    """Run the matcher over the store, as POST /api/v1/matching/runs does, and summarise it."""
    anchor = as_of.date() if as_of else today()
    click.echo(f"Matching as of {anchor}: reading the store, building the arcs, solving…", err=True)
    with _session() as session:
        record = _or_fail(
            lambda: runs.run(
                session,
                COMMAND_LINE,
                as_of=anchor,
                young_people=list(young_people) or None,
                reach_km=current_app.config["REACH_KM"],
            )
        )
    s = record.summary
    rows = [
        ("run", record.id),
        ("status", f"{record.status} in {record.wall_ms:.0f} ms"),
        ("in scope", s["in_scope"]),
        ("matched", s["matched"]),
        ("urgent matched", f"{s['urgent_matched']} of {s['urgent']}"),
        ("unmatched", s["unmatched"]),
        *((f"  unmatched: {code}", n) for code, n in s["unmatched_by_reason"].items()),
        ("mean distance to links", f"{s['mean_link_km']} km" if s["mean_link_km"] is not None else "-"),
    ]
    for label, value in rows:
        click.echo(f"{label:<28} {value}")
