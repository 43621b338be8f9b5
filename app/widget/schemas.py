"""Schemas of the public comment API: what comes in, and the allow-listed view that goes out."""
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, fields, validate

from app.clock import iso
from app.fields import AsciiInt, Email, FormBoolean, Text, WebUrl
from app.services import avatars

HONEYPOT_FIELD = "homepage"


class CommentIn(Schema):
    name = Text(required=True, max_length=245, allow_bidi=False,
                metadata={"description": "Display name (required, 1–245 characters)."})
    email = Email(required=True, metadata={"description": "Never published."})
    website = WebUrl(load_default=None, metadata={"description": "Optional http(s) address."})
    body = Text(required=True, max_length=20000, configured_max="BODY_MAX_CHARS", allow_newlines=True,
                metadata={"description": "The comment (1–5,000 characters by default)."})
    parent_id = AsciiInt(load_default=None, allow_none=True, blank_is_none=True, minimum=1,
                         maximum=2**31 - 1, metadata={"description": "An approved comment to reply to."})
    remember = FormBoolean(load_default=False)
    thread_url = WebUrl(load_default=None, metadata={
        "description": "The article's URL; kept only when its origin is an allowed origin."})
    thread_title = Text(load_default=None, min_length=0, max_length=300)
    redirect = Text(load_default=None, min_length=0, max_length=2000, metadata={
        "description": "No-JavaScript form: the article URL to return to (allowed origins only)."})
    homepage = Text(load_default="", min_length=0, max_length=200, data_key=HONEYPOT_FIELD, metadata={
        "description": "Leave empty (a trap for bots)."})


class CommentEditIn(Schema):
    """An author's edit within the window; it goes through the policy again."""

    body = Text(required=True, max_length=20000, configured_max="BODY_MAX_CHARS", allow_newlines=True)
    name = Text(max_length=245, allow_bidi=False)
    website = WebUrl(allow_none=True)


class ReportIn(Schema):
    reason = Text(required=True, max_length=500, allow_newlines=True, allow_bidi=False,
                  metadata={"description": "Why this comment should be looked at again (1–500 characters)."})


class CommentOut(Schema):
    """The public view: allow-listed, so a new column never leaks by accident."""

    id = fields.Integer()
    parent_id = fields.Integer(allow_none=True)
    depth = fields.Integer()
    name = fields.String()
    website = fields.String(allow_none=True)
    avatar = fields.Function(lambda c: avatars.url_for_email(c.email), metadata={
        "description": "Generated from a keyed hash, never the email."})
    body_html = fields.String()
    created_at = fields.Function(lambda c: iso(c.created_at), metadata={"format": "date-time"})
    edited_at = fields.Function(lambda c: iso(c.edited_at), allow_none=True)


class OwnCommentOut(CommentOut):
    status = fields.String(metadata={"enum": ["approved", "pending", "rejected", "deleted"]})


class SubmitOut(Schema):
    comment = fields.Nested(OwnCommentOut)
    edit_token = fields.String(metadata={"description": "Send back in the X-Edit-Token header."})


class ThreadOut(Schema):
    key = fields.String()
    title = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    closed = fields.Boolean()
    comment_count = fields.Integer()


class CommentPage(Schema):
    thread = fields.Nested(ThreadOut)
    comments = fields.List(fields.Nested(CommentOut))
    next_cursor = fields.String(allow_none=True)


class ListQuery(Schema):
    limit = AsciiInt(load_default=50, minimum=1, maximum=100)
    cursor = fields.String(load_default=None)
    order = fields.String(load_default="oldest", validate=validate.OneOf(
        ["oldest", "newest"], error=_l("Must be one of: {choices}.")))


class CountsQuery(Schema):
    thread = fields.List(fields.String(), required=True, validate=validate.Length(
        min=1, max=100, error=_l("Give between {min} and {max} thread keys.")))
