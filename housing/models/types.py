"""Column helpers shared by the models: ids and closed vocabularies as checked strings."""

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import DateTime, Dialect, Enum, Index, String, TypeDecorator, text
from sqlalchemy.orm import MappedColumn, mapped_column


def new_id() -> str:
    return uuid.uuid4().hex


def id_column() -> MappedColumn[str]:
    return mapped_column(String(32), primary_key=True, default=new_id)


def vocabulary(enum: type[StrEnum], name: str) -> Enum:
    """Store the value as a string with a CHECK constraint, the same on SQLite and PostgreSQL."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class UtcDateTime(TypeDecorator[datetime]):
    """A moment in UTC on every backend: SQLite would otherwise hand it back without its zone."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, _dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("a moment must carry its time zone")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: Any, _dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


def unique_while(name: str, condition: str, *columns: str) -> Index:
    """A unique index over the rows meeting `condition` only ("one active … per …"), on both backends."""
    return Index(name, *columns, unique=True, sqlite_where=text(condition), postgresql_where=text(condition))
