"""An author edits or deletes their own comment, with its edit token, within the edit window.

An edit goes through the policy again, as a new comment would: the text is re-sanitized and
re-evaluated. A clean edit keeps the comment published (or leaves a held one waiting when the site
pre-moderates); an edit a rule holds takes the comment back to the queue; an edit a rule rejects is
refused (422 with the broken terms) and the comment stays as it was. A comment a moderator has
already decided against (rejected, spam, deleted) cannot be changed. Deleting is soft.
"""
from datetime import timedelta

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app import sanitize
from app.clock import now
from app.errors import DomainError, PolicyViolation
from app.extensions import db
from app.models import Status
from app.services import comments, policy_runtime

EDITABLE = (Status.APPROVED, Status.PENDING, Status.REPORTED)


class EditWindowClosed(DomainError):
    status = 403
    slug = "edit-window-closed"
    title = _l("Too late to change this comment")

    def __init__(self, minutes):
        super().__init__(detail=_("Comments can be edited or deleted only for %(minutes)s minutes after "
                                  "posting.", minutes=minutes))


class CommentLocked(DomainError):
    status = 409
    slug = "comment-locked"
    title = _l("This comment can no longer be changed")
    detail = _l("This comment can no longer be changed.")


def editable_until(comment):
    return comment.created_at + timedelta(minutes=current_app.config["EDIT_WINDOW_MINUTES"])


def _own_editable(comment_id, token):
    comment = comments.own_comment(comment_id, token)
    if comment.status not in EDITABLE:
        raise CommentLocked()
    if now() >= editable_until(comment):
        raise EditWindowClosed(current_app.config["EDIT_WINDOW_MINUTES"])
    return comment


def _status_after_edit(comment, outcome):
    if outcome == "hold":
        return Status.PENDING
    if comment.status == Status.REPORTED:  # readers' reports stay for the moderators to see
        return Status.REPORTED
    if current_app.config["MODERATION"] == "pre" and comment.status == Status.PENDING:
        return Status.PENDING
    return Status.APPROVED


def edit_comment(comment_id, token, data):
    """Apply an edit (body, and optionally name and website); returns the comment."""
    comment = _own_editable(comment_id, token)
    body = data["body"]
    name = data.get("name") or comment.name
    website = data.get("website", comment.website)
    decision = policy_runtime.decide(body, name, website)
    outcome = str(decision.outcome)
    if outcome == "reject":
        db.session.rollback()
        violations = comments.violations_for(decision)
        raise PolicyViolation(violations, detail=_("Your comment breaks the commenting terms: %(terms)s",
                                                    terms="، ".join(v["term"] for v in violations)))
    stamp = now()
    comment.body, comment.name, comment.website = body, name, website
    comment.body_html = sanitize.clean(body)
    comment.body_fingerprint = comments.fingerprint(body)
    comment.decision = decision.to_dict()
    comment.edited_at = stamp
    comments.change_status(comment, _status_after_edit(comment, outcome))
    comment.updated_at = stamp
    db.session.commit()
    return comment


def delete_comment(comment_id, token):
    """Soft-delete: the comment leaves the page and the counts; replies to it stay."""
    comment = _own_editable(comment_id, token)
    comments.change_status(comment, Status.DELETED)
    comment.updated_at = now()
    db.session.commit()
