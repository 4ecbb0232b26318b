"""the commissioner role

Revision ID: 0010
Revises: 0006
Create Date: 2026-11-29 22:05:00

The users table's role column is a non-native enum: a string with a CHECK constraint listing
the roles. A new role widens the constraint; going down narrows it again, and so first removes
any commissioner (they cannot be kept under a constraint that does not name them).
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

BEFORE = ("housing_officer", "district_officer", "house_project_coordinator", "admin")
AFTER = (*BEFORE, "commissioner")


def _only(roles: tuple[str, ...]) -> str:
    return "role IN (" + ", ".join(f"'{role}'" for role in roles) + ")"


def upgrade() -> None:
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", _only(AFTER))


def downgrade() -> None:
    op.execute(
        "DELETE FROM idempotent_requests WHERE user_id IN (SELECT id FROM users WHERE role = 'commissioner')"
    )
    op.execute("DELETE FROM users WHERE role = 'commissioner'")
    with op.batch_alter_table("users") as batch_op:
        batch_op.drop_constraint(op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", _only(BEFORE))
