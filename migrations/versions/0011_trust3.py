"""users who can be stopped, tokens that expire, sign-in throttled per client, runs that say whom they cover

Revision ID: 0011_trust3
Revises: 0010
Create Date: 2026-12-07 12:40:00

- `users.disabled_at`: a disabled user's token, sessions and password stop at once (contract v1.2).
- `users.token_expires_at`: tokens expire 90 days after issue; tokens issued before this revision
  expire 90 days after the upgrade.
- `users.failed_sign_ins` and `users.locked_until` go: a lock on the account let anyone who knew an
  email lock it out and end its sessions. `sign_in_throttles` counts failures per client and
  account (and per client alone) instead, so a stranger's failures lock only the stranger.
- `young_people.reference_key`: unique, so references that differ only by case, spaces or
  full-width forms are one (housing/text_rules.py). Rows already sharing a key keep their
  references; the later ones' keys carry their id, and an admin can tell them apart.
- `matching_runs.everyone`: whether the run was of everyone in scope (a commissioner reads the
  fairness of those runs only); runs made before this revision are taken as not.
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

from housing.text_rules import reference_key

revision = "0011_trust3"
down_revision = "0010"
branch_labels = None
depends_on = None

TOKEN_LIFETIME = timedelta(days=90)


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite rebuilds a table to drop a column; with foreign keys enforced, dropping the old table
    would cascade to every row naming it (as in 0008). The pragma only acts between transactions."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("COMMIT")
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql("BEGIN")


def upgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("disabled_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("token_expires_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.drop_column("failed_sign_ins")
        batch_op.drop_column("locked_until")
    users = sa.table(
        "users", sa.column("token_hash", sa.String), sa.column("token_expires_at", sa.DateTime(timezone=True))
    )
    op.execute(
        users.update()
        .where(users.c.token_hash.is_not(None))
        .values(token_expires_at=datetime.now(UTC) + TOKEN_LIFETIME)
    )
    with op.batch_alter_table("matching_runs") as batch_op:
        batch_op.add_column(sa.Column("everyone", sa.Boolean(), nullable=False, server_default=sa.false()))
    _key_references()
    op.create_table(
        "sign_in_throttles",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("account", sa.String(length=64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sign_in_throttles")),
    )
    op.create_index(op.f("ix_sign_in_throttles_account"), "sign_in_throttles", ["account"])
    _sqlite_foreign_keys(True)


def _key_references() -> None:
    with op.batch_alter_table("young_people") as batch_op:
        batch_op.add_column(sa.Column("reference_key", sa.String(length=64), nullable=True))
    people = sa.table("young_people", sa.column("id", sa.String), sa.column("reference", sa.String),
                      sa.column("reference_key", sa.String))  # fmt: skip
    connection = op.get_bind()
    seen: set[str] = set()
    rows = connection.execute(sa.select(people.c.id, people.c.reference).order_by(people.c.id)).all()
    for person_id, reference in rows:
        key = reference_key(reference)[:64]
        if key in seen:
            key = f"{key[:27]}#{person_id}"[:64]
        seen.add(key)
        connection.execute(people.update().where(people.c.id == person_id).values(reference_key=key))
    # A unique index, not a constraint: SQLite adds an index without rebuilding the table.
    op.create_index(op.f("ix_young_people_reference_key"), "young_people", ["reference_key"], unique=True)


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    op.drop_index(op.f("ix_young_people_reference_key"), table_name="young_people")
    with op.batch_alter_table("young_people") as batch_op:
        batch_op.drop_column("reference_key")
    op.drop_index(op.f("ix_sign_in_throttles_account"), table_name="sign_in_throttles")
    op.drop_table("sign_in_throttles")
    with op.batch_alter_table("matching_runs") as batch_op:
        batch_op.drop_column("everyone")
    with op.batch_alter_table("users") as batch_op:
        batch_op.add_column(sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(
            sa.Column("failed_sign_ins", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.drop_column("token_expires_at")
        batch_op.drop_column("disabled_at")
    _sqlite_foreign_keys(True)
