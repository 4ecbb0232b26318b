"""matching runs, proposals, placements, rejections

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 20:36:58.361345
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('matching_runs',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('as_of', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('objective', sa.BigInteger(), nullable=False),
    sa.Column('solver', sa.String(length=64), nullable=False),
    sa.Column('wall_ms', sa.Double(), nullable=False),
    sa.Column('snapshot', sa.JSON(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('unmatched', sa.JSON(), nullable=False),
    sa.Column('summary', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_matching_runs'))
    )
    op.create_table('proposals',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('run_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=False),
    sa.Column('route', sa.Enum('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project', name='proposal_route', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('place', sa.String(length=64), nullable=False),
    sa.Column('cost', sa.Integer(), nullable=False),
    sa.Column('explanation', sa.JSON(), nullable=False),
    sa.Column('status', sa.Enum('proposed', 'accepted', 'rejected', name='proposal_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('decided_by', sa.String(length=254), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['option_id'], ['options.id'], name=op.f('fk_proposals_option_id_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['run_id'], ['matching_runs.id'], name=op.f('fk_proposals_run_id_matching_runs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_proposals_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_proposals'))
    )
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_proposals_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_run_id'), ['run_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_proposals_young_person_id'), ['young_person_id'], unique=False)

    op.create_table('rejections',
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('rejected_by', sa.String(length=254), nullable=False),
    sa.Column('rejected_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('length(reason) > 0', name=op.f('ck_rejections_reason_given')),
    sa.ForeignKeyConstraint(['option_id'], ['options.id'], name=op.f('fk_rejections_option_id_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_rejections_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('young_person_id', 'option_id', name=op.f('pk_rejections'))
    )
    op.create_table('placements',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=False),
    sa.Column('proposal_id', sa.String(length=32), nullable=True),
    sa.Column('status', sa.Enum('active', 'ended', name='placement_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['option_id'], ['options.id'], name=op.f('fk_placements_option_id_options'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['proposal_id'], ['proposals.id'], name=op.f('fk_placements_proposal_id_proposals'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_placements_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_placements'))
    )
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_placements_option_id'), ['option_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_placements_young_person_id'), ['young_person_id'], unique=False)
        batch_op.create_index('uq_placements_one_active_per_young_person', ['young_person_id'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))

    with op.batch_alter_table('options', schema=None) as batch_op:
        batch_op.add_column(sa.Column('placed', sa.Integer(), server_default='0', nullable=False))
        batch_op.create_check_constraint(op.f('ck_options_placed_within_capacity'), 'placed >= 0 AND placed <= capacity')



def downgrade() -> None:
    with op.batch_alter_table('options', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_options_placed_within_capacity'), type_='check')
        batch_op.drop_column('placed')

    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_index('uq_placements_one_active_per_young_person', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index(batch_op.f('ix_placements_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_placements_option_id'))

    op.drop_table('placements')
    op.drop_table('rejections')
    with op.batch_alter_table('proposals', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_proposals_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_run_id'))
        batch_op.drop_index(batch_op.f('ix_proposals_option_id'))

    op.drop_table('proposals')
    op.drop_table('matching_runs')
