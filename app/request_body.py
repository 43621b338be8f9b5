"""One loader for request bodies: JSON or form-encoded, read strictly, validated by a schema.

Strict means: invalid UTF-8, malformed JSON and nesting deeper than the configured maximum are 400;
other content types are 415; a schema's errors are 422 with {field: [message]}.
"""
import json
from urllib.parse import parse_qsl

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from marshmallow import ValidationError

from app.errors import BadRequestBody, DomainError, UnsupportedMediaType, ValidationFailed
from app.request_memo import memo

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"


def _depth(value):
    """Nesting depth without recursion (a hostile document must not exhaust the stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, (dict, list)):
            deepest = max(deepest, level)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def read_body():
    """The request body as a dict of raw values, and whether it came from a form.

    Parsed once per request: the rate limiter's key, the no-JS redirect and the schema all read it.
    An error is raised again to every reader."""
    outcome = memo("body", _parse_or_error)
    if isinstance(outcome, Exception):
        raise outcome
    return outcome


def _parse_or_error():
    try:
        return _parse_body()
    except DomainError as err:
        return err


def _parse_body():
    mimetype = request.mimetype
    raw = request.get_data(cache=True)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise BadRequestBody(detail=_l("The body is not valid UTF-8.")) from err
    if mimetype == JSON:
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as err:
            raise BadRequestBody(detail=_l("The JSON is malformed.")) from err
        if _depth(data) > current_app.config["JSON_NESTING_MAX"]:
            raise BadRequestBody(detail=_l("The JSON is nested too deeply."))
        if not isinstance(data, dict):
            raise ValidationFailed({"_schema": ["Send a JSON object."]})
        return data, False
    if mimetype == FORM:
        try:
            pairs = parse_qsl(text, keep_blank_values=True, errors="strict")
        except (UnicodeDecodeError, ValueError) as err:
            raise BadRequestBody(detail=_l("The form data is not valid UTF-8.")) from err
        return dict(pairs), True
    raise UnsupportedMediaType()


def load_body(schema):
    data, _is_form = read_body()
    return load(schema, data)


def load(schema, data):
    try:
        return schema.load(data, unknown="raise")
    except ValidationError as err:
        raise ValidationFailed(err.messages) from err


def load_query(schema):
    try:
        return schema.load(request.args.to_dict(), unknown="exclude")
    except ValidationError as err:
        raise ValidationFailed(err.messages) from err
