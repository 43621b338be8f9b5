"""A reader's data: export everything stored about an email, or erase it.

Comments are found by the keyed hash of the email (the same hash the history and limits use), so an
address typed with other capitals or spaces is found too. Erasing anonymizes name, email and website
of every comment, drops the IP hash, user agent and edit token, and removes the text too when
PRIVACY_ERASE_BODY is on (or the command says so); evidence in stored decisions that quotes the
erased fields is blanked. One audit entry records the erasure, without the address itself.
"""
import hashlib

import sqlalchemy as sa

from app.client import email_hash, keyed_hash
from app.clock import iso, now
from app.extensions import db
from app.models import AuditAction, AuditEntry, Comment, Moderator, SignInThrottle
from app.services import audit

ERASED_NAME = "—"
ERASED_BODY = ""


def _comments(email):
    return db.session.scalars(sa.select(Comment).where(Comment.email_hash == email_hash(email))
                              .order_by(Comment.created_at, Comment.id)).all()


def _comment_dict(c):
    return {"id": c.id, "thread": c.thread.key, "parent_id": c.parent_id, "name": c.name,
            "email": c.email, "website": c.website, "body": c.body, "body_html": c.body_html,
            "status": c.status, "created_at": iso(c.created_at), "updated_at": iso(c.updated_at),
            "edited_at": iso(c.edited_at), "ip_hash": c.ip_hash, "user_agent": c.user_agent,
            "decision": c.decision}


def _audit_dict(e):
    return {"id": e.id, "created_at": iso(e.created_at), "actor_email": e.actor_email,
            "action": e.action, "comment_id": e.comment_id, "from_status": e.from_status,
            "to_status": e.to_status, "category": e.category, "note": e.note}


def export(email):
    """Everything stored about `email`, as a JSON-ready dict."""
    comments = _comments(email)
    ids = [c.id for c in comments]
    entries = db.session.scalars(sa.select(AuditEntry).where(
        AuditEntry.comment_id.in_(ids)).order_by(AuditEntry.created_at, AuditEntry.id)).all() if ids else []
    account = db.session.scalar(sa.select(Moderator).where(Moderator.email == email.strip().lower()))
    out = {"email": email.strip(), "exported_at": iso(now()),
           "comments": [_comment_dict(c) for c in comments],
           "moderation_history": [_audit_dict(e) for e in entries],
           "moderator_account": None}
    if account is not None:
        out["moderator_account"] = {
            "email": account.email, "display_name": account.display_name, "role": account.role,
            "active": account.active, "created_at": iso(account.created_at),
            "actions": [_audit_dict(e) for e in db.session.scalars(sa.select(AuditEntry).where(
                AuditEntry.actor_id == account.id).order_by(AuditEntry.created_at, AuditEntry.id))]}
    throttle = db.session.get(SignInThrottle, "acct:" + keyed_hash(email.strip().lower(), "signin"))
    if throttle is not None:
        out["sign_in_failures"] = {"failures": throttle.failures, "last_failure_at": iso(throttle.last_failure_at)}
    return out


def _blank_evidence(decision, fields):
    if not isinstance(decision, dict):
        return decision
    hits = []
    for hit in decision.get("hits") or []:
        hit = dict(hit)
        if hit.get("field") in fields:
            hit["text"] = hit["term"] = ""  # the evidence quoted what was erased
        hits.append(hit)
    return dict(decision, hits=hits)


def erase(email, remove_text=None):
    """Anonymize every comment of `email`; returns {"comments": n, "text_removed": bool}."""
    from flask import current_app

    if remove_text is None:
        remove_text = bool(current_app.config.get("PRIVACY_ERASE_BODY", False))
    comments = _comments(email)
    blanked = {"name", "website", "homepage", "email"} | ({"body"} if remove_text else set())
    stamp = now()
    for c in comments:
        placeholder = f"erased-{c.id}@invalid"
        c.name, c.email, c.website = ERASED_NAME, placeholder, None
        c.email_hash = keyed_hash(placeholder, "email")  # no longer links to the author's history
        c.ip_hash = c.user_agent = c.edit_token_hash = None
        if remove_text:
            c.body = c.body_html = ERASED_BODY
            c.body_fingerprint = hashlib.sha256(placeholder.encode()).hexdigest()
        c.decision = _blank_evidence(c.decision, blanked)
        c.updated_at = stamp
    db.session.execute(sa.delete(SignInThrottle).where(
        SignInThrottle.key == "acct:" + keyed_hash(email.strip().lower(), "signin")))
    result = {"comments": len(comments), "text_removed": bool(remove_text)}
    audit.record(None, AuditAction.PRIVACY_ERASE, note="flask privacy erase",
                 detail=dict(result, comment_ids=[c.id for c in comments]))
    db.session.commit()
    return result
