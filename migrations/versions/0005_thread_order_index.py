"""thread pages in (created_at, id) order whatever the public statuses

A thread page lists several public statuses (approved, and reported while still visible); an index
led by status cannot give that order, so the page sorted the whole thread. This one can.

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


def downgrade():
    with op.batch_alter_table("comment") as batch:
        batch.drop_index("ix_comment_thread_order")
