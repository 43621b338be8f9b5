"""Strict marshmallow fields shared by every blueprint's schemas.

Messages are translated when raised (validation runs inside a request, so the reader's language
is known); marshmallow's own messages are translated by errors.translate_messages.
"""
import unicodedata

from flask import current_app
from flask_babel import gettext as _
from marshmallow import ValidationError, fields, validate

# Characters that reorder text visually; in a name they can disguise who is speaking.
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _reject_bad_characters(value, allow_newlines):
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:  # lone surrogates from JSON \ud800 escapes
        raise ValidationError(_("Contains invalid characters.")) from err
    for ch in value:
        if ch in "\n\r\t" and allow_newlines:
            continue
        if unicodedata.category(ch) == "Cc":  # NUL and other control characters
            raise ValidationError(_("Contains control characters."))


def text_pattern(allow_newlines, allow_bidi, required):
    """No control characters or lone surrogates (and no bidi controls); something besides spaces."""
    bad = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" if allow_newlines else r"\x00-\x1f\x7f-\x9f"
    bad += r"\ud800-\udfff"
    if not allow_bidi:
        bad += r"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    if not required:
        return f"^[^{bad}]*$"
    return f"^[^{bad}]*[^\\s{bad}][^{bad}]*$"


class Text(fields.String):
    """A trimmed string with a length range, no control characters, optionally no bidi controls."""

    def __init__(self, *, min_length=1, max_length, allow_newlines=False, allow_bidi=True,
                 configured_max=None, **kw):
        super().__init__(**kw)
        self.min_length, self.max_length = min_length, max_length
        # configured_max: a config key that may lower the limit at run time (e.g. BODY_MAX_CHARS).
        self.configured_max = configured_max
        self.allow_newlines, self.allow_bidi = allow_newlines, allow_bidi
        self.metadata.setdefault("minLength", min_length)
        self.metadata.setdefault("maxLength", max_length)
        # The server's character rules, visible in the OpenAPI document (ECMA and Python syntax).
        self.metadata.setdefault("pattern", text_pattern(allow_newlines, allow_bidi, min_length > 0))

    def limit(self):
        if self.configured_max:
            return min(self.max_length, int(current_app.config[self.configured_max]))
        return self.max_length

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str):
            raise ValidationError(_("Must be text."))
        _reject_bad_characters(value, self.allow_newlines)
        if not self.allow_bidi and any(ch in BIDI_CONTROLS for ch in value):
            raise ValidationError(_("Must not contain text-direction control characters."))
        value = value.strip()
        if len(value) < self.min_length:
            raise ValidationError(_("This field is required."))
        if len(value) > self.limit():
            raise ValidationError(_("Must be at most %(max)s characters.", max=self.limit()))
        return value


class Email(Text):
    def __init__(self, **kw):
        super().__init__(max_length=254, **kw)
        self.metadata.setdefault("format", "email")

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        try:
            validate.Email()(value)
        except ValidationError as err:
            raise ValidationError(_("Enter a valid email address.")) from err
        return value


# Characters a URL must percent-encode; raw, they could break out of an HTML attribute.
URL_UNSAFE = frozenset('"<>\\^`{|}')


class WebUrl(Text):
    """An optional http(s) URL; an empty string means none."""

    def __init__(self, **kw):
        super().__init__(min_length=0, max_length=200, **kw)
        self.metadata.setdefault("format", "uri")
        self.metadata["pattern"] = r'^([Hh][Tt][Tt][Pp][Ss]?://[^\s\x00-\x1f\x7f-\x9f\ud800-\udfff"<>\\^`{|}]+)?$'

    def _deserialize(self, value, attr, data, **kwargs):
        value = super()._deserialize(value, attr, data, **kwargs)
        if not value:
            return None
        try:
            validate.URL(schemes={"http", "https"}, require_tld=False)(value)
            if any(ch in URL_UNSAFE for ch in value):  # RFC 3986 never allows these unencoded
                raise ValidationError("unsafe character")
        except ValidationError as err:
            raise ValidationError(_("Enter a web address starting with http:// or https://.")) from err
        return value


class AsciiInt(fields.Integer):
    """An integer from JSON or a form: ASCII digits only (no 1.5, no true, no "١٢")."""

    def __init__(self, *, minimum=None, maximum=None, blank_is_none=False, **kw):
        super().__init__(strict=True, **kw)
        self.minimum, self.maximum = minimum, maximum
        self.blank_is_none = blank_is_none  # a blank form field means "none"
        if minimum is not None:
            self.metadata.setdefault("minimum", minimum)
        if maximum is not None:
            self.metadata.setdefault("maximum", maximum)

    def _deserialize(self, value, attr, data, **kwargs):
        if value == "" and self.blank_is_none:
            return None
        if isinstance(value, bool):
            raise ValidationError(_("Must be a whole number."))
        if isinstance(value, str):
            if not (value.isascii() and value.isdigit()) or len(value) > 18:
                raise ValidationError(_("Must be a whole number."))
            value = int(value)
        if not isinstance(value, int):
            raise ValidationError(_("Must be a whole number."))
        if (self.minimum is not None and value < self.minimum) or (
                self.maximum is not None and value > self.maximum):
            raise ValidationError(_("Must be between %(min)s and %(max)s.", min=self.minimum, max=self.maximum))
        return value


class FormBoolean(fields.Boolean):
    """A checkbox: JSON true/false, or a form's "on"/"1"/"true" and "0"/"false"/""."""

    truthy = {True, "on", "1", "true", "yes"}
    falsy = {False, "", "0", "false", "off", "no"}

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, (bool, str)) and value in self.truthy:
            return True
        if isinstance(value, (bool, str)) and value in self.falsy:
            return False
        raise ValidationError(_("Must be true or false."))
