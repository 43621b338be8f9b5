"""Runtime dials (key/value rows every process reads at once) and per-thread controls."""
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class Setting(db.Model):
    """One dial: a JSON value under a dotted key; absent means its default (all off)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    value: Mapped[Any] = mapped_column(sa.JSON, nullable=True)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime)
    updated_by: Mapped[int | None] = mapped_column()  # a moderator id; no foreign key (history)


class ThreadControl(db.Model):
    """An editor's switches for one thread (closing itself is Thread.closed)."""

    __tablename__ = "thread_control"

    thread_id: Mapped[int] = mapped_column(sa.ForeignKey("thread.id", ondelete="CASCADE"), primary_key=True)
    premoderation: Mapped[bool] = mapped_column(default=False, server_default=sa.false())
    keep_open: Mapped[bool] = mapped_column(default=False, server_default=sa.false())  # exempt from auto-close
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime)
    updated_by: Mapped[int | None] = mapped_column()
