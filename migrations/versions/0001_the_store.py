"""the store: reference data, young people, options, users, audit

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 20:05:51.680938
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=True),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.create_index('ix_audit_young_person_at', ['young_person_id', 'at'], unique=False)

    op.create_table('districts',
    sa.Column('slug', sa.String(length=32), nullable=False),
    sa.Column('gss_code', sa.String(length=9), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('bands', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('slug', name=op.f('pk_districts')),
    sa.UniqueConstraint('gss_code', name=op.f('uq_districts_gss_code'))
    )
    op.create_table('places',
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('district', sa.String(length=32), nullable=True),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_places_district_districts')),
    sa.PrimaryKeyConstraint('name', name=op.f('pk_places'))
    )
    op.create_table('users',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('role', sa.Enum('housing_officer', 'district_officer', 'house_project_coordinator', 'admin', name='role', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('district', sa.String(length=32), nullable=True),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('token_issued_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint("(role = 'district_officer') = (district IS NOT NULL)", name=op.f('ck_users_district_officers_bound_to_a_district')),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_users_district_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_users_token_hash'))
    )
    op.create_table('young_people',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('reference', sa.String(length=64), nullable=False),
    sa.Column('given_name', sa.String(length=100), nullable=False),
    sa.Column('family_name', sa.String(length=100), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=False),
    sa.Column('home_district', sa.String(length=32), nullable=False),
    sa.Column('current_place', sa.String(length=64), nullable=False),
    sa.Column('support_level', sa.Enum('low', 'medium', 'high', name='support_level', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('step_free', sa.Boolean(), nullable=False),
    sa.Column('wheelchair', sa.Boolean(), nullable=False),
    sa.Column('children', sa.Integer(), nullable=False),
    sa.Column('uasc', sa.Boolean(), nullable=False),
    sa.Column('immigration', sa.Enum('not_applicable', 'awaiting_decision', 'leave_granted', 'appeal_rights_exhausted', name='immigration', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('custody_release_date', sa.Date(), nullable=True),
    sa.Column('avoid_places', sa.JSON(), nullable=False),
    sa.Column('avoid_districts', sa.JSON(), nullable=False),
    sa.Column('wishes', sa.Text(), nullable=True),
    sa.Column('move_date', sa.Date(), nullable=True),
    sa.Column('pathway_status', sa.Enum('not_started', 'in_progress', 'agreed', name='pathway_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('pathway_route', sa.Enum('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project', name='pathway_route', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('pathway_agreed_on', sa.Date(), nullable=True),
    sa.Column('pathway_option_id', sa.String(length=32), nullable=True),
    sa.CheckConstraint("pathway_status != 'agreed' OR (pathway_route IS NOT NULL AND pathway_agreed_on IS NOT NULL)", name=op.f('ck_young_people_agreed_pathway_has_route')),
    sa.CheckConstraint('children >= 0', name=op.f('ck_young_people_children_not_negative')),
    sa.ForeignKeyConstraint(['current_place'], ['places.name'], name=op.f('fk_young_people_current_place_places')),
    sa.ForeignKeyConstraint(['home_district'], ['districts.slug'], name=op.f('fk_young_people_home_district_districts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_young_people')),
    sa.UniqueConstraint('reference', name=op.f('uq_young_people_reference'))
    )
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_young_people_home_district'), ['home_district'], unique=False)
        batch_op.create_index(batch_op.f('ix_young_people_pathway_status'), ['pathway_status'], unique=False)

    op.create_table('applications',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('district', sa.String(length=32), nullable=False),
    sa.Column('band', sa.String(length=8), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('status', sa.Enum('active', 'closed', name='application_status', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_applications_district_districts')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_applications_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_applications'))
    )
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applications_district'), ['district'], unique=False)
        batch_op.create_index(batch_op.f('ix_applications_young_person_id'), ['young_person_id'], unique=False)
        batch_op.create_index('uq_applications_one_active_per_district', ['young_person_id', 'district'], unique=True, sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))

    op.create_table('local_links',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('school', 'college', 'work', 'family', 'friends', 'health', 'faith', 'community', name='link_kind', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('place', sa.String(length=64), nullable=False),
    sa.Column('importance', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.CheckConstraint('importance BETWEEN 1 AND 3', name=op.f('ck_local_links_importance_1_to_3')),
    sa.ForeignKeyConstraint(['place'], ['places.name'], name=op.f('fk_local_links_place_places')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_local_links_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_local_links'))
    )
    with op.batch_alter_table('local_links', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_local_links_young_person_id'), ['young_person_id'], unique=False)

    op.create_table('options',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('route', sa.Enum('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project', name='route', native_enum=False, create_constraint=True, length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=64), nullable=False),
    sa.Column('district', sa.String(length=32), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('available_from', sa.Date(), nullable=False),
    sa.Column('available_until', sa.Date(), nullable=True),
    sa.Column('min_age', sa.Integer(), nullable=False),
    sa.Column('max_age', sa.Integer(), nullable=False),
    sa.Column('support_levels', sa.JSON(), nullable=False),
    sa.Column('step_free', sa.Boolean(), nullable=False),
    sa.Column('wheelchair', sa.Boolean(), nullable=False),
    sa.Column('bedrooms', sa.Integer(), nullable=False),
    sa.Column('accepts_children', sa.Boolean(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=True),
    sa.Column('carer_willing', sa.Boolean(), nullable=True),
    sa.Column('registered_16_17', sa.Boolean(), nullable=True),
    sa.Column('uasc_specialist', sa.Boolean(), nullable=True),
    sa.CheckConstraint("(route = 'staying_put') = (young_person_id IS NOT NULL AND carer_willing IS NOT NULL)", name=op.f('ck_options_staying_put_names_its_young_person')),
    sa.CheckConstraint("(route = 'supported_accommodation') = (uasc_specialist IS NOT NULL)", name=op.f('ck_options_supported_accommodation_states_uasc')),
    sa.CheckConstraint("(route IN ('supported_lodgings', 'supported_accommodation')) = (registered_16_17 IS NOT NULL)", name=op.f('ck_options_supported_routes_state_registration')),
    sa.CheckConstraint('available_until IS NULL OR available_until >= available_from', name=op.f('ck_options_available_window')),
    sa.CheckConstraint('bedrooms >= 0', name=op.f('ck_options_bedrooms_not_negative')),
    sa.CheckConstraint('capacity >= 1', name=op.f('ck_options_capacity_at_least_one')),
    sa.CheckConstraint('min_age >= 0 AND min_age <= max_age', name=op.f('ck_options_age_range')),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_options_district_districts')),
    sa.ForeignKeyConstraint(['place'], ['places.name'], name=op.f('fk_options_place_places')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_options_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_options'))
    )
    with op.batch_alter_table('options', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_options_district'), ['district'], unique=False)
        batch_op.create_index(batch_op.f('ix_options_place'), ['place'], unique=False)
        batch_op.create_index(batch_op.f('ix_options_route'), ['route'], unique=False)
        batch_op.create_index(batch_op.f('ix_options_young_person_id'), ['young_person_id'], unique=False)

    # young_people and options name each other: this key can only follow both tables.
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.create_foreign_key(batch_op.f('fk_young_people_pathway_option_id_options'), 'options', ['pathway_option_id'], ['id'], ondelete='SET NULL')

    op.create_table('preferences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('young_person_id', sa.String(length=32), nullable=False),
    sa.Column('rank', sa.Integer(), nullable=False),
    sa.Column('route', sa.Enum('register_vacancy', 'staying_put', 'supported_lodgings', 'supported_accommodation', 'house_project', name='preference_route', native_enum=False, create_constraint=True, length=32), nullable=True),
    sa.Column('place', sa.String(length=64), nullable=True),
    sa.Column('district', sa.String(length=32), nullable=True),
    sa.CheckConstraint('rank >= 1', name=op.f('ck_preferences_rank_positive')),
    sa.CheckConstraint('route IS NOT NULL OR place IS NOT NULL OR district IS NOT NULL', name=op.f('ck_preferences_names_something')),
    sa.ForeignKeyConstraint(['district'], ['districts.slug'], name=op.f('fk_preferences_district_districts')),
    sa.ForeignKeyConstraint(['place'], ['places.name'], name=op.f('fk_preferences_place_places')),
    sa.ForeignKeyConstraint(['young_person_id'], ['young_people.id'], name=op.f('fk_preferences_young_person_id_young_people'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_preferences')),
    sa.UniqueConstraint('young_person_id', 'rank', name='uq_preferences_rank')
    )
    with op.batch_alter_table('preferences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_preferences_young_person_id'), ['young_person_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_young_people_pathway_option_id_options'), type_='foreignkey')

    with op.batch_alter_table('preferences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_preferences_young_person_id'))

    op.drop_table('preferences')
    with op.batch_alter_table('options', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_options_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_options_route'))
        batch_op.drop_index(batch_op.f('ix_options_place'))
        batch_op.drop_index(batch_op.f('ix_options_district'))

    op.drop_table('options')
    with op.batch_alter_table('local_links', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_local_links_young_person_id'))

    op.drop_table('local_links')
    with op.batch_alter_table('applications', schema=None) as batch_op:
        batch_op.drop_index('uq_applications_one_active_per_district', sqlite_where=sa.text("status = 'active'"), postgresql_where=sa.text("status = 'active'"))
        batch_op.drop_index(batch_op.f('ix_applications_young_person_id'))
        batch_op.drop_index(batch_op.f('ix_applications_district'))

    op.drop_table('applications')
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_young_people_pathway_status'))
        batch_op.drop_index(batch_op.f('ix_young_people_home_district'))

    op.drop_table('young_people')
    op.drop_table('users')
    op.drop_table('places')
    op.drop_table('districts')
    with op.batch_alter_table('audit', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_young_person_at')

    op.drop_table('audit')
