"""indexes for reads at a million comments

A thread page lists several public statuses (approved, and reported while still visible); an index
led by status cannot give that order, so the page sorted the whole thread. The moderation queue
shows each author's most recent comments; without an index in that order a prolific author's
history was sorted on every page.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comment") as batch:
        batch.create_index("ix_comment_thread_order", ["thread_id", "created_at", "id"])
        batch.create_index("ix_comment_author_recent", ["email_hash", "created_at", "id"])


def downgrade():
    with op.batch_alter_table("comment") as batch:
        batch.drop_index("ix_comment_author_recent")
        batch.drop_index("ix_comment_thread_order")
