"""the young person's own view: their account bound to their record, one-time sign-in links,
proposals shared with them and their answer, and their "this is wrong" requests

Revision ID: 0013_young_person_view
Revises: 0013_cohort_closed (chained after main's 0013s on merge)

The role and notification kind columns are CHECK-constrained strings (as 0010 explains): they widen
here; going down removes young people's accounts and the new notifications first.
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_young_person_view'
down_revision = '0013_cohort_closed'  # re-chained after merging main
branch_labels = None
depends_on = None

ROLES_BEFORE = ('housing_officer', 'district_officer', 'house_project_coordinator', 'admin', 'commissioner',
                'team_manager')
ROLES_AFTER = (*ROLES_BEFORE, 'young_person')
KINDS_BEFORE = ('new_proposal', 'proposal_declined', 'nomination_received', 'nomination_reminder', 'review_due',
                'sign_off_requested', 'decision_sent_back', 'task_due')
KINDS_AFTER = (*KINDS_BEFORE, 'proposal_shared', 'view_given', 'change_asked', 'sign_in_link')
ANSWERS = ('yes', 'no', 'not_sure')


def _only(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{value}'" for value in values) + ")"


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite copies a table to alter it: with foreign keys on, dropping the old copy would cascade."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('users') as batch_op:
        batch_op.add_column(sa.Column('young_person_id', sa.String(length=32), nullable=True))
        batch_op.create_foreign_key(op.f('fk_users_young_person_id_young_people'), 'young_people',
                                    ['young_person_id'], ['id'], ondelete='CASCADE')
        batch_op.create_unique_constraint(op.f('uq_users_young_person_id'), ['young_person_id'])
        batch_op.drop_constraint(op.f('ck_users_role'), type_='check')
        batch_op.create_check_constraint('role', _only('role', ROLES_AFTER))
        batch_op.create_check_constraint('young_people_bound_to_their_record',
                                         "(role = 'young_person') = (young_person_id IS NOT NULL)")
    with op.batch_alter_table('notifications') as batch_op:
        batch_op.drop_constraint(op.f('ck_notifications_notification_kind'), type_='check')
        batch_op.create_check_constraint('notification_kind', _only('kind', KINDS_AFTER))
    with op.batch_alter_table('proposals') as batch_op:
        batch_op.add_column(sa.Column('shared_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('shared_by', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('view', sa.Enum(*ANSWERS, name='proposal_view', native_enum=False,
                                                      create_constraint=True, length=32), nullable=True))
        batch_op.add_column(sa.Column('view_words', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('view_at', sa.DateTime(timezone=True), nullable=True))
    _sqlite_foreign_keys(True)
    op.create_table('sign_in_links',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sign_in_links_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_sign_in_links'))
    )
    with op.batch_alter_table('sign_in_links') as batch_op:
        batch_op.create_index(batch_op.f('ix_sign_in_links_user_id'), ['user_id'], unique=False)
    op.create_table('change_requests',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('about', sa.String(length=16), nullable=False),
    sa.Column('words', sa.Text(), nullable=False),
    sa.Column('asked_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_change_requests_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_requests'))
    )
    with op.batch_alter_table('change_requests') as batch_op:
        batch_op.create_index(batch_op.f('ix_change_requests_young_person_id'), ['young_person_id'], unique=False)


def downgrade() -> None:
    op.drop_table('change_requests')
    op.drop_table('sign_in_links')
    op.execute("DELETE FROM notifications WHERE " + _only('kind', KINDS_AFTER[len(KINDS_BEFORE):]))
    op.execute("DELETE FROM idempotent_requests WHERE user_id IN (SELECT id FROM users WHERE role = 'young_person')")
    op.execute("DELETE FROM users WHERE role = 'young_person'")
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('proposals') as batch_op:
        for column in ('view_at', 'view_words', 'view', 'shared_by', 'shared_at'):
            batch_op.drop_column(column)
    with op.batch_alter_table('notifications') as batch_op:
        batch_op.drop_constraint(op.f('ck_notifications_notification_kind'), type_='check')
        batch_op.create_check_constraint('notification_kind', _only('kind', KINDS_BEFORE))
    with op.batch_alter_table('users') as batch_op:
        batch_op.drop_constraint(op.f('ck_users_young_people_bound_to_their_record'), type_='check')
        batch_op.drop_constraint(op.f('ck_users_role'), type_='check')
        batch_op.create_check_constraint('role', _only('role', ROLES_BEFORE))
        batch_op.drop_constraint(op.f('uq_users_young_person_id'), type_='unique')
        batch_op.drop_constraint(op.f('fk_users_young_person_id_young_people'), type_='foreignkey')
        batch_op.drop_column('young_person_id')
    _sqlite_foreign_keys(True)
