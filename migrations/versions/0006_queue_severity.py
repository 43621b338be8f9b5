"""a stored severity for the moderation queue's severity sort

The queue's "most severe first" order was computed from each pending comment's decision JSON on
every page: the whole pending set was read and sorted (hundreds of milliseconds at a million
comments). The severity is now stored when the decision is (app.models.comments.severity_of) and
indexed in the queue's order; existing rows are filled in here from their decisions, with the same
rule written as SQL: the score, plus 1000 for a reject-rule hit, else 100 for a hold-rule hit.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

comment = sa.table("comment", sa.column("decision", sa.JSON), sa.column("severity", sa.Float))


def _has_action(action):
    text = sa.cast(comment.c.decision, sa.Text)
    return sa.or_(*(text.like(f'%"action"{sep}"{action}"%') for sep in (": ", ":")))


def upgrade():
    with op.batch_alter_table("comment") as batch:
        batch.add_column(sa.Column("severity", sa.Float(), nullable=False, server_default="0"))
    score = sa.func.coalesce(comment.c.decision["score"].as_float(), 0.0)
    bonus = sa.case((_has_action("reject"), 1000.0), (_has_action("hold"), 100.0), else_=0.0)
    op.execute(comment.update().where(comment.c.decision.is_not(None)).values(severity=score + bonus))
    with op.batch_alter_table("comment") as batch:
        batch.create_index("ix_comment_queue_severity", ["status", sa.text("severity DESC"), "created_at", "id"])


def downgrade():
    with op.batch_alter_table("comment") as batch:
        batch.drop_index("ix_comment_queue_severity")
        batch.drop_column("severity")
