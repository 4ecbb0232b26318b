"""proposals kept current: the events outbox, notifications, emails; run triggers; lapsed nominations

Revision ID: 0011_kept_current
Revises: 0011_decisions
Create Date: 2026-12-07 12:40:00

Nominations gain `lapsed` and placements the end reason `nomination_lapsed`: both columns are
strings with a CHECK, widened here (SQLite rebuilds the table, with foreign keys off meanwhile).
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_kept_current'
down_revision = '0011_decisions'
branch_labels = None
depends_on = None

NOMINATION_BEFORE = ('pending', 'accepted', 'declined')
NOMINATION_AFTER = (*NOMINATION_BEFORE, 'lapsed')
END_BEFORE = ('carer_withdrew', 'breakdown', 'notice_to_leave', 'moved_on', 'other', 'nomination_declined',
              'withdrawn_from_cohort')
END_AFTER = (*END_BEFORE, 'nomination_lapsed')
EVENT_KINDS = ('rejected', 'declined', 'withdrawn', 'lapsed', 'place_freed', 'new_option', 'scheduled', 'nominated')
TRIGGERS = ('manual', 'rejected', 'declined', 'withdrawn', 'lapsed', 'place_freed', 'new_option', 'scheduled')
NOTIFICATION_KINDS = ('new_proposal', 'proposal_declined', 'nomination_received', 'nomination_reminder')


def _enum(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _sqlite_foreign_keys(on: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
    op.create_table('events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('kind', _enum(EVENT_KINDS, 'event_kind'), nullable=False),
    sa.Column('subject_id', sa.String(length=32), nullable=True),
    sa.Column('young_people', sa.JSON(), nullable=False),
    sa.Column('options', sa.JSON(), nullable=False),
    sa.Column('actor_email', sa.String(length=254), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('key', name=op.f('uq_events_key'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_done_at'), ['done_at'], unique=False)
    op.create_table('notifications',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=128), nullable=False),
    sa.Column('kind', _enum(NOTIFICATION_KINDS, 'notification_kind'), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('link', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('read_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_notifications_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notifications')),
    sa.UniqueConstraint('key', 'user_id', name='uq_notifications_key_user')
    )
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_notifications_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_notifications_user_id'), ['user_id'], unique=False)
    op.create_table('sent_emails',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('notification_id', sa.String(length=32), nullable=False),
    sa.Column('to', sa.String(length=254), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('details', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['notification_id'], ['notifications.id'], name=op.f('fk_sent_emails_notification_id_notifications'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sent_emails')),
    sa.UniqueConstraint('notification_id', name=op.f('uq_sent_emails_notification_id'))
    )
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('matching_runs', schema=None) as batch_op:
        batch_op.alter_column('created_by', existing_type=sa.String(length=254), nullable=True)
        batch_op.add_column(sa.Column('trigger', _enum(TRIGGERS, 'run_trigger'), server_default='manual', nullable=False))
        batch_op.add_column(sa.Column('triggered_by', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('event_id', sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_matching_runs_event_id'), ['event_id'])
        batch_op.create_foreign_key(batch_op.f('fk_matching_runs_event_id_events'), 'events', ['event_id'], ['id'], ondelete='SET NULL')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.add_column(sa.Column('email_notifications', sa.Boolean(), server_default=sa.true(), nullable=False))
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('nomination_response_days', sa.Integer(), nullable=True))
        batch_op.create_check_constraint('response_days_in_range', 'nomination_response_days BETWEEN 1 AND 365')
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reminded_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.alter_column('status', existing_type=_enum(NOMINATION_BEFORE, 'nomination_status'),
                              type_=_enum(NOMINATION_AFTER, 'nomination_status'))
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.alter_column('end_reason', existing_type=_enum(END_BEFORE, 'end_reason'),
                              type_=_enum(END_AFTER, 'end_reason'))
    _sqlite_foreign_keys(True)


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    # A lapsed nomination reads as declined once `lapsed` is unknown: the place was freed either way.
    op.execute("UPDATE nominations SET status = 'declined' WHERE status = 'lapsed'")
    op.execute("UPDATE placements SET end_reason = 'nomination_declined' WHERE end_reason = 'nomination_lapsed'")
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.alter_column('end_reason', existing_type=_enum(END_AFTER, 'end_reason'),
                              type_=_enum(END_BEFORE, 'end_reason'))
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.alter_column('status', existing_type=_enum(NOMINATION_AFTER, 'nomination_status'),
                              type_=_enum(NOMINATION_BEFORE, 'nomination_status'))
        batch_op.drop_column('reminded_at')
    with op.batch_alter_table('districts', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_districts_response_days_in_range'), type_='check')
        batch_op.drop_column('nomination_response_days')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_column('email_notifications')
    op.execute("UPDATE matching_runs SET created_by = 'the service' WHERE created_by IS NULL")
    with op.batch_alter_table('matching_runs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_matching_runs_event_id_events'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_matching_runs_event_id'), type_='unique')
        batch_op.drop_column('event_id')
        batch_op.drop_column('triggered_by')
        batch_op.drop_column('trigger')
        batch_op.alter_column('created_by', existing_type=sa.String(length=254), nullable=False)
    _sqlite_foreign_keys(True)
    op.drop_table('sent_emails')
    with op.batch_alter_table('notifications', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_notifications_user_id'))
        batch_op.drop_index(batch_op.f('ix_notifications_created_at'))
    op.drop_table('notifications')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_done_at'))
        batch_op.drop_index(batch_op.f('ix_events_created_at'))
    op.drop_table('events')
