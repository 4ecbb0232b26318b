"""the young person told of a viewing set for them; their "this is wrong" marked as dealt with

Revision ID: 0014_yp
Revises: 0013_young_person_view

Notifications gain the kind `viewing_set` (the kind column is a CHECK-constrained string, as 0010
explains). A change request gains who dealt with it, when, and a short note of what was done.
Going down removes the new notifications first.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_yp'
down_revision = '0013_young_person_view'  # re-chained by the lead at merge
branch_labels = None
depends_on = None

KINDS_BEFORE = ('new_proposal', 'proposal_declined', 'nomination_received', 'nomination_reminder', 'review_due',
                'sign_off_requested', 'decision_sent_back', 'task_due', 'proposal_shared', 'view_given',
                'change_asked', 'sign_in_link')
KINDS_AFTER = (*KINDS_BEFORE, 'viewing_set')


def _only(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def upgrade() -> None:
    with op.batch_alter_table('notifications') as batch_op:
        batch_op.drop_constraint(op.f('ck_notifications_notification_kind'), type_='check')
        batch_op.create_check_constraint('notification_kind', _only('kind', KINDS_AFTER))
    with op.batch_alter_table('change_requests') as batch_op:
        batch_op.add_column(sa.Column('done_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('done_by', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('done_note', sa.Text(), nullable=True))


def downgrade() -> None:
    op.execute("DELETE FROM notifications WHERE kind = 'viewing_set'")
    with op.batch_alter_table('change_requests') as batch_op:
        for column in ('done_note', 'done_by', 'done_at'):
            batch_op.drop_column(column)
    with op.batch_alter_table('notifications') as batch_op:
        batch_op.drop_constraint(op.f('ck_notifications_notification_kind'), type_='check')
        batch_op.create_check_constraint('notification_kind', _only('kind', KINDS_BEFORE))
