"""forms (issue 30): who one view of a list showed; leave to remain's type and expiry

Revision ID: 0013_forms
Revises: 0013_care_leaver_items
Create Date: 2026-12-07 15:45:00

`audit_shown` lets one audit entry stand for a whole page view and still be found by any young
person it showed. SQLite rebuilds `young_people` for the two leave columns (its CHECK), with foreign keys off meanwhile.
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_forms'
down_revision = '0013_care_leaver_items'  # re-chained after merging main
branch_labels = None
depends_on = None

LEAVE_TYPES = ('refugee_status', 'humanitarian_protection', 'limited_leave', 'indefinite_leave')


def _sqlite_foreign_keys(on: bool) -> None:
    """Off while SQLite rebuilds `young_people`, so the rebuild cascades to no placement."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
    op.create_table('audit_shown',
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_audit_shown_audit_id_audit'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('audit_id', 'young_person_id', name=op.f('pk_audit_shown'))
    )
    op.create_index('ix_audit_shown_young_person', 'audit_shown', ['young_person_id'], unique=False)
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            'leave_type',
            sa.Enum(*LEAVE_TYPES, name='leave_type', native_enum=False, create_constraint=True, length=32),
            nullable=True,
        ))
        batch_op.add_column(sa.Column('leave_expires_on', sa.Date(), nullable=True))
    _sqlite_foreign_keys(True)


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_column('leave_expires_on')
        batch_op.drop_constraint(op.f('ck_young_people_leave_type'), type_='check')
        batch_op.drop_column('leave_type')
    _sqlite_foreign_keys(True)
    op.drop_index('ix_audit_shown_young_person', table_name='audit_shown')
    op.drop_table('audit_shown')
