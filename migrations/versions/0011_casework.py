"""who works the case: the team manager role, personal advisers, allocations of workers, siblings

Revision ID: 0011_casework
Revises: 0011_trust3
Create Date: 2026-12-07 12:25:22

The role column is a CHECK-constrained string (as 0010 explains): `team_manager` widens it; going
down removes any team manager first, then narrows it again.
"""

import sqlalchemy as sa
from alembic import op

revision = '0011_casework'
down_revision = '0011_trust3'
branch_labels = None
depends_on = None

BEFORE = ("housing_officer", "district_officer", "house_project_coordinator", "admin", "commissioner")
AFTER = (*BEFORE, "team_manager")


def _only(roles: tuple[str, ...]) -> str:
    return "role IN (" + ", ".join(f"'{role}'" for role in roles) + ")"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", _only(AFTER))
    op.create_table('advisers',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('base', sa.String(length=64), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['base'], ['places.name'], name=op.f('fk_advisers_base_places')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_advisers'))
    )
    op.create_table('allocations',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.Enum('housing_officer', 'personal_adviser', name='worker_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('officer_id', sa.String(length=32), nullable=True),
    sa.Column('adviser_id', sa.String(length=32), nullable=True),
    sa.Column('starts_on', sa.Date(), nullable=False),
    sa.Column('ends_on', sa.Date(), nullable=True),
    sa.Column('allocated_by', sa.String(length=254), nullable=False),
    sa.Column('allocated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('as_proposed', sa.Boolean(), nullable=False),
    sa.CheckConstraint("(kind = 'housing_officer' AND officer_id IS NOT NULL AND adviser_id IS NULL) OR (kind = 'personal_adviser' AND adviser_id IS NOT NULL AND officer_id IS NULL)", name=op.f('ck_allocations_worker_matches_kind')),
    sa.CheckConstraint('ends_on IS NULL OR ends_on >= starts_on', name=op.f('ck_allocations_ends_after_start')),
    sa.ForeignKeyConstraint(['adviser_id'], ['advisers.id'], name=op.f('fk_allocations_adviser_id_advisers')),
    sa.ForeignKeyConstraint(['officer_id'], ['users.id'], name=op.f('fk_allocations_officer_id_users')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_allocations_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_allocations'))
    )
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_allocations_adviser_id'), ['adviser_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocations_officer_id'), ['officer_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_allocations_young_person_id'), ['young_person_id'], unique=False)
        batch_op.create_index('uq_allocations_one_current', ['young_person_id', 'kind'], unique=True, sqlite_where=sa.text('ends_on IS NULL'), postgresql_where=sa.text('ends_on IS NULL'))

    op.create_table('siblings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('sibling_id', sa.String(length=32), nullable=False),
    sa.CheckConstraint('young_person_id <> sibling_id', name=op.f('ck_siblings_not_own_sibling')),
    sa.ForeignKeyConstraint(['sibling_id'], ['young_people.id'], name=op.f('fk_siblings_sibling_id_young_people'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_siblings_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_siblings')),
    sa.UniqueConstraint('young_person_id', 'sibling_id', name='uq_siblings_pair')
    )
    with op.batch_alter_table('siblings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_siblings_young_person_id'), ['young_person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('siblings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_siblings_young_person_id'))

    op.drop_table('siblings')
    with op.batch_alter_table('allocations', schema=None) as batch_op:
        batch_op.drop_index('uq_allocations_one_current', sqlite_where=sa.text('ends_on IS NULL'), postgresql_where=sa.text('ends_on IS NULL'))
        batch_op.drop_index(batch_op.f('ix_allocations_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_allocations_officer_id'))
        batch_op.drop_index(batch_op.f('ix_allocations_adviser_id'))

    op.drop_table('allocations')
    op.drop_table('advisers')
    op.execute(
        "DELETE FROM idempotent_requests WHERE user_id IN (SELECT id FROM users WHERE role = 'team_manager')"
    )
    op.execute("DELETE FROM users WHERE role = 'team_manager'")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", _only(BEFORE))
