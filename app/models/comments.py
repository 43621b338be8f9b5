"""Threads and comments. Statuses are StrEnums stored as plain strings (no magic integers)."""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db


class Status(StrEnum):
    APPROVED = "approved"
    PENDING = "pending"
    REPORTED = "reported"
    REJECTED = "rejected"
    SPAM = "spam"
    DELETED = "deleted"


class Thread(db.Model):
    __tablename__ = "thread"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(200), unique=True)
    title: Mapped[str | None] = mapped_column(sa.String(300))
    url: Mapped[str | None] = mapped_column(sa.String(500))
    closed: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    # Denormalized so the counts endpoint stays one indexed lookup at a million rows; only
    # services.comments.change_status moves it.
    comment_count: Mapped[int] = mapped_column(default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)


class Comment(db.Model):
    __tablename__ = "comment"
    __table_args__ = (
        # A thread page: approved comments of one thread in (created_at, id) order.
        sa.Index("ix_comment_thread_page", "thread_id", "status", "created_at", "id"),
        # A thread page over several public statuses (approved, visible reported) in order.
        sa.Index("ix_comment_thread_order", "thread_id", "created_at", "id"),
        # An author's most recent comments, shown beside each queue item.
        sa.Index("ix_comment_author_recent", "email_hash", "created_at", "id"),
        # The moderation queue: by status, oldest or newest first.
        sa.Index("ix_comment_queue", "status", "created_at", "id"),
        # Duplicate detection and an author's history.
        sa.Index("ix_comment_duplicate", "thread_id", "email_hash", "body_fingerprint"),
        sa.Index("ix_comment_email_hash", "email_hash", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    thread_id: Mapped[int] = mapped_column(sa.ForeignKey("thread.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comment.id", ondelete="SET NULL"),
                                                  index=True)
    depth: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(sa.String(245))
    email: Mapped[str] = mapped_column(sa.String(254))
    email_hash: Mapped[str] = mapped_column(sa.String(64))  # keyed hash: history, avatar, limits
    website: Mapped[str | None] = mapped_column(sa.String(200))
    body: Mapped[str] = mapped_column(sa.Text)  # as submitted
    body_html: Mapped[str] = mapped_column(sa.Text)  # sanitized, what readers see
    body_fingerprint: Mapped[str] = mapped_column(sa.String(64))
    status: Mapped[str] = mapped_column(sa.String(16))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime)
    edited_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    ip_hash: Mapped[str | None] = mapped_column(sa.String(64))  # HMAC, never the raw address
    user_agent: Mapped[str | None] = mapped_column(sa.String(512))
    decision: Mapped[dict | None] = mapped_column(sa.JSON)
    edit_token_hash: Mapped[str | None] = mapped_column(sa.String(64))
    report_count: Mapped[int] = mapped_column(default=0, server_default="0")  # distinct reporters (0003)
    # Derived from the decision whenever it is set, and stored so the queue sorts by an index (0006).
    severity: Mapped[float] = mapped_column(sa.Float, default=0.0, server_default="0")

    thread: Mapped[Thread] = relationship(lazy="joined")

    @validates("decision")
    def _keep_severity(self, _key, decision):
        self.severity = severity_of(decision)
        return decision


# The moderation queue by severity: most severe first, then oldest (0006).
sa.Index("ix_comment_queue_severity", Comment.status, Comment.severity.desc(), Comment.created_at, Comment.id)

REJECT_BONUS, HOLD_BONUS = 1000.0, 100.0


def severity_of(decision) -> float:
    """How urgently a moderator should look: the decision's score, plus 1000 for a hit of a reject
    rule and 100 for a hit of a hold rule (a rule's hold outranks any borderline score)."""
    if not isinstance(decision, dict):
        return 0.0
    score = decision.get("score")
    severity = float(score) if isinstance(score, int | float) else 0.0
    actions = {hit.get("action") for hit in decision.get("hits") or () if isinstance(hit, dict)}
    if "reject" in actions:
        severity += REJECT_BONUS
    elif "hold" in actions:
        severity += HOLD_BONUS
    return severity
