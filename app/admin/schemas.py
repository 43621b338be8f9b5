"""Schemas of the policy editor's API: requests in, allow-listed views out.

Rule bodies carry the policy format's own keys (policies/README.md); their content is checked by
the rule engine when the draft is validated, so here they are only named (an unknown key is 422).
"""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from app.clock import iso
from app.fields import AsciiInt, FormBoolean, Text
from app.moderator.schemas import In, UtcDateTime

RULE_KEYS = ("id", "category", "type", "fields", "action", "score", "enabled", "description", "examples",
             "lexicons", "targets", "window", "pattern", "min_links", "kinds", "max_repeat", "max_caps_ratio",
             "min_length", "max_char_run")
LIST_NAME = validate.Regexp(r"^[a-z0-9_.-]{1,64}$", error=_l("Use 1 to 64 lowercase letters, digits, _ . -"))
Revision = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
Number = fields.Float(required=True, allow_nan=False)


def _one_of_draft_or_version(data):
    if data.get("draft") is not None and data.get("version") is not None:
        raise ValidationError(_("Give a draft or a version, not both."), "draft")


class TestIn(In):
    text = Text(required=True, max_length=20000, allow_newlines=True)
    name = Text(load_default="", min_length=0, max_length=245)
    website = Text(load_default="", min_length=0, max_length=200)
    version = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
    draft = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)

    @validates_schema
    def one_source(self, data, **_kw):
        _one_of_draft_or_version(data)


class PublishIn(In):
    note = Text(required=True, max_length=2000, allow_newlines=True)
    draft = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
    force = FormBoolean(load_default=False)


class RollbackIn(In):
    version = AsciiInt(required=True, minimum=1, maximum=2**31 - 1)
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=2000, allow_newlines=True)


class DraftIn(In):
    name = Text(load_default=None, allow_none=True, max_length=120)
    from_version = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)


class DraftPatch(In):
    name = Text(required=True, max_length=120)
    revision = Revision


def _rule_fields(required):
    out = {key: fields.Raw(allow_none=not required) for key in RULE_KEYS}
    if required:
        for key in ("id", "category", "type", "description", "examples"):
            out[key] = fields.Raw(required=True)
    return out


RuleIn = type("RuleIn", (In,), {**_rule_fields(True), "position": AsciiInt(minimum=0, maximum=10000,
                                                                               load_default=None),
                                "revision": Revision})
RulePatch = type("RulePatch", (In,), {**_rule_fields(False), "revision": Revision})


class MoveIn(In):
    position = AsciiInt(required=True, minimum=0, maximum=10000)
    revision = Revision


class ThresholdsIn(In):
    hold = Number
    reject = Number
    revision = Revision


class ListIn(In):
    text = fields.String(required=True, validate=validate.Length(max=500_000))
    revision = Revision


class TermIn(Schema):
    term = Text(required=True, max_length=100, allow_bidi=False)
    note = Text(load_default=None, allow_none=True, min_length=0, max_length=300)


class TermsIn(In):
    """Terms to add: a list ({term, note}), or `text` pasted with one term per line (`term # note`)."""

    terms = fields.List(fields.Nested(TermIn), load_default=None, validate=validate.Length(max=5000))
    text = fields.String(load_default=None, validate=validate.Length(max=500_000))
    revision = Revision

    @validates_schema
    def something(self, data, **_kw):
        if not data.get("terms") and not (data.get("text") or "").strip():
            raise ValidationError(_("Give terms, or paste them one per line."), "terms")


class TermsRemoveIn(In):
    terms = fields.List(Text(max_length=100), required=True, validate=validate.Length(min=1, max=5000))
    revision = Revision


class BacktestIn(In):
    draft = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
    version = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
    limit = AsciiInt(minimum=1, maximum=1_000_000, load_default=None)
    since = UtcDateTime(load_default=None)
    until = UtcDateTime(load_default=None)
    thread = Text(load_default=None, allow_none=True, max_length=200)

    @validates_schema
    def one_source(self, data, **_kw):
        _one_of_draft_or_version(data)


class ImportIn(In):
    yaml = fields.String(required=True, validate=validate.Length(min=1, max=2_000_000))
    name = Text(load_default=None, allow_none=True, max_length=120)


class VersionQuery(Schema):
    version = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)
    against = AsciiInt(minimum=1, maximum=2**31 - 1, load_default=None)


class VersionOut(Schema):
    number = fields.Integer()
    policy_id = fields.String()
    note = fields.String()
    source = fields.String()
    created_by = fields.Function(lambda v: v.created_by_email)
    created_at = fields.Function(lambda v: iso(v.created_at))
    checksum = fields.String()
    rules = fields.Function(lambda v: len(v.document["rules"]))
    word_lists = fields.Function(lambda v: sorted(v.word_lists))


class DraftOut(Schema):
    id = fields.Integer()
    name = fields.String()
    revision = fields.Integer()
    base_version = fields.Function(lambda d: d.base_version.number if d.base_version else None)
    created_by = fields.Function(lambda d: d.created_by_email)
    created_at = fields.Function(lambda d: iso(d.created_at))
    updated_at = fields.Function(lambda d: iso(d.updated_at))


class BacktestOut(Schema):
    id = fields.Integer()
    draft = fields.Integer(attribute="draft_id", allow_none=True)
    draft_revision = fields.Integer(allow_none=True)
    status = fields.String()
    scope = fields.Raw()
    total = fields.Integer()
    processed = fields.Integer()
    progress = fields.Function(lambda b: round(b.processed / b.total, 4) if b.total else (
        1.0 if b.status == "done" else 0.0))
    error = fields.String(allow_none=True)
    created_by = fields.Function(lambda b: b.created_by_email)
    created_at = fields.Function(lambda b: iso(b.created_at))
    started_at = fields.Function(lambda b: iso(b.started_at))
    finished_at = fields.Function(lambda b: iso(b.finished_at))
    result = fields.Raw(allow_none=True)
