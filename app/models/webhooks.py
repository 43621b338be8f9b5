"""The delivery log of the optional webhook: one row per event, updated on every attempt."""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class DeliveryState(StrEnum):
    PENDING = "pending"  # queued or waiting for a retry
    DELIVERED = "delivered"
    FAILED = "failed"  # gave up after the last attempt


class WebhookDelivery(db.Model):
    __tablename__ = "webhook_delivery"
    __table_args__ = (sa.Index("ix_webhook_delivery_created", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event: Mapped[str] = mapped_column(sa.String(32))
    comment_id: Mapped[int | None] = mapped_column()  # no foreign key: the log outlives comments
    url: Mapped[str] = mapped_column(sa.String(500))
    payload: Mapped[dict] = mapped_column(sa.JSON)
    state: Mapped[str] = mapped_column(sa.String(16))
    attempts: Mapped[int] = mapped_column(default=0)
    last_status: Mapped[int | None] = mapped_column()  # the receiver's HTTP status
    last_error: Mapped[str | None] = mapped_column(sa.String(500))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    last_attempt_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    next_attempt_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
