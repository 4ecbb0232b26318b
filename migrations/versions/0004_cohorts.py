"""house project cohorts

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 20:56:20.139106
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('cohorts',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('districts', sa.JSON(), nullable=False),
    sa.Column('option_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_by', sa.String(length=254), nullable=False),
    sa.CheckConstraint('capacity BETWEEN 1 AND 50', name=op.f('ck_cohorts_capacity_1_to_50')),
    sa.ForeignKeyConstraint(['option_id'], ['options.id'], name=op.f('fk_cohorts_option_id_options')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohorts')),
    sa.UniqueConstraint('name', name=op.f('uq_cohorts_name')),
    sa.UniqueConstraint('option_id', name=op.f('uq_cohorts_option_id'))
    )
    op.create_table('cohort_members',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('cohort_id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('stage', sa.Enum('enrolled', 'preparing', 'tenancy_ready', 'property_offered', 'moved_in', 'graduated', 'withdrawn', name='stage', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('stage_since', sa.Date(), nullable=False),
    sa.Column('enrolled_on', sa.Date(), nullable=False),
    sa.Column('moved_in_on', sa.Date(), nullable=True),
    sa.Column('property_place', sa.String(length=64), nullable=True),
    sa.Column('property_option_id', sa.String(length=32), nullable=True),
    sa.ForeignKeyConstraint(['cohort_id'], ['cohorts.id'], name=op.f('fk_cohort_members_cohort_id_cohorts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['property_option_id'], ['options.id'], name=op.f('fk_cohort_members_property_option_id_options'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['property_place'], ['places.name'], name=op.f('fk_cohort_members_property_place_places')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_cohort_members_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cohort_members'))
    )
    with op.batch_alter_table('cohort_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cohort_members_cohort_id'), ['cohort_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cohort_members_young_person_id'), ['young_person_id'], unique=False)
        batch_op.create_index('uq_cohort_members_one_active_per_young_person', ['young_person_id'], unique=True, sqlite_where=sa.text("stage NOT IN ('withdrawn', 'graduated')"), postgresql_where=sa.text("stage NOT IN ('withdrawn', 'graduated')"))



def downgrade() -> None:
    with op.batch_alter_table('cohort_members', schema=None) as batch_op:
        batch_op.drop_index('uq_cohort_members_one_active_per_young_person', sqlite_where=sa.text("stage NOT IN ('withdrawn', 'graduated')"), postgresql_where=sa.text("stage NOT IN ('withdrawn', 'graduated')"))
        batch_op.drop_index(batch_op.f('ix_cohort_members_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_cohort_members_cohort_id'))

    op.drop_table('cohort_members')
    op.drop_table('cohorts')
