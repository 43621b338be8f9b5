"""Moderator accounts, their tokens (API bearer tokens and sign-in sessions) and sign-in throttling.

Roles and token kinds are StrEnums stored as strings. Secrets are stored only as SHA-256 hashes and
passwords only as Argon2id hashes.
"""
from datetime import datetime
from enum import StrEnum

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db


class Role(StrEnum):
    MODERATOR = "moderator"  # the queue
    EDITOR = "editor"  # the queue and the policies
    ADMIN = "admin"  # everything, accounts included


ROLE_RANK = {Role.MODERATOR: 1, Role.EDITOR: 2, Role.ADMIN: 3}


class TokenKind(StrEnum):
    API = "api"  # a bearer token from POST /api/v1/auth/token
    SESSION = "session"  # the server side of a signed-in browser session


class Moderator(db.Model):
    __tablename__ = "moderator"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254), unique=True)  # stored lower-cased
    display_name: Mapped[str] = mapped_column(sa.String(120))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(16))
    active: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime)

    # Flask-Login's user interface (UserMixin's is_active would always be True).
    is_authenticated = True
    is_anonymous = False

    @property
    def is_active(self):
        return self.active

    def get_id(self):
        return str(self.id)

    def has_role(self, minimum):
        return ROLE_RANK.get(Role(self.role), 0) >= ROLE_RANK[Role(minimum)]

    def __repr__(self):  # never the password hash
        return f"<Moderator {self.id} {self.role}>"


class ApiToken(db.Model):
    __tablename__ = "api_token"
    __table_args__ = (sa.Index("ix_api_token_moderator", "moderator_id", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)  # SHA-256, never the token
    kind: Mapped[str] = mapped_column(sa.String(16))
    moderator_id: Mapped[int] = mapped_column(sa.ForeignKey("moderator.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime)
    expires_at: Mapped[datetime] = mapped_column(sa.DateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(sa.DateTime)

    moderator: Mapped[Moderator] = relationship(lazy="joined")


class SignInThrottle(db.Model):
    """Failed sign-ins per key (a keyed hash of an email or an IP): the next attempt waits longer."""

    __tablename__ = "signin_throttle"

    key: Mapped[str] = mapped_column(sa.String(80), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime] = mapped_column(sa.DateTime)
