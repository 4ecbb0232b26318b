"""money where a decision needs it (issue 33, part 4): a private tenancy's rent, deposit, rent in
advance, guarantor and broad rental market area; the Setting Up Home Allowance; providers (Ofsted
registration and rating) and a supported option's provider and weekly cost of a place

Revision ID: 0014_money
Revises: 0014_imports (after 0014_yp and 0014_imports on merge; written against 0013_young_person_view)

The options table gains CHECK constraints, so SQLite copies it: foreign keys go off meanwhile, or
dropping the old copy would cascade to every placement and proposal.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_money'
down_revision = '0014_imports'  # after 0014_yp and 0014_imports: one head
branch_labels = None
depends_on = None

MONEY = ('monthly_rent', 'deposit', 'rent_in_advance', 'guarantor_needed', 'rental_market_area')
RATINGS = ('outstanding', 'good', 'requires_improvement', 'inadequate', 'not_yet_inspected')


def _sqlite_foreign_keys(on: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
    op.create_table('providers',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('ofsted_number', sa.String(length=16), nullable=False),
    sa.Column('rating', sa.Enum(*RATINGS, name='ofsted_rating', native_enum=False, create_constraint=True,
                                length=32), nullable=False),
    sa.Column('inspected_on', sa.Date(), nullable=True),
    sa.CheckConstraint("(rating = 'not_yet_inspected') = (inspected_on IS NULL)",
                       name=op.f('ck_providers_rating_has_its_inspection')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_providers')),
    sa.UniqueConstraint('ofsted_number', name=op.f('uq_providers_ofsted_number'))
    )
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('options') as batch_op:
        batch_op.add_column(sa.Column('monthly_rent', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('deposit', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('rent_in_advance', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('guarantor_needed', sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column('rental_market_area', sa.String(length=64), nullable=True))
        batch_op.create_check_constraint(
            'private_rented_money',
            "route = 'private_rented' OR (monthly_rent IS NULL AND deposit IS NULL"
            " AND rent_in_advance IS NULL AND guarantor_needed IS NULL AND rental_market_area IS NULL)")
        batch_op.create_check_constraint(
            'money_not_negative', "monthly_rent >= 0 AND deposit >= 0 AND rent_in_advance >= 0")
        batch_op.add_column(sa.Column('provider_id', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('weekly_cost', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(op.f('fk_options_provider_id_providers'), 'providers', ['provider_id'], ['id'],
                                    ondelete='SET NULL')
        batch_op.create_index(batch_op.f('ix_options_provider_id'), ['provider_id'], unique=False)
        batch_op.create_check_constraint(
            'supported_routes_provider', "route IN ('supported_lodgings', 'supported_accommodation')"
            " OR (provider_id IS NULL AND weekly_cost IS NULL)")
        batch_op.create_check_constraint('weekly_cost_not_negative', "weekly_cost >= 0")
    _sqlite_foreign_keys(True)
    op.create_table('setting_up_home',
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('granted', sa.Integer(), nullable=False),
    sa.Column('spent', sa.Integer(), nullable=False),
    sa.Column('granted_on', sa.Date(), nullable=False),
    sa.CheckConstraint('granted >= 0 AND spent >= 0', name=op.f('ck_setting_up_home_amounts_not_negative')),
    sa.CheckConstraint('spent <= granted', name=op.f('ck_setting_up_home_spent_within_granted')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'],
                            name=op.f('fk_setting_up_home_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('young_person_id', name=op.f('pk_setting_up_home'))
    )


def downgrade() -> None:
    op.drop_table('setting_up_home')
    _sqlite_foreign_keys(False)
    with op.batch_alter_table('options') as batch_op:
        batch_op.drop_constraint(op.f('ck_options_weekly_cost_not_negative'), type_='check')
        batch_op.drop_constraint(op.f('ck_options_supported_routes_provider'), type_='check')
        batch_op.drop_index(batch_op.f('ix_options_provider_id'))
        batch_op.drop_constraint(op.f('fk_options_provider_id_providers'), type_='foreignkey')
        batch_op.drop_column('weekly_cost')
        batch_op.drop_column('provider_id')
        batch_op.drop_constraint(op.f('ck_options_money_not_negative'), type_='check')
        batch_op.drop_constraint(op.f('ck_options_private_rented_money'), type_='check')
        for column in reversed(MONEY):
            batch_op.drop_column(column)
    _sqlite_foreign_keys(True)
    op.drop_table('providers')
