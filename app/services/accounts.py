"""Moderator accounts: passwords (Argon2id), bearer tokens and session records, account changes.

Secrets never leave this module except once, as the return value of `issue_token`; they are stored
as SHA-256 hashes and never logged. Every account change appends to the audit log.
"""
import hashlib
import logging
import secrets
from datetime import timedelta

import argon2
import sqlalchemy as sa
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from app.clock import now
from app.errors import Conflict, NotFound, ValidationFailed, WrongCredentials
from app.extensions import db
from app.models import ApiToken, AuditAction, Moderator, Role, TokenKind
from app.services import audit

log = logging.getLogger(__name__)
_hashers = {}


def _hasher():
    name = current_app.config["ARGON2_PROFILE"]
    if name not in _hashers:
        hasher = argon2.PasswordHasher.from_parameters(getattr(argon2.profiles, name))
        _hashers[name] = (hasher, hasher.hash(secrets.token_hex(16)))  # the dummy evens out timing
    return _hashers[name]


def hash_password(password):
    return _hasher()[0].hash(password)


def check_password_policy(password, field="password"):
    minimum = current_app.config["PASSWORD_MIN_LENGTH"]
    if not isinstance(password, str) or not minimum <= len(password) <= 256:
        raise ValidationFailed({field: [_("Use between %(min)s and 256 characters.", min=minimum)]})


def find_by_email(email):
    return db.session.scalar(sa.select(Moderator).where(Moderator.email == email.strip().lower()))


def authenticate(email, password):
    """The active account with this email and password, or WrongCredentials (same for every cause)."""
    hasher, dummy = _hasher()
    account = find_by_email(email)
    try:
        hasher.verify(account.password_hash if account else dummy, password)
    except (VerificationError, InvalidHashError):
        raise WrongCredentials() from None
    if account is None or not account.active:
        raise WrongCredentials()
    if hasher.check_needs_rehash(account.password_hash):
        account.password_hash = hasher.hash(password)
        db.session.commit()
    return account


def token_hash(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_token(account, kind=TokenKind.API):
    """A new random token for the account: (the token, its row). Only the hash is stored."""
    hours = current_app.config["TOKEN_HOURS" if kind == TokenKind.API else "SESSION_HOURS"]
    raw = secrets.token_urlsafe(32)
    stamp = now()
    row = ApiToken(token_hash=token_hash(raw), kind=str(kind), moderator_id=account.id,
                   created_at=stamp, expires_at=stamp + timedelta(hours=hours))
    db.session.add(row)
    audit.record(account, AuditAction.SIGN_IN if kind == TokenKind.SESSION else AuditAction.TOKEN_ISSUE,
                 detail={"expires_at": row.expires_at.isoformat()})
    db.session.commit()
    return raw, row


def resolve_token(raw, kind):
    """The active account a live (unexpired, unrevoked) token belongs to, else None."""
    if not raw:
        return None
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == token_hash(raw),
                                                      ApiToken.kind == str(kind)))
    if row is None or row.revoked_at is not None or row.expires_at <= now():
        return None
    return row.moderator if row.moderator.active else None


def revoke_token(raw, kind):
    """Revoke a token (sign-out, DELETE /auth/token); returns whether a live one was revoked."""
    row = db.session.scalar(sa.select(ApiToken).where(ApiToken.token_hash == token_hash(raw or ""),
                                                      ApiToken.kind == str(kind)))
    if row is None or row.revoked_at is not None:
        return False
    row.revoked_at = now()
    audit.record(row.moderator, AuditAction.SIGN_OUT if kind == TokenKind.SESSION
                 else AuditAction.TOKEN_REVOKE)
    db.session.commit()
    return True


def list_accounts():
    return db.session.scalars(sa.select(Moderator).order_by(Moderator.id)).all()


def create_account(actor, *, email, display_name, password, role=Role.MODERATOR):
    check_password_policy(password)
    stamp = now()
    account = Moderator(email=email.strip().lower(), display_name=display_name,
                        password_hash=hash_password(password), role=str(Role(role)), active=True,
                        created_at=stamp, updated_at=stamp)
    try:
        with db.session.begin_nested():
            db.session.add(account)
    except IntegrityError:
        raise Conflict(_("An account with this email already exists.")) from None
    audit.record(actor, AuditAction.ACCOUNT_CREATE, detail={
        "account_id": account.id, "email": account.email, "role": account.role})
    db.session.commit()
    return account


def _other_active_admins(account):
    return db.session.scalar(sa.select(sa.func.count()).select_from(Moderator).where(
        Moderator.role == Role.ADMIN, Moderator.active.is_(True), Moderator.id != account.id))


def update_account(actor, account_id, changes):
    """Apply {display_name, role, active, password} changes; the last active admin stays one."""
    account = db.session.get(Moderator, account_id)
    if account is None:
        raise NotFound(_("No such account."))
    demoting = ("role" in changes and changes["role"] != Role.ADMIN) or changes.get("active") is False
    if demoting and account.role == Role.ADMIN and account.active and not _other_active_admins(account):
        raise Conflict(_("The last active admin cannot be demoted or disabled."))
    if "password" in changes:
        check_password_policy(changes["password"])
        account.password_hash = hash_password(changes["password"])
    before = {"role": account.role, "active": account.active, "display_name": account.display_name}
    for field in ("display_name", "active"):
        if field in changes:
            setattr(account, field, changes[field])
    if "role" in changes and changes["role"] != account.role:
        account.role = str(Role(changes["role"]))
        audit.record(actor, AuditAction.ROLE_CHANGE, from_status=None, to_status=None,
                     detail={"account_id": account.id, "from": before["role"], "to": account.role})
    if changes.get("active") is False or "password" in changes:
        _revoke_all(account)  # a disabled account or a new password ends every session and token
    after = {"role": account.role, "active": account.active, "display_name": account.display_name}
    account.updated_at = now()
    audit.record(actor, AuditAction.ACCOUNT_UPDATE, detail={
        "account_id": account.id, "before": before, "after": after,
        "password_changed": "password" in changes})
    db.session.commit()
    return account


def _revoke_all(account):
    db.session.execute(sa.update(ApiToken).where(ApiToken.moderator_id == account.id,
                                                 ApiToken.revoked_at.is_(None))
                       .values(revoked_at=now()))


def ensure_first_admin(app):
    """Create the admin from MAJLIS_ADMIN_EMAIL/PASSWORD when no admin exists (idempotent).

    Safe with several workers: the unique email lets exactly one insert win. Skipped quietly while
    the migrations have not created the table yet (e.g. during `flask db upgrade` itself).
    """
    email, password = app.config.get("ADMIN_EMAIL"), app.config.get("ADMIN_PASSWORD")
    if not email or not password:
        return False
    with app.app_context():
        if not sa.inspect(db.engine).has_table("moderator"):
            return False
        try:
            if db.session.scalar(sa.select(sa.exists().where(Moderator.role == Role.ADMIN))):
                return False
            create_account(None, email=email, password=str(password), role=Role.ADMIN,
                           display_name=app.config.get("ADMIN_NAME") or email.split("@")[0])
            log.info("created the first admin account from MAJLIS_ADMIN_EMAIL")
            return True
        except Conflict:
            db.session.rollback()  # another worker won, or the email belongs to a non-admin
            return False
        except ValidationFailed:
            log.error("MAJLIS_ADMIN_PASSWORD is shorter than PASSWORD_MIN_LENGTH; no admin created")
            return False
        finally:
            db.session.remove()
