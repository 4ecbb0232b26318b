"""a run's fairness and unmatched advice kept with it; the audit trail's order indexed

Revision ID: 0015_pages
Revises: 0014_pages34

A run's page worked out its fairness (the problem re-published from the snapshot, every pass-over
found) and the advice for its unmatched (the snapshot re-screened) on every view: 2.4 s of CPU at
ten times the county. Both depend only on the run as made, so the first reading keeps them in
`fairness` and `unmatched_advice` (null until then, and for every run made before). The audit trail
is read newest first, a page at a time: `ix_audit_at_id` holds that order (issue 34).
"""

import sqlalchemy as sa
from alembic import op

revision = '0015_pages'
down_revision = '0014_pages34'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('matching_runs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('fairness', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('unmatched_advice', sa.JSON(), nullable=True))
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_at_id', ['at', 'id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_at_id')
    with op.batch_alter_table('matching_runs', schema=None) as batch_op:
        batch_op.drop_column('unmatched_advice')
        batch_op.drop_column('fairness')
