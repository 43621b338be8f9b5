"""Marshmallow schemas of the policy document (policies/README.md). Unknown keys are refused."""

import functools

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from app.rules.model import FIELDS, Action


class Number(fields.Float):
    """A float that stays an int when whole, so decisions show 4, not 4.0."""

    def _deserialize(self, value, attr, data, **kwargs):
        number = super()._deserialize(value, attr, data, **kwargs)
        return int(number) if number.is_integer() else number


_ID = validate.Regexp(r"^[a-z0-9_.-]+$", error="use lowercase letters, digits, _ . - only")


class LocalizedText(Schema):
    ar = fields.String(required=True)
    en = fields.String(required=True)


class Thresholds(Schema):
    hold = Number(required=True, validate=validate.Range(min=0, min_inclusive=False))
    reject = Number(required=True, validate=validate.Range(min=0, min_inclusive=False))

    @validates_schema
    def hold_below_reject(self, data, **kwargs):
        if data["hold"] > data["reject"]:
            raise ValidationError("hold must not exceed reject", "hold")


class Limits(Schema):
    max_input_chars = fields.Integer(load_default=20000, validate=validate.Range(min=1))
    rule_budget_ms = fields.Float(load_default=50.0, validate=validate.Range(min=0, min_inclusive=False))


class Examples(Schema):
    match = fields.List(fields.String(), load_default=list)
    no_match = fields.List(fields.String(), load_default=list)


class PolicyDocument(Schema):
    """The document around the rules; each rule is validated on its own (RuleBase + its type)."""

    id = fields.String(required=True, validate=_ID)
    version = fields.Integer(required=True, strict=True, validate=validate.Range(min=1))
    thresholds = fields.Nested(Thresholds, required=True)
    limits = fields.Nested(Limits, load_default=lambda: Limits().load({}))
    terms_intro = fields.Nested(LocalizedText, load_default=None)
    categories = fields.Dict(
        keys=fields.String(validate=_ID),
        values=fields.Nested(LocalizedText),
        required=True,
        validate=validate.Length(min=1),
    )
    lexicons = fields.Dict(keys=fields.String(validate=_ID), values=fields.String(), load_default=dict)
    rules = fields.List(fields.Dict(), required=True)


class RuleBase(Schema):
    id = fields.String(required=True, validate=_ID)
    category = fields.String(required=True)
    type = fields.String(required=True)
    fields_ = fields.List(
        fields.String(validate=validate.OneOf(FIELDS)),
        data_key="fields",
        load_default=lambda: ["body"],
        validate=validate.Length(min=1),
    )
    action = fields.Enum(Action, by_value=True)
    score = Number(validate=validate.Range(min=0, min_inclusive=False))
    enabled = fields.Boolean(load_default=True)
    description = fields.Nested(LocalizedText, required=True)
    examples = fields.Nested(Examples, required=True)

    @validates_schema
    def action_or_score(self, data, **kwargs):
        if ("action" in data) == ("score" in data):
            raise ValidationError("give exactly one of action or score", "action")


@functools.cache
def rule_schema(check_class: type) -> Schema:
    """RuleBase plus the type-specific keys of one rule type."""
    schema_class = type(f"{check_class.__name__}Rule", (RuleBase,), dict(check_class.options))
    return schema_class()
