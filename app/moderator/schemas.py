"""Schemas of the moderators' API: what comes in, and the allow-listed views that go out.

A moderator's view of a comment is the public view plus what a decision needs; an account's view
never includes its password hash.
"""
from datetime import UTC

from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, post_load, validate

from app.clock import iso
from app.fields import AsciiInt, Email, Text
from app.models import AUDIT_ACTIONS, Role
from app.services.moderation import Action
from app.services.queue import QUEUE_STATUSES
from app.widget.schemas import CommentOut, ThreadOut

STATUSES = ["approved", "pending", "reported", "rejected", "spam", "deleted"]


def one_of(choices):
    return validate.OneOf([str(c) for c in choices], error=_l("Must be one of: {choices}."))


class UtcDateTime(fields.DateTime):
    """An ISO date or date-time; aware values are converted to naive UTC (how columns store it)."""

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo else value


class Password(fields.String):
    def __init__(self, **kw):
        super().__init__(load_only=True, validate=validate.Length(
            min=1, max=256, error=_l("Use between {min} and {max} characters.")), **kw)


class In(Schema):
    """A request body; a form may carry its CSRF token as a field (checked by app.auth, dropped here)."""

    csrf_token = fields.String(load_only=True)

    @post_load
    def drop_csrf_token(self, data, **_kw):
        data.pop("csrf_token", None)
        return data


class SignInIn(In):
    email = Email(required=True)
    password = Password(required=True)


class TokenOut(Schema):
    token = fields.String()
    expires_at = fields.Function(lambda t: iso(t["expires_at"]))


class AccountOut(Schema):
    id = fields.Integer()
    email = fields.String()
    display_name = fields.String()
    role = fields.String()
    active = fields.Boolean()
    created_at = fields.Function(lambda a: iso(a.created_at))


class AccountIn(In):
    email = Email(required=True)
    display_name = Text(required=True, max_length=120, allow_bidi=False)
    password = Password(required=True)
    role = fields.String(load_default=str(Role.MODERATOR), validate=one_of(Role))


class AccountPatch(In):
    display_name = Text(max_length=120, allow_bidi=False)
    password = Password()
    role = fields.String(validate=one_of(Role))
    active = fields.Boolean()


class QueueQuery(Schema):
    status = fields.String(load_default="pending", validate=one_of(QUEUE_STATUSES))
    category = Text(max_length=64)
    rule = Text(max_length=100)
    thread = Text(max_length=200)
    email = Email()
    since = UtcDateTime()
    until = UtcDateTime()
    sort = fields.String(load_default="oldest", validate=one_of(["severity", "oldest", "newest"]))
    cursor = fields.String(load_default=None)
    limit = AsciiInt(load_default=25, minimum=1, maximum=100)


class DecisionIn(In):
    action = fields.String(required=True, validate=one_of(Action))
    category = Text(load_default=None, allow_none=True, max_length=64)
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)
    expected_status = fields.String(load_default=None, allow_none=True, validate=one_of(STATUSES))


class BulkDecisionIn(In):
    ids = fields.List(AsciiInt(minimum=1, maximum=2**63 - 1), required=True, validate=validate.Length(
        min=1, max=100, error=_l("Give between {min} and {max} ids.")))
    action = fields.String(required=True, validate=one_of(Action))
    category = Text(load_default=None, allow_none=True, max_length=64)
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)


class EditIn(In):
    body = Text(required=True, max_length=20000, configured_max="BODY_MAX_CHARS", allow_newlines=True)
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)
    approve = fields.Boolean(load_default=True)
    expected_status = fields.String(load_default=None, allow_none=True, validate=one_of(STATUSES))


class AuditQuery(Schema):
    actor = AsciiInt(minimum=1, maximum=2**63 - 1)
    comment = AsciiInt(minimum=1, maximum=2**63 - 1)
    action = fields.String(validate=one_of(AUDIT_ACTIONS))
    since = UtcDateTime()
    until = UtcDateTime()
    cursor = fields.String(load_default=None)
    limit = AsciiInt(load_default=50, minimum=1, maximum=200)


class AuditOut(Schema):
    id = fields.Integer()
    created_at = fields.Function(lambda e: iso(e.created_at))
    actor = fields.Function(lambda e: None if e.actor_id is None and e.actor_email is None
                            else {"id": e.actor_id, "email": e.actor_email})
    action = fields.String()
    comment_id = fields.Integer(allow_none=True)
    from_status = fields.String(allow_none=True)
    to_status = fields.String(allow_none=True)
    category = fields.String(allow_none=True)
    note = fields.String(allow_none=True)
    detail = fields.Raw(allow_none=True)


class ModeratorCommentOut(CommentOut):
    email = fields.String()
    body = fields.String()
    status = fields.String()
    decision = fields.Raw(allow_none=True)
    thread = fields.Nested(ThreadOut)


comment_out, audit_out = ModeratorCommentOut(), AuditOut()


def recent_view(entry):
    """One line of an author's history (a plain dict: 125 of them on a queue page, where a schema's
    dump cost most of the view)."""
    return {"id": entry.id, "thread": entry.thread_key, "status": entry.status,
            "created_at": iso(entry.created_at), "body": entry.body}


def moderator_view(item):
    """One queue item: the comment as a moderator sees it, with its context."""
    view = comment_out.dump(item.comment)
    history = dict(item.history)
    history["recent"] = [recent_view(entry) for entry in history.get("recent", [])]
    claim = item.claim
    view.update(
        parent=None if item.parent is None else {
            "id": item.parent.id, "name": item.parent.name, "status": item.parent.status,
            "body_html": item.parent.body_html},
        author_history=history,
        claimed_by=None if claim is None else {
            "id": claim.moderator_id, "display_name": claim.moderator.display_name,
            "until": iso(claim.claimed_until)},
        audit=audit_out.dump(item.audit, many=True),
    )
    return view
