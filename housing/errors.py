"""Domain errors. The HTTP layer maps each to one status code in one place (httpkit/errors.py)."""

from typing import Any


class DomainError(Exception):
    """Base of the errors a use case raises on purpose; the message is safe to show a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFound(DomainError):
    pass


class Forbidden(DomainError):
    pass


class Conflict(DomainError):
    pass


class PossibleDuplicate(Conflict):
    """A new record with the name and date of birth of one already kept (issue 30): the officer checks,
    then confirms it is a different person. `matches`: (id, reference, name) of each such record;
    the message names them by reference only (an error carries no personal data)."""

    def __init__(self, matches: list[Any], said: str) -> None:
        super().__init__(
            f"{said}. Check they are not the same person; to record a different "
            'person, send the record again with "if_possible_duplicate": "record".'
        )
        self.matches = matches


class Invalid(DomainError):
    """Well-formed input that breaks a rule; `fields` maps each field (nested like the body) to reasons."""

    def __init__(self, fields: dict[str, Any], message: str | None = None) -> None:
        super().__init__(message or f"Some fields are not valid: {', '.join(fields)}.")
        self.fields = fields

    @classmethod
    def field(cls, name: str, reason: str) -> "Invalid":
        return cls({name: [reason]}, f"{name}: {reason}")


class FieldErrors:
    """Collects reasons per field path (``("local_links", 0, "place")``) and raises them together."""

    def __init__(self) -> None:
        self.fields: dict[str, Any] = {}

    def add(self, path: tuple[str | int, ...], reason: str) -> None:
        node = self.fields
        for key in path[:-1]:
            node = node.setdefault(str(key), {})
        node.setdefault(str(path[-1]), []).append(reason)

    def raise_any(self) -> None:
        if self.fields:
            raise Invalid(self.fields)
