"""policy versions, the active pointer, drafts and backtests

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "policy_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("policy_id", sa.String(64), nullable=False),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("word_lists", sa.JSON(), nullable=False),
        sa.Column("checksum", sa.String(64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by_email", sa.String(254), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_version")),
        sa.UniqueConstraint("number", name=op.f("uq_policy_version_number")),
    )
    op.create_table(
        "policy_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("active_version_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["active_version_id"], ["policy_version.id"],
                                name=op.f("fk_policy_state_active_version_id_policy_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_state")),
    )
    op.create_table(
        "policy_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("base_version_id", sa.Integer(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=False),
        sa.Column("word_lists", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by_email", sa.String(254), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["base_version_id"], ["policy_version.id"],
                                name=op.f("fk_policy_draft_base_version_id_policy_version"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_draft")),
    )
    with op.batch_alter_table("policy_draft") as batch:
        batch.create_index(op.f("ix_policy_draft_base_version_id"), ["base_version_id"])
    op.create_table(
        "policy_backtest",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=True),
        sa.Column("draft_revision", sa.Integer(), nullable=True),
        sa.Column("candidate", sa.JSON(), nullable=False),
        sa.Column("active_version_id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column("processed", sa.Integer(), nullable=False),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_by_email", sa.String(254), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=True),
        sa.Column("finished_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["draft_id"], ["policy_draft.id"],
                                name=op.f("fk_policy_backtest_draft_id_policy_draft"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["active_version_id"], ["policy_version.id"],
                                name=op.f("fk_policy_backtest_active_version_id_policy_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_policy_backtest")),
    )
    with op.batch_alter_table("policy_backtest") as batch:
        batch.create_index("ix_policy_backtest_created", ["created_at", "id"])


def downgrade():
    op.drop_table("policy_backtest")
    op.drop_table("policy_draft")
    op.drop_table("policy_state")
    op.drop_table("policy_version")
