"""What the desk's pages read from the query string and the sign-in form.

GET forms send every field, empty ones included: empty values are dropped before loading, and a
query that does not validate falls back to the defaults with the errors shown on the page.
"""
from datetime import datetime, time

from flask import request
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from app.fields import AsciiInt, Email, Text
from app.moderator.schemas import In, Password, QueueQuery


class SignInForm(In):
    email = Email(required=True)
    password = Password(required=True)
    next = fields.String(load_default=None, validate=validate.Length(max=500))


class QueuePage(QueueQuery):
    pass


class DateStart(fields.Date):
    """A day from <input type=date>, as the datetime it starts (naive UTC)."""

    def _deserialize(self, value, attr, data, **kwargs):
        return datetime.combine(super()._deserialize(value, attr, data, **kwargs), time.min)


class AuditPage(Schema):
    actor = AsciiInt(minimum=1, maximum=2**31 - 1)
    comment = AsciiInt(minimum=1, maximum=2**31 - 1)
    action = Text(max_length=32)
    since = DateStart()
    until = DateStart()
    cursor = fields.String(load_default=None)


class ThreadSearch(Schema):
    q = Text(load_default=None, max_length=200)


def page_query(schema):
    """(values, errors): the query string loaded by `schema`, or its defaults and the errors."""
    data = {k: v for k, v in request.args.items() if v.strip()}
    try:
        return schema.load(data, unknown=EXCLUDE), {}
    except ValidationError as err:
        return schema.load({}, unknown=EXCLUDE), err.messages
