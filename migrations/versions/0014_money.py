"""money where a decision needs it (issue 33, part 4): a private tenancy's rent, deposit, rent in
advance, guarantor and broad rental market area; the Setting Up Home Allowance

Revision ID: 0014_money
Revises: 0013_young_person_view

The options table gains CHECK constraints, so SQLite copies it: foreign keys go off meanwhile, or
dropping the old copy would cascade to every placement and proposal.
"""

import sqlalchemy as sa
from alembic import op

revision = '0014_money'
down_revision = '0013_young_person_view'
branch_labels = None
depends_on = None

MONEY = ('monthly_rent', 'deposit', 'rent_in_advance', 'guarantor_needed', 'rental_market_area')


def _sqlite_foreign_keys(on: bool) -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        bind.exec_driver_sql('COMMIT')
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql('BEGIN')


def upgrade() -> None:
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
        batch_op.drop_constraint(op.f('ck_options_money_not_negative'), type_='check')
        batch_op.drop_constraint(op.f('ck_options_private_rented_money'), type_='check')
        for column in reversed(MONEY):
            batch_op.drop_column(column)
    _sqlite_foreign_keys(True)
