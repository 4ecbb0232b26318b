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
- `matching_runs.everyone`: whether the run was of everyone in scope (a commissioner reads the
  fairness of those runs only); runs made before this revision are taken as not.
"""

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0011_trust3"
down_revision = "0010"
branch_labels = None
depends_on = None

TOKEN_LIFETIME = timedelta(days=90)


def upgrade() -> None:
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


def downgrade() -> None:
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
