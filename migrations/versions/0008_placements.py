"""placements have a life: start, end, reason; leave to remain; the private rented route

Revision ID: 0008
Revises: 0006
Create Date: 2026-11-29 22:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

OLD_ROUTES = ('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project')
NEW_ROUTES = (*OLD_ROUTES, 'private_rented')
# Each table's route column and the name of its vocabulary CHECK.
ROUTE_COLUMNS = (('options', 'route', 'route'), ('proposals', 'route', 'proposal_route'),
                 ('young_people', 'pathway_route', 'pathway_route'), ('preferences', 'route', 'preference_route'))
END_REASONS = ('carer_withdrew', 'breakdown', 'notice_to_leave', 'moved_on', 'other', 'nomination_declined',
               'withdrawn_from_cohort')


def _routes(values, name):
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite rebuilds a table to change a CHECK; with foreign keys enforced, dropping the old
    `options` would cascade to every row naming it. The pragma only takes effect between transactions."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def _change_routes(old, new) -> None:
    for table, column, name in ROUTE_COLUMNS:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column(column, existing_type=_routes(old, name), type_=_routes(new, name))


def upgrade() -> None:
    _sqlite_foreign_keys(False)  # every table rebuilt here is named by others (see above)
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('starts_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('ends_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('end_reason', sa.Enum(*END_REASONS, name='end_reason', native_enum=False, create_constraint=True, length=32), nullable=True))
        batch_op.add_column(sa.Column('end_note', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('ended_by', sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column('held_until', sa.Date(), nullable=True))
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column('leave_granted_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('accommodation_code', sa.String(length=1), nullable=True))
        batch_op.add_column(sa.Column('accommodation_suitable', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('accommodation_judged_on', sa.Date(), nullable=True))
    # Placements recorded before this revision started the day they were accepted; declined
    # nominations' placements never began and hold nothing.
    op.execute("UPDATE placements SET starts_on = CAST(created_at AS DATE)")
    op.execute("UPDATE placements SET ends_on = starts_on, held_until = starts_on, end_reason = 'nomination_declined'"
               " WHERE status = 'ended'")
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.alter_column('starts_on', existing_type=sa.Date(), nullable=False)
        batch_op.create_check_constraint(op.f('ck_placements_ends_on_or_after_start'), 'ends_on IS NULL OR ends_on >= starts_on')
        batch_op.create_check_constraint(op.f('ck_placements_ended_has_date'), "(status = 'ended') = (ends_on IS NOT NULL AND end_reason IS NOT NULL)")
        batch_op.create_check_constraint(op.f('ck_placements_held_until_only_when_ended'), "held_until IS NULL OR status = 'ended'")
    _change_routes(OLD_ROUTES, NEW_ROUTES)
    _sqlite_foreign_keys(True)


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    # A private rented home cannot be kept in the older schema.
    op.execute("UPDATE young_people SET pathway_status = 'in_progress', pathway_route = NULL, pathway_option_id = NULL,"
               " pathway_agreed_on = NULL WHERE pathway_route = 'private_rented'")
    op.execute("DELETE FROM preferences WHERE route = 'private_rented'")
    private = "(SELECT id FROM options WHERE route = 'private_rented')"
    for table in ('nominations', 'placements', 'rejections', 'proposals'):  # foreign keys are off: by hand
        op.execute(f"DELETE FROM {table} WHERE option_id IN {private}")
    op.execute("DELETE FROM options WHERE route = 'private_rented'")
    _change_routes(NEW_ROUTES, OLD_ROUTES)
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_column('accommodation_judged_on')
        batch_op.drop_column('accommodation_suitable')
        batch_op.drop_column('accommodation_code')
        batch_op.drop_column('leave_granted_on')
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_placements_held_until_only_when_ended'), type_='check')
        batch_op.drop_constraint(op.f('ck_placements_ended_has_date'), type_='check')
        batch_op.drop_constraint(op.f('ck_placements_ends_on_or_after_start'), type_='check')
        batch_op.drop_column('held_until')
        batch_op.drop_column('ended_at')
        batch_op.drop_column('ended_by')
        batch_op.drop_column('end_note')
        batch_op.drop_constraint(op.f('ck_placements_end_reason'), type_='check')
        batch_op.drop_column('end_reason')
        batch_op.drop_column('ends_on')
        batch_op.drop_column('starts_on')
    _sqlite_foreign_keys(True)
