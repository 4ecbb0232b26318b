"""What every command shares: a writing session of the app's store, and domain errors as messages."""

from collections.abc import Callable
from typing import TypeVar

import click
from flask import current_app
from sqlalchemy.orm import Session

from housing.errors import DomainError

T = TypeVar("T")


def session() -> Session:
    return current_app.extensions["pathways"].writer_factory()


def or_fail(action: Callable[[], T]) -> T:
    """Run a use case; a domain error becomes the command's error message, not a traceback."""
    try:
        return action()
    except DomainError as error:
        raise click.ClickException(error.message) from error
