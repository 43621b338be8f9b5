"""Author trust, bans and pre-moderation: the screen every new comment passes after the rule engine.

`screen` may only make the outcome stricter, except in one case: a trusted author's comment that
nothing but scored rules held is published. Trust never overrides a reject rule, a hold rule, a rule
that failed, or pre-moderation. An email address proves nothing (anyone can type anyone's address),
so trust is a convenience for moderators, not an identity check.

Bans match a keyed hash of the email or of the IP; a banned author's comments are stored as rejected
with a "banned" mark in the decision, and the author is told that comments are not accepted.
"""
import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from app.clock import now
from app.errors import AuthorBanned, NotFound, ValidationFailed
from app.extensions import db
from app.models import AuditAction, Ban, BanKind, Comment, Status
from app.services import audit, settings, thread_controls, webhooks

MARKS = "trust"  # the key of the decision's list of marks ({"mark": …}) for moderators


def active_ban(email_hash, ip_hash):
    """The first ban in force for this email hash or IP hash, or None."""
    stamp = now()
    keys = [sa.and_(Ban.kind == BanKind.EMAIL, Ban.value_hash == email_hash)]
    if ip_hash:
        keys.append(sa.and_(Ban.kind == BanKind.IP, Ban.value_hash == ip_hash))
    return db.session.scalar(sa.select(Ban).where(
        sa.or_(*keys), Ban.lifted_at.is_(None), sa.or_(Ban.expires_at.is_(None), Ban.expires_at > stamp))
        .order_by(Ban.id).limit(1))


def history(email_hash):
    """{status: n} of an author's earlier comments."""
    rows = db.session.execute(sa.select(Comment.status, sa.func.count()).where(
        Comment.email_hash == email_hash).group_by(Comment.status))
    return dict(rows.all())


def _only_scored(decision):
    hits = decision.get("hits", [])
    return bool(hits) and all("score" in h and h.get("score") is not None and not h.get("error") for h in hits)


def _premoderated(thread):
    if current_app.config["MODERATION"] == "pre" or settings.get("site_premoderation"):
        return "site"
    return "thread" if thread_controls.premoderated(thread) else None


def screen(thread, data, decision, status, *, ip_hash=None, email_hash):
    """(decision, status) after bans, pre-moderation and author trust; see the module docstring."""
    thread_controls.check_open(thread)  # auto-close by age
    if status == Status.SPAM:
        return decision, status
    shaped = decision if isinstance(decision, dict) else decision.to_dict()
    marks = []
    ban = active_ban(email_hash, ip_hash)
    scope = _premoderated(thread)
    if ban is not None:
        marks.append({"mark": "banned", "ban": ban.id, "kind": ban.kind})
        status = Status.REJECTED
    elif status == Status.REJECTED:
        return decision, status  # a reject rule always applies
    elif scope and status == Status.APPROVED:
        marks.append({"mark": "premoderation", "scope": scope})
        status = Status.PENDING
    elif not scope and status == Status.PENDING and shaped.get("outcome") == "hold" and _only_scored(shaped):
        needed = settings.get("trust_auto_approve_after")
        past = history(email_hash) if needed else {}
        if needed and past.get(Status.APPROVED, 0) >= needed and not (
                past.get(Status.REJECTED) or past.get(Status.SPAM)):
            marks.append({"mark": "trusted_author", "approved": past[Status.APPROVED]})
            status = Status.APPROVED
    elif status == Status.APPROVED and settings.get("trust_hold_first_comment") and not history(
            email_hash).get(Status.APPROVED):
        marks.append({"mark": "first_comment"})
        status = Status.PENDING
    if not marks:
        return decision, status
    shaped = dict(shaped)
    shaped[MARKS] = marks
    return shaped, status


def after_submit(comment):
    """After the comment is stored: refuse a banned author; tell the webhook about a held comment."""
    if any(m.get("mark") == "banned" for m in (comment.decision or {}).get(MARKS, [])):
        raise AuthorBanned()
    if comment.status == Status.PENDING:
        webhooks.notify("comment.held", comment)


# Bans (editors)

def create_ban(actor, *, kind, email=None, ip_hash=None, comment_id=None, reason=None, expires_at=None):
    from app.client import email_hash as hash_email

    kind = BanKind(kind)
    comment = db.session.get(Comment, comment_id) if comment_id else None
    if comment_id and comment is None:
        raise NotFound(_("No such comment."))
    if kind == BanKind.EMAIL:
        address = email or (comment.email if comment else None)
        if not address:
            raise ValidationFailed({"email": [_("Give an email address or a comment.")]})
        value, label = hash_email(address), address.strip().lower()
    else:
        value = ip_hash or (comment.ip_hash if comment else None)
        if not value:
            raise ValidationFailed({"ip_hash": [_("Give an IP hash or a comment.")]})
        label = _("IP of comment %(id)s", id=comment.id) if comment else value[:12] + "…"
    if expires_at is not None and expires_at <= now():
        raise ValidationFailed({"expires_at": [_("Must be in the future.")]})
    ban = Ban(kind=kind, value_hash=value, label=label, reason=reason, created_at=now(),
              created_by=actor.id if actor else None, expires_at=expires_at)
    db.session.add(ban)
    db.session.flush()
    audit.record(actor, AuditAction.BAN_CREATE, comment=comment, note=reason,
                 detail={"ban": ban.id, "kind": str(kind), "label": label,
                         "expires_at": expires_at.isoformat() if expires_at else None})
    db.session.commit()
    return ban


def lift_ban(actor, ban_id):
    ban = db.session.get(Ban, ban_id)
    if ban is None:
        raise NotFound(_("No such ban."))
    if ban.lifted_at is None:
        ban.lifted_at, ban.lifted_by = now(), actor.id if actor else None
        audit.record(actor, AuditAction.BAN_LIFT, detail={"ban": ban.id, "kind": ban.kind, "label": ban.label})
        db.session.commit()
    return ban


def list_bans(include_inactive=False):
    query = sa.select(Ban).order_by(Ban.created_at.desc(), Ban.id.desc()).limit(200)
    if not include_inactive:
        stamp = now()
        query = query.where(Ban.lifted_at.is_(None), sa.or_(Ban.expires_at.is_(None), Ban.expires_at > stamp))
    return db.session.scalars(query).all()
