"""threads and comments

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "thread",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("title", sa.String(300), nullable=True),
        sa.Column("url", sa.String(500), nullable=True),
        sa.Column("closed", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("comment_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thread")),
        sa.UniqueConstraint("key", name=op.f("uq_thread_key")),
    )
    op.create_table(
        "comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("thread_id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(245), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("email_hash", sa.String(64), nullable=False),
        sa.Column("website", sa.String(200), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("body_html", sa.Text(), nullable=False),
        sa.Column("body_fingerprint", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("edited_at", sa.DateTime(), nullable=True),
        sa.Column("ip_hash", sa.String(64), nullable=True),
        sa.Column("user_agent", sa.String(512), nullable=True),
        sa.Column("decision", sa.JSON(), nullable=True),
        sa.Column("edit_token_hash", sa.String(64), nullable=True),
        sa.ForeignKeyConstraint(["thread_id"], ["thread.id"], name=op.f("fk_comment_thread_id_thread"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["parent_id"], ["comment.id"], name=op.f("fk_comment_parent_id_comment"),
                                ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_comment")),
    )
    with op.batch_alter_table("comment") as batch:
        batch.create_index("ix_comment_thread_page", ["thread_id", "status", "created_at", "id"])
        batch.create_index("ix_comment_queue", ["status", "created_at", "id"])
        batch.create_index("ix_comment_duplicate", ["thread_id", "email_hash", "body_fingerprint"])
        batch.create_index("ix_comment_email_hash", ["email_hash", "status"])
        batch.create_index(op.f("ix_comment_parent_id"), ["parent_id"])


def downgrade():
    op.drop_table("comment")
    op.drop_table("thread")
