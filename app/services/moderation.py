"""Moderators' work on comments: decide (single and bulk), edit-then-approve, claim and release.

Two moderators deciding one comment at the same moment: exactly one wins. Each change first runs a
conditional UPDATE … WHERE id = ? AND status = <the status this moderator saw>; when another
transaction changed the status first the update matches no row (on PostgreSQL it waits for the other
transaction's row lock, then re-checks) and the loser gets 409. The status itself then moves only
through services.comments.change_status, which keeps the thread's approved count.
"""
from datetime import timedelta
from enum import StrEnum

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from app import sanitize
from app.clock import now
from app.errors import Conflict, DomainError, NotFound, ValidationFailed
from app.extensions import db
from app.models import AuditAction, Comment, CommentClaim, Role, Status
from app.services import audit, policy_runtime
from app.services.comments import change_status, fingerprint

# The seed's commenting terms; the active policy may add more.
SEED_CATEGORIES = ("insult", "author_offense", "person_offense", "sacred_offense", "religion_attack",
                   "blasphemy", "sectarian_incitement", "racist_incitement", "spam")


class Action(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    SPAM = "spam"
    RESTORE = "restore"  # back to the queue (pending) from rejected, spam or deleted


TARGET = {Action.APPROVE: Status.APPROVED, Action.REJECT: Status.REJECTED, Action.SPAM: Status.SPAM,
          Action.RESTORE: Status.PENDING}
ALLOWED_FROM = {
    Action.APPROVE: {Status.PENDING, Status.REPORTED, Status.REJECTED, Status.SPAM},
    Action.REJECT: {Status.PENDING, Status.REPORTED, Status.APPROVED, Status.SPAM},
    Action.SPAM: {Status.PENDING, Status.REPORTED, Status.APPROVED, Status.REJECTED},
    Action.RESTORE: {Status.REJECTED, Status.SPAM, Status.DELETED},
}


def categories():
    try:
        extra = tuple(policy_runtime.active_policy().categories)
    except Exception:  # noqa: BLE001 — a broken policy file must not block moderation
        extra = ()
    return tuple(dict.fromkeys(SEED_CATEGORIES + extra))


def check_category(action, category):
    if category is not None and category not in categories():
        raise ValidationFailed({"category": [_("Not one of the commenting terms.")]})
    if action == Action.REJECT and not category:
        raise ValidationFailed({"category": [_("Say which commenting term the comment breaks.")]})


def get_comment(comment_id):
    comment = db.session.get(Comment, comment_id)
    if comment is None:
        raise NotFound(_("No such comment."))
    return comment


def live_claim(comment_id):
    claim = db.session.get(CommentClaim, comment_id)
    return claim if claim is not None and claim.claimed_until > now() else None


def _check_not_held(actor, comment):
    claim = live_claim(comment.id)
    if claim is not None and claim.moderator_id != actor.id:
        raise Conflict(_("%(name)s is handling this comment until %(until)s.",
                         name=claim.moderator.display_name, until=claim.claimed_until.strftime("%H:%M")),
                       claimed_by=claim.moderator.display_name)


def _guard(comment, seen_status):
    """The conditional update that lets exactly one of two racing moderators through."""
    result = db.session.execute(
        sa.update(Comment).where(Comment.id == comment.id, Comment.status == seen_status)
        .values(updated_at=now()).execution_options(synchronize_session=False))
    if result.rowcount != 1:
        db.session.rollback()
        raise Conflict(_("Another moderator changed this comment first; reload it."))


def _transition(actor, comment, action, category, note, expected_status):
    old = comment.status
    if expected_status is not None and expected_status != old:
        raise Conflict(_("The comment is now %(status)s; reload it.", status=old), status_now=old)
    if old not in ALLOWED_FROM[action]:
        raise Conflict(_("Cannot %(action)s a comment that is %(status)s.", action=action, status=old),
                       status_now=old)
    _guard(comment, old)
    change_status(comment, TARGET[action])
    audit.record(actor, action, comment=comment, from_status=old, to_status=comment.status,
                 category=category, note=note)


def decide(actor, comment_id, action, *, category=None, note=None, expected_status=None):
    action = Action(action)
    if action == Action.SPAM and category is None:
        category = "spam"
    check_category(action, category)
    comment = get_comment(comment_id)
    _check_not_held(actor, comment)
    _transition(actor, comment, action, category, note, expected_status)
    db.session.execute(sa.delete(CommentClaim).where(CommentClaim.comment_id == comment.id))
    db.session.commit()
    return comment


def decide_many(actor, ids, action, *, category=None, note=None):
    """Decide each id in its own transaction: [{"id", "status"} or {"id", "error": problem}]."""
    action = Action(action)
    check_category(action, category if action != Action.SPAM else category or "spam")
    results = []
    for comment_id in dict.fromkeys(ids):
        try:
            comment = decide(actor, comment_id, action, category=category, note=note)
        except DomainError as err:
            db.session.rollback()
            results.append({"id": comment_id, "error": {
                "status": err.status, "title": str(err.title), "detail": str(err.detail or "")}})
        else:
            results.append({"id": comment_id, "status": comment.status})
    return results


def edit(actor, comment_id, body, *, note=None, approve=True, expected_status=None):
    """Replace the body (the original stays in the audit entry), then approve unless told not to."""
    comment = get_comment(comment_id)
    _check_not_held(actor, comment)
    if comment.status == Status.DELETED:
        raise Conflict(_("Cannot %(action)s a comment that is %(status)s.", action="edit",
                         status=comment.status))
    before = {"body": comment.body, "body_html": comment.body_html}
    seen = comment.status
    if approve and comment.status != Status.APPROVED:
        _transition(actor, comment, Action.APPROVE, None, note, expected_status)
    else:
        if expected_status is not None and expected_status != seen:
            raise Conflict(_("The comment is now %(status)s; reload it.", status=seen), status_now=seen)
        _guard(comment, seen)
    comment.body, comment.body_html = body, sanitize.clean(body)
    comment.body_fingerprint, comment.edited_at = fingerprint(body), now()
    audit.record(actor, AuditAction.EDIT, comment=comment, from_status=seen, to_status=comment.status,
                 note=note, detail={"before": before, "after": {"body": comment.body}})
    db.session.execute(sa.delete(CommentClaim).where(CommentClaim.comment_id == comment.id))
    db.session.commit()
    return comment


def claim(actor, comment_id):
    """Hold a comment for CLAIM_MINUTES; 409 while someone else holds it."""
    comment = get_comment(comment_id)
    stamp = now()
    until = stamp + timedelta(minutes=current_app.config["CLAIM_MINUTES"])
    existing = db.session.get(CommentClaim, comment.id)
    if existing is None:
        try:
            with db.session.begin_nested():
                db.session.add(CommentClaim(comment_id=comment.id, moderator_id=actor.id,
                                            claimed_at=stamp, claimed_until=until))
        except IntegrityError:
            db.session.rollback()
            _check_not_held(actor, comment)
            raise Conflict(_("Another moderator changed this comment first; reload it.")) from None
    else:
        _check_not_held(actor, comment)
        result = db.session.execute(
            sa.update(CommentClaim).where(
                CommentClaim.comment_id == comment.id,
                sa.or_(CommentClaim.moderator_id == actor.id, CommentClaim.claimed_until <= stamp))
            .values(moderator_id=actor.id, claimed_at=stamp, claimed_until=until)
            .execution_options(synchronize_session=False))
        if result.rowcount != 1:
            db.session.rollback()
            raise Conflict(_("Another moderator changed this comment first; reload it."))
        db.session.expire(existing)
    audit.record(actor, AuditAction.CLAIM, comment=comment, detail={"until": until.isoformat()})
    db.session.commit()
    return comment


def release(actor, comment_id):
    """Give a claim back; an admin may release anyone's (a stuck claim)."""
    comment = get_comment(comment_id)
    held = live_claim(comment.id)
    if held is not None and held.moderator_id != actor.id and not actor.has_role(Role.ADMIN):
        _check_not_held(actor, comment)
    deleted = db.session.execute(sa.delete(CommentClaim).where(CommentClaim.comment_id == comment.id))
    if deleted.rowcount:
        audit.record(actor, AuditAction.RELEASE, comment=comment,
                     detail={"held_by": held.moderator_id} if held is not None else None)
    db.session.commit()
    return comment
