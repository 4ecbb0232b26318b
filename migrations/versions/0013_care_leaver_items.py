"""care leavers' 903 items: in touch and activity; Staying Put is Z, a residence not known R; councils'
yearly commitments of homes for care leavers

Revision ID: 0013_care_leaver_items
Revises: 0011_kept_current
Create Date: 2026-12-07 16:00:00

The DfE's codes (and the 903 validator's rule 3001) give former foster carers the letter Z and a
residence not known R; Pathways had them the other way round, so each stored letter is swapped to
keep what the officer recorded.
"""

import sqlalchemy as sa
from alembic import op

revision = '0013_care_leaver_items'
down_revision = '0011_kept_current'
branch_labels = None
depends_on = None


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite drops a column by rebuilding the table: with foreign keys on, that would cascade."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def _swap_r_and_z() -> None:
    op.execute(
        "UPDATE young_people SET accommodation_code = CASE accommodation_code "
        "WHEN 'R' THEN 'Z' WHEN 'Z' THEN 'R' ELSE accommodation_code END "
        "WHERE accommodation_code IN ('R', 'Z')"
    )


def upgrade() -> None:
    op.add_column('young_people', sa.Column('in_touch', sa.String(length=4), nullable=True))
    op.add_column('young_people', sa.Column('activity', sa.String(length=2), nullable=True))
    op.add_column('districts', sa.Column('yearly_commitment', sa.Integer(), nullable=True))
    _swap_r_and_z()


def downgrade() -> None:
    _swap_r_and_z()
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('young_people') as batch:
        batch.drop_column('activity')
        batch.drop_column('in_touch')
    with op.batch_alter_table('districts') as batch:
        batch.drop_column('yearly_commitment')
    _sqlite_foreign_keys(True)
