"""a council may ask the matcher to keep to its yearly commitment of homes for care leavers

Revision ID: 0014_imports
Revises: 0014_yp (chained after main's on merging main; the lead re-chains at merge)

Off for every council until it asks (issue 33): a run then proposes no more of its register's
vacancies than the commitment has left.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_imports'
down_revision = '0014_yp'  # chained after main's 0014_yp on merging main
branch_labels = None
depends_on = None


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite drops a column by rebuilding the table: with foreign keys on, that would cascade."""
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
    op.add_column('districts', sa.Column('commitment_limits_matching', sa.Boolean(), nullable=False,
                                         server_default=sa.false()))


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('districts') as batch:
        batch.drop_column('commitment_limits_matching')
    _sqlite_foreign_keys(True)
