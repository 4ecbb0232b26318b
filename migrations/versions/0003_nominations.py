"""nominations to district registers

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 20:49:11.335701
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('nominations',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=False),
    sa.Column('district', sa.String(length=32), nullable=False),
    sa.Column('placement_id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Enum('pending', 'accepted', 'declined', name='nomination_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.String(length=254), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_nominations_district_districts')),
    sa.ForeignKeyConstraint(['option_id'], ['options.id'], name=op.f('fk_nominations_option_id_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['placement_id'], ['placements.id'], name=op.f('fk_nominations_placement_id_placements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_nominations_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_nominations')),
    sa.UniqueConstraint('placement_id', name=op.f('uq_nominations_placement_id'))
    )
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_nominations_district'), ['district'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_nominations_young_person_id'), ['young_person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('nominations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_nominations_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_option_id'))
        batch_op.drop_index(batch_op.f('ix_nominations_district'))

    op.drop_table('nominations')
