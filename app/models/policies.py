"""Policies in the database: immutable versions, the active pointer, drafts and backtests.

A version is never updated after it is written: its number, its validated document (rules,
thresholds, categories …) and the text of every word list it names, who made it, when and why.
`PolicyState` is a single row pointing at the active version; publishing and rolling back move it.
A draft is a working copy that editors change freely; publishing turns it into the next version.
"""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db

STATE_ROW = 1  # the id of the one PolicyState row


class PolicyAuditAction(StrEnum):
    """Audit-log actions of the policy editor (stored as strings beside the moderators' ones)."""

    PUBLISH = "policy_publish"
    ROLLBACK = "policy_rollback"
    SEED = "policy_seed"
    IMPORT = "policy_import"
    DRAFT_CREATE = "policy_draft_create"
    DRAFT_EDIT = "policy_draft_edit"
    DRAFT_DELETE = "policy_draft_delete"
    BACKTEST = "policy_backtest"


class BacktestStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class PolicyVersion(db.Model):
    __tablename__ = "policy_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int] = mapped_column(unique=True)  # 1, 2, 3 … — also the document's `version`
    policy_id: Mapped[str] = mapped_column(sa.String(64))  # the document's `id`
    document: Mapped[dict] = mapped_column(sa.JSON)  # the validated document, word lists by name
    word_lists: Mapped[dict] = mapped_column(sa.JSON)  # {name: the list's text}
    checksum: Mapped[str] = mapped_column(sa.String(64))  # SHA-256 of document + word lists
    note: Mapped[str] = mapped_column(sa.Text)
    source: Mapped[str] = mapped_column(sa.String(16))  # seed | publish | import
    created_by_id: Mapped[int | None] = mapped_column()  # no FK: history outlives accounts
    created_by_email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)


class PolicyState(db.Model):
    """The one row naming the active version (id STATE_ROW)."""

    __tablename__ = "policy_state"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    active_version_id: Mapped[int] = mapped_column(sa.ForeignKey("policy_version.id"))
    changed_at: Mapped[datetime] = mapped_column(sa.DateTime)

    active_version: Mapped[PolicyVersion] = relationship(lazy="joined")


class PolicyDraft(db.Model):
    __tablename__ = "policy_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120))
    base_version_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("policy_version.id", ondelete="SET NULL"), index=True)
    document: Mapped[dict] = mapped_column(sa.JSON)
    word_lists: Mapped[dict] = mapped_column(sa.JSON)
    revision: Mapped[int] = mapped_column(default=1)  # bumped on every edit
    created_by_id: Mapped[int | None] = mapped_column()
    created_by_email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime)

    base_version: Mapped[PolicyVersion | None] = relationship(lazy="joined")


class Backtest(db.Model):
    """A run of a candidate policy (a draft's snapshot) over stored comments, on the task queue."""

    __tablename__ = "policy_backtest"
    __table_args__ = (sa.Index("ix_policy_backtest_created", "created_at", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int | None] = mapped_column(sa.ForeignKey("policy_draft.id", ondelete="SET NULL"))
    draft_revision: Mapped[int | None] = mapped_column()
    candidate: Mapped[dict] = mapped_column(sa.JSON)  # {"document", "word_lists"} as they were
    active_version_id: Mapped[int] = mapped_column(sa.ForeignKey("policy_version.id"))
    scope: Mapped[dict] = mapped_column(sa.JSON)  # {"limit"} | {"since", "until"} | {"thread"}
    status: Mapped[str] = mapped_column(sa.String(16))
    total: Mapped[int] = mapped_column(default=0)
    processed: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict | None] = mapped_column(sa.JSON)
    error: Mapped[str | None] = mapped_column(sa.Text)
    created_by_id: Mapped[int | None] = mapped_column()
    created_by_email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    started_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(sa.DateTime)
