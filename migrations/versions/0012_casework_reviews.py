"""pathway reviews: a housing review held on a date, so the next (six months on, or a new placement) can be due

Revision ID: 0012_casework_reviews
Revises: 0011_casework
Create Date: 2026-12-07 13:05:39.268950
"""

import sqlalchemy as sa
from alembic import op

revision = '0012_casework_reviews'
down_revision = '0011_casework'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('pathway_reviews',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=254), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_pathway_reviews_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pathway_reviews'))
    )
    with op.batch_alter_table('pathway_reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pathway_reviews_young_person_id'), ['young_person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('pathway_reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pathway_reviews_young_person_id'))

    op.drop_table('pathway_reviews')
