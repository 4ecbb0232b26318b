"""sign-off of housing decisions, housing notes and tasks, UASC triple plans; four notification kinds

Revision ID: 0013_casework_notes
Revises: 0013_care_leaver_items
Create Date: 2026-12-07 15:45:00

Notifications gain `review_due`, `sign_off_requested`, `decision_sent_back` and `task_due`: the kind
is a string with a CHECK, widened here (and narrowed going down, after removing those notifications).
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_casework_notes'
down_revision = '0013_forms'
branch_labels = None
depends_on = None

ROUTES = ('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project',
          'private_rented')
KINDS_BEFORE = ('new_proposal', 'proposal_declined', 'nomination_received', 'nomination_reminder')
KINDS_AFTER = (*KINDS_BEFORE, 'review_due', 'sign_off_requested', 'decision_sent_back', 'task_due')


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _young_person():
    return sa.Column('young_person_id', sa.String(length=32),
                     sa.ForeignKey('young_people.id', ondelete='CASCADE'), nullable=False, index=True)


def upgrade() -> None:
    op.create_table('sign_off_routes',
    sa.Column('route', _enum(ROUTES, 'sign_off_route'), primary_key=True),
    sa.Column('switched_on_by', sa.String(length=254), nullable=False),
    sa.Column('switched_on_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table('sign_offs',
    sa.Column('id', sa.String(length=32), primary_key=True),
    _young_person(),
    sa.Column('proposal_id', sa.String(length=32), sa.ForeignKey('proposals.id', ondelete='CASCADE'),
              nullable=False, index=True),
    sa.Column('route', _enum(ROUTES, 'sign_off_decision_route'), nullable=False),
    sa.Column('status', _enum(('awaiting', 'signed_off', 'sent_back'), 'sign_off_status'), nullable=False),
    sa.Column('agreed_by', sa.String(length=254), nullable=False),
    sa.Column('agreed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=254), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    )
    op.create_index('uq_sign_offs_one_awaiting', 'sign_offs', ['proposal_id'], unique=True,
                    sqlite_where=sa.text("status = 'awaiting'"), postgresql_where=sa.text("status = 'awaiting'"))
    op.create_table('housing_notes',
    sa.Column('id', sa.String(length=32), primary_key=True),
    _young_person(),
    sa.Column('kind', _enum(('visit', 'call', 'meeting', 'decision'), 'note_kind'), nullable=False),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.String(length=254), nullable=False),
    sa.Column('written_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table('housing_tasks',
    sa.Column('id', sa.String(length=32), primary_key=True),
    _young_person(),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('owner_id', sa.String(length=32), sa.ForeignKey('users.id'), nullable=False, index=True),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_by', sa.String(length=254), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('(done_at IS NULL) = (done_by IS NULL)', name='done_with_whom'),
    )
    op.create_table('triple_plans',
    sa.Column('id', sa.String(length=32), primary_key=True),
    _young_person(),
    sa.Column('outcome', _enum(('leave_granted', 'refused', 'appeal_rights_exhausted'), 'immigration_outcome'),
              nullable=False),
    sa.Column('route', _enum(ROUTES, 'triple_plan_route'), nullable=False),
    sa.Column('plan', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=254), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('chosen_on', sa.Date(), nullable=True),
    sa.UniqueConstraint('young_person_id', 'outcome', name='uq_triple_plans_outcome'),
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_enum(KINDS_BEFORE, 'notification_kind'),
                              type_=_enum(KINDS_AFTER, 'notification_kind'))


def downgrade() -> None:
    op.execute("DELETE FROM notifications WHERE kind IN "
               "('review_due', 'sign_off_requested', 'decision_sent_back', 'task_due')")
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.alter_column('kind', existing_type=_enum(KINDS_AFTER, 'notification_kind'),
                              type_=_enum(KINDS_BEFORE, 'notification_kind'))
    op.drop_table('triple_plans')
    op.drop_table('housing_tasks')
    op.drop_table('housing_notes')
    op.drop_index('uq_sign_offs_one_awaiting', table_name='sign_offs')
    op.drop_table('sign_offs')
    op.drop_table('sign_off_routes')
