"""a cohort closed to new members on a day (issue 30)

Revision ID: 0013_cohort_closed
Revises: 0011_kept_current
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_cohort_closed"
down_revision = "0011_kept_current"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cohorts", sa.Column("closed_on", sa.Date(), nullable=True))


def downgrade() -> None:
    # Not a batch rebuild: on SQLite, dropping the old `cohorts` would cascade to its members.
    op.execute("ALTER TABLE cohorts DROP COLUMN closed_on")
