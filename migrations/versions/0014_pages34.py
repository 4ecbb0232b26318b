"""indexes for lists at ten times the county: dates of birth, each young person's last review and
latest placement start

Revision ID: 0014_pages34
Revises: 0014_money

"Who is due", the API's `order=due` and reviews due now sort, count and page in the database
(issue 34): ages, 17½ dates and tiers are ranges of dates of birth, and reviews due read each young
person's last review and latest placement start, which these indexes hold in order.
"""

from alembic import op

revision = '0014_pages34'
down_revision = '0014_money'  # chained after main's 0014s on merging main
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_young_people_date_of_birth'), ['date_of_birth'], unique=False)
    with op.batch_alter_table('pathway_reviews', schema=None) as batch_op:
        batch_op.create_index('ix_pathway_reviews_young_person_reviewed', ['young_person_id', 'reviewed_on'],
                              unique=False)
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.create_index('ix_placements_young_person_starts', ['young_person_id', 'starts_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('placements', schema=None) as batch_op:
        batch_op.drop_index('ix_placements_young_person_starts')
    with op.batch_alter_table('pathway_reviews', schema=None) as batch_op:
        batch_op.drop_index('ix_pathway_reviews_young_person_reviewed')
    with op.batch_alter_table('young_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_young_people_date_of_birth'))
