"""Claims: a moderator holds a queued comment for a few minutes so no one else decides it meanwhile."""
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.accounts import Moderator


class CommentClaim(db.Model):
    __tablename__ = "comment_claim"

    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comment.id", ondelete="CASCADE"),
                                            primary_key=True)
    moderator_id: Mapped[int] = mapped_column(sa.ForeignKey("moderator.id", ondelete="CASCADE"),
                                              index=True)
    claimed_at: Mapped[datetime] = mapped_column(sa.DateTime)
    claimed_until: Mapped[datetime] = mapped_column(sa.DateTime)

    moderator: Mapped[Moderator] = relationship(lazy="joined")
