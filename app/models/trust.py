"""Bans of authors (by a keyed hash of an email or of an IP) and readers' reports of comments."""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class BanKind(StrEnum):
    EMAIL = "email"
    IP = "ip"


class Ban(db.Model):
    __tablename__ = "ban"
    __table_args__ = (sa.Index("ix_ban_lookup", "kind", "value_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(8))
    value_hash: Mapped[str] = mapped_column(sa.String(64))  # keyed hash, as in comment.email_hash/ip_hash
    label: Mapped[str] = mapped_column(sa.String(300))  # what editors see: the email, or "IP of comment 12"
    reason: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    created_by: Mapped[int | None] = mapped_column()
    expires_at: Mapped[datetime | None] = mapped_column(sa.DateTime)  # None: until lifted
    lifted_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    lifted_by: Mapped[int | None] = mapped_column()


class CommentReport(db.Model):
    """One reader's report of one comment: distinct reporters are distinct IP hashes."""

    __tablename__ = "comment_report"
    __table_args__ = (sa.UniqueConstraint("comment_id", "ip_hash"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comment.id", ondelete="CASCADE"), index=True)
    ip_hash: Mapped[str] = mapped_column(sa.String(64))
    reason: Mapped[str] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
