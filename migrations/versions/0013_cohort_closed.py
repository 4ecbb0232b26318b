"""a cohort closed to new members on a day; a House Project home described, not only its town (issue 30)

Revision ID: 0013_cohort_closed
Revises: 0013_forms
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_cohort_closed"
down_revision = "0013_casework_notes"  # re-chained on merge
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("cohorts", sa.Column("closed_on", sa.Date(), nullable=True))
    op.add_column("cohort_members", sa.Column("property_description", sa.String(length=200), nullable=True))


def downgrade() -> None:
    # Not a batch rebuild: on SQLite, dropping the old `cohorts` would cascade to its members.
    op.execute("ALTER TABLE cohorts DROP COLUMN closed_on")
    op.execute("ALTER TABLE cohort_members DROP COLUMN property_description")
