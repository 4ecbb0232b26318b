"""Column helpers shared by the models: ids and closed vocabularies as checked strings."""

import uuid
from enum import StrEnum

from sqlalchemy import Enum, String
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
