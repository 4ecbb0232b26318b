"""page sessions kept in the database, so sign-out and revocation reach every worker

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 21:45:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('page_sessions',
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.String(length=32), nullable=False),
    sa.Column('signed_in_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_page_sessions_user_id_users'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('token_hash', name=op.f('pk_page_sessions'))
    )
    op.create_index(op.f('ix_page_sessions_user_id'), 'page_sessions', ['user_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_page_sessions_user_id'), table_name='page_sessions')
    op.drop_table('page_sessions')
