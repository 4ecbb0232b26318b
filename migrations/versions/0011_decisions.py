"""decisions people can check, undo and follow to the door (issue 29)

Revision ID: 0011_decisions
Revises: 0012_casework_reviews
Create Date: 2026-12-07 12:40:00

Nominations may be withdrawn by the county and remember when the council first saw them; an
accept may be undone (kept on the proposal); placements may end because a nomination was withdrawn
or the move fell through; the steps of a move are dated rows; councils keep their own bedroom
standard; a cohort member's last stage move keeps its reason and what it left, for a same-day undo.
Going down narrows the vocabularies again, so first removes the rows only the new words allow.
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_decisions"
down_revision = "0012_casework_reviews"
branch_labels = None
depends_on = None

NOMINATION_BEFORE = ("pending", "accepted", "declined")
NOMINATION_AFTER = (*NOMINATION_BEFORE, "withdrawn")
END_BEFORE = ("carer_withdrew", "breakdown", "notice_to_leave", "moved_on", "other", "nomination_declined",
              "withdrawn_from_cohort")  # fmt: skip
END_AFTER = (*END_BEFORE, "nomination_withdrawn", "move_fell_through")
STAGES = ("enrolled", "preparing", "tenancy_ready", "property_offered", "moved_in", "graduated", "withdrawn")


def _only(column: str, words: tuple[str, ...]) -> str:
    return f"{column} IN (" + ", ".join(f"'{word}'" for word in words) + ")"


def _sqlite_foreign_keys(on: bool) -> None:
    """SQLite rebuilds a table to change a CHECK; with foreign keys enforced, dropping the old
    `placements` would cascade to the nominations naming it (as in 0008)."""
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        bind.exec_driver_sql("COMMIT")
        bind.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
        bind.exec_driver_sql("BEGIN")


def upgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table("nominations") as batch_op:
        batch_op.drop_constraint(op.f("ck_nominations_nomination_status"), type_="check")
        batch_op.create_check_constraint("nomination_status", _only("status", NOMINATION_AFTER))
        batch_op.add_column(sa.Column("seen_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("placements") as batch_op:
        batch_op.drop_constraint(op.f("ck_placements_end_reason"), type_="check")
        batch_op.create_check_constraint("end_reason", _only("end_reason", END_AFTER))
    with op.batch_alter_table("proposals") as batch_op:
        batch_op.add_column(sa.Column("undone_by", sa.String(length=254), nullable=True))
        batch_op.add_column(sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True))
    # Added and dropped in place: rebuilding districts (SQLite's batch) would break the keys naming it.
    op.add_column("districts", sa.Column("bedroom_standard", sa.JSON(), nullable=True))
    op.add_column(
        "districts", sa.Column("larger_homes_allowed", sa.Boolean(), server_default=sa.false(), nullable=False)
    )
    with op.batch_alter_table("cohort_members") as batch_op:
        batch_op.add_column(sa.Column("stage_reason", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("stage_moved_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("stage_moved_by", sa.String(length=254), nullable=True))
        batch_op.add_column(
            sa.Column(
                "previous_stage",
                sa.Enum(*STAGES, name="previous_stage", native_enum=False, create_constraint=True, length=32),
                nullable=True,
            )
        )
        batch_op.add_column(sa.Column("previous_stage_since", sa.Date(), nullable=True))
    op.create_table(
        "move_steps",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("young_person_id", sa.String(length=32), nullable=False),
        sa.Column("placement_id", sa.String(length=32), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "offer_made",
                "viewing",
                "answer",
                "signed",
                "moved_in",
                "fell_through",
                name="move_step",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),  # fmt: skip
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "yes", "no", "not_sure", name="answer", native_enum=False, create_constraint=True, length=32
            ),
            nullable=True,
        ),
        sa.Column("words", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("recorded_by", sa.String(length=254), nullable=False),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind != 'answer' OR answer IS NOT NULL", name=op.f("ck_move_steps_answer_given")),
        sa.CheckConstraint(
            "kind != 'fell_through' OR reason IS NOT NULL", name=op.f("ck_move_steps_fell_through_says_why")
        ),
        sa.ForeignKeyConstraint(
            ["placement_id"],
            ["placements.id"],
            name=op.f("fk_move_steps_placement_id_placements"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.ForeignKeyConstraint(
            ["young_person_id"],
            ["young_people.id"],
            name=op.f("fk_move_steps_young_person_id_young_people"),
            ondelete="CASCADE",
        ),  # fmt: skip
        sa.PrimaryKeyConstraint("id", name=op.f("pk_move_steps")),
    )
    with op.batch_alter_table("move_steps") as batch_op:
        batch_op.create_index(batch_op.f("ix_move_steps_placement_id"), ["placement_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_move_steps_young_person_id"), ["young_person_id"], unique=False)
    _sqlite_foreign_keys(True)


def downgrade() -> None:
    _sqlite_foreign_keys(False)
    with op.batch_alter_table("move_steps") as batch_op:
        batch_op.drop_index(batch_op.f("ix_move_steps_young_person_id"))
        batch_op.drop_index(batch_op.f("ix_move_steps_placement_id"))
    op.drop_table("move_steps")
    with op.batch_alter_table("cohort_members") as batch_op:
        batch_op.drop_constraint(op.f("ck_cohort_members_previous_stage"), type_="check")
    with op.batch_alter_table("cohort_members") as batch_op:
        for column in (
            "previous_stage_since",
            "previous_stage",
            "stage_moved_by",
            "stage_moved_at",
            "stage_reason",
        ):
            batch_op.drop_column(column)
    op.execute("ALTER TABLE districts DROP COLUMN larger_homes_allowed")
    op.execute("ALTER TABLE districts DROP COLUMN bedroom_standard")
    with op.batch_alter_table("proposals") as batch_op:
        batch_op.drop_column("undone_at")
        batch_op.drop_column("undone_by")
    op.execute(
        "UPDATE placements SET end_reason = 'other' WHERE end_reason IN ('nomination_withdrawn', 'move_fell_through')"
    )
    with op.batch_alter_table("placements") as batch_op:
        batch_op.drop_constraint(op.f("ck_placements_end_reason"), type_="check")
        batch_op.create_check_constraint("end_reason", _only("end_reason", END_BEFORE))
    op.execute("DELETE FROM nominations WHERE status = 'withdrawn'")
    with op.batch_alter_table("nominations") as batch_op:
        batch_op.drop_column("seen_at")
        batch_op.drop_constraint(op.f("ck_nominations_nomination_status"), type_="check")
        batch_op.create_check_constraint("nomination_status", _only("status", NOMINATION_BEFORE))
    _sqlite_foreign_keys(True)
