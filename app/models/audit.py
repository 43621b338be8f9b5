"""The audit log: append-only, one row per moderator action (who, when, what, from → to, why)."""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class AuditAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SPAM = "spam"
    RESTORE = "restore"
    EDIT = "edit"
    CLAIM = "claim"
    RELEASE = "release"
    ACCOUNT_CREATE = "account_create"
    ACCOUNT_UPDATE = "account_update"
    ROLE_CHANGE = "role_change"
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"
    TOKEN_ISSUE = "token_issue"  # noqa: S105 (an action name, not a secret)
    TOKEN_REVOKE = "token_revoke"  # noqa: S105
    # the desk's controls, readers' reports, and the operators' commands and tasks
    REPORTED = "reported"
    SETTINGS_UPDATE = "settings_update"
    THREAD_CLOSE = "thread_close"
    THREAD_REOPEN = "thread_reopen"
    THREAD_PREMODERATION = "thread_premoderation"
    BAN_CREATE = "ban_create"
    BAN_LIFT = "ban_lift"
    PRIVACY_ERASE = "privacy_erase"
    RETENTION = "retention"


class AuditEntry(db.Model):
    __tablename__ = "audit_entry"
    __table_args__ = (
        sa.Index("ix_audit_entry_created", "created_at", "id"),
        sa.Index("ix_audit_entry_actor", "actor_id", "created_at"),
        sa.Index("ix_audit_entry_comment", "comment_id", "created_at"),
        sa.Index("ix_audit_entry_action", "action", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    # No foreign keys: the history outlives the rows it talks about.
    actor_id: Mapped[int | None] = mapped_column()  # None: the command line or start-up
    actor_email: Mapped[str | None] = mapped_column(sa.String(254))  # as it was at the time
    action: Mapped[str] = mapped_column(sa.String(32))
    comment_id: Mapped[int | None] = mapped_column()
    from_status: Mapped[str | None] = mapped_column(sa.String(16))
    to_status: Mapped[str | None] = mapped_column(sa.String(16))
    category: Mapped[str | None] = mapped_column(sa.String(64))
    note: Mapped[str | None] = mapped_column(sa.Text)
    detail: Mapped[dict | None] = mapped_column(sa.JSON)
