"""`flask users …`: accounts and API tokens from the command line."""

import secrets
import sys

import click
from flask.cli import AppGroup

from commands.common import or_fail, session
from housing.errors import DomainError
from housing.services import accounts
from housing.vocabulary import Role

users = AppGroup(
    "users", help="Create, disable and enable users, change their role, issue and revoke their API tokens."
)

# One account per role for trying the service locally; `make run` creates them.
DEMO_USERS = (
    ("officer@pathways.example", Role.HOUSING_OFFICER, None),
    ("crawley@pathways.example", Role.DISTRICT_OFFICER, "crawley"),
    ("coordinator@pathways.example", Role.HOUSE_PROJECT_COORDINATOR, None),
    ("admin@pathways.example", Role.ADMIN, None),
    ("commissioner@pathways.example", Role.COMMISSIONER, None),
    ("manager@pathways.example", Role.TEAM_MANAGER, None),
)


@users.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--district", help="the district slug; required for district_officer")
@click.option("--young-person", "young_person", help="their record's reference; required for young_person")
@click.option("--password", "with_password", is_flag=True, help="also set a password for the web pages")
def create(
    email: str, role: str, district: str | None, young_person: str | None, with_password: bool
) -> None:
    """Create a user; the new API token is the last line printed.

    With --password the password is asked for (or read from standard input when it is not a
    terminal), never taken from the command line, where other users and shell history see it.
    """
    password = _read_password() if with_password else None
    with session() as db:
        token = or_fail(
            lambda: accounts.create_user(db, email, Role(role), district, young_person=young_person)
        )
        if password is not None:
            or_fail(lambda: accounts.set_password(db, email, password))
    click.echo(f"Created {email} ({role}). Their API token, shown only now:", err=True)
    click.echo(token)


@users.command("password")
@click.argument("email")
def password(email: str) -> None:
    """Set a user's password for the web pages (asked for, or read from standard input)."""
    new_password = _read_password()
    with session() as db:
        or_fail(lambda: accounts.set_password(db, email, new_password))
    click.echo(f"Password set for {email}.")


def _read_password() -> str:
    if sys.stdin.isatty():
        return click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return sys.stdin.readline().rstrip("\n")


@users.command("token")
@click.argument("email")
def token(email: str) -> None:
    """Issue a new API token for an existing user (the old one stops working)."""
    with session() as db:
        new_token = or_fail(lambda: accounts.issue_token(db, email))
    click.echo(new_token)


@users.command("revoke")
@click.argument("email")
def revoke(email: str) -> None:
    """Revoke a user's API token and end their page sessions, at once."""
    with session() as db:
        or_fail(lambda: accounts.revoke(db, email))
    click.echo(f"Revoked the token of {email} and ended their page sessions.")


@users.command("disable")
@click.argument("email")
def disable(email: str) -> None:
    """Disable a user: their token, page sessions and password stop at once, until `enable`."""
    with session() as db:
        or_fail(lambda: accounts.disable(db, email))
    click.echo(f"Disabled {email}: their token, password and page sessions no longer work.")


@users.command("enable")
@click.argument("email")
def enable(email: str) -> None:
    """Enable a disabled user: their token (if not expired or revoked) and password work again."""
    with session() as db:
        or_fail(lambda: accounts.enable(db, email))
    click.echo(f"Enabled {email}.")


@users.command("role")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
@click.option("--district", help="the district slug; required for district_officer")
def role(email: str, role: str, district: str | None) -> None:
    """Change a user's role (their page sessions end, so every page is read under the new role)."""
    with session() as db:
        or_fail(lambda: accounts.change_role(db, email, Role(role), district))
    click.echo(f"{email} is now {role}" + (f" of {district}" if district else "") + ".")


@users.command("unlock")
@click.argument("email")
def unlock(email: str) -> None:
    """Forget the failed sign-ins against a user, from every device."""
    with session() as db:
        or_fail(lambda: accounts.unlock(db, email))
    click.echo(f"Unlocked {email}.")


@users.command("demo")
def demo() -> None:
    """Create (or refresh) one demo user per role, and print their passwords and API tokens."""
    click.echo("Demo users (synthetic; passwords and tokens change each time this runs):")
    with session() as db:
        for email, role, district in DEMO_USERS:
            try:
                new_token = accounts.create_user(db, email, role, district)
            except DomainError:
                new_token = accounts.issue_token(db, email)
            new_password = secrets.token_urlsafe(12)
            accounts.set_password(db, email, new_password)
            where = f" ({district})" if district else ""
            click.echo(f"  {role.value + where:<28} {email:<30} password {new_password}  token {new_token}")
    click.echo('Try: curl -H "Authorization: Bearer <token>" http://127.0.0.1:5000/api/v1/districts')
