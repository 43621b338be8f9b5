"""The one place that shapes errors: every failure becomes RFC 9457 application/problem+json.

Services raise the domain errors below; HTTP-level errors (404, 405, 413, 415, 429 …) and anything
unexpected are turned into the same shape. Titles and details are translated (Arabic by default).
"""
import json
import logging

from flask import Response
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_TYPE = "/problems/{}"


class DomainError(Exception):
    status = 400
    slug = "bad-request"
    title = _l("Bad request")
    detail = None
    headers = None  # extra response headers (WWW-Authenticate, Retry-After …)

    def __init__(self, detail=None, **extra):
        super().__init__(detail or self.slug)
        if detail is not None:
            self.detail = detail
        self.extra = extra


class BadRequestBody(DomainError):
    slug = "malformed-body"
    title = _l("The request body could not be read")


class InvalidThreadKey(DomainError):
    slug = "invalid-thread-key"
    title = _l("Invalid thread key")
    detail = _l("A thread key is at most 200 letters, digits, '-', '_', '.' and '/', without empty or '..' segments.")


class UnsupportedMediaType(DomainError):
    status = 415
    slug = "unsupported-media-type"
    title = _l("Unsupported content type")
    detail = _l("Send application/json or application/x-www-form-urlencoded.")


class NotFound(DomainError):
    status = 404
    slug = "not-found"
    title = _l("Not found")


class ThreadClosed(DomainError):
    status = 403
    slug = "thread-closed"
    title = _l("Comments are closed")
    detail = _l("Comments on this article are closed.")


class DuplicateComment(DomainError):
    status = 409
    slug = "duplicate-comment"
    title = _l("Duplicate comment")
    detail = _l("Duplicate comment detected; it looks as though you have already said that.")


class ValidationFailed(DomainError):
    status = 422
    slug = "validation-error"
    title = _l("Invalid input")
    detail = _l("Some fields are missing or invalid.")

    def __init__(self, errors, detail=None):
        super().__init__(detail, errors=errors)


class PolicyViolation(DomainError):
    status = 422
    slug = "policy-violation"
    title = _l("The comment breaks the commenting terms")

    def __init__(self, violations, detail):
        super().__init__(detail, code="policy_violation", violations=violations)


class Unauthorized(DomainError):
    status = 401
    slug = "unauthorized"
    title = _l("Sign-in required")
    detail = _l("Sign in, or send a valid bearer token.")
    headers = {"WWW-Authenticate": 'Bearer realm="majlis"'}


class WrongCredentials(Unauthorized):
    slug = "wrong-credentials"
    title = _l("Wrong email or password")
    detail = _l("The email or the password is wrong, or the account is disabled.")


class Forbidden(DomainError):
    status = 403
    slug = "forbidden"
    title = _l("Forbidden")
    detail = _l("Your role does not allow this.")


class CsrfFailed(DomainError):
    status = 403
    slug = "csrf-failed"
    title = _l("Missing or invalid CSRF token")
    detail = _l("Send the token from GET /api/v1/auth/csrf in the X-CSRFToken header.")


class Conflict(DomainError):
    status = 409
    slug = "conflict"
    title = _l("Conflict")


class TooManyAttempts(DomainError):
    status = 429
    slug = "too-many-attempts"
    title = _l("Too many sign-in attempts")

    def __init__(self, retry_after):
        super().__init__(_l("Wait %(seconds)s seconds before trying again.", seconds=retry_after))
        self.headers = {"Retry-After": str(retry_after)}


class ServiceUnavailable(DomainError):
    """The database (or another service) cannot take the request now; nothing was saved."""

    status = 503
    slug = "service-unavailable"
    title = _l("Service unavailable")
    detail = _l("The service is briefly unavailable; nothing you sent was saved. Please try again shortly.")

    def __init__(self, detail=None, retry_after=5, **extra):
        super().__init__(detail, **extra)
        self.headers = {"Retry-After": str(int(retry_after))}


class AuthorBanned(DomainError):
    status = 403
    slug = "author-banned"
    title = _l("Comments from you are not accepted")
    detail = _l("The editors have stopped accepting comments from this address.")


HTTP_TITLES = {
    400: _l("Bad request"),
    401: _l("Sign-in required"),
    403: _l("Forbidden"),
    404: _l("Not found"),
    405: _l("Method not allowed"),
    409: _l("Conflict"),
    413: _l("Request too large"),
    415: _l("Unsupported content type"),
    422: _l("Invalid input"),
    429: _l("Too many requests"),
    500: _l("Internal server error"),
    503: _l("Service unavailable"),
}

HTTP_DETAILS = {
    404: _l("There is nothing at this address."),
    405: _l("This method is not allowed here."),
    413: _l("The request is larger than this server accepts."),
    415: _l("Send application/json or application/x-www-form-urlencoded."),
    429: _l("You are sending too many requests; please wait a little and try again."),
    500: _l("Something went wrong on our side; nothing you sent was saved."),
}


def problem(status, title, detail=None, slug=None, headers=None, **extra):
    body = {"type": PROBLEM_TYPE.format(slug) if slug else "about:blank", "title": str(title),
            "status": status}
    if detail is not None:
        body["detail"] = str(detail)
    body.update(extra)
    resp = Response(json.dumps(body, ensure_ascii=False), status=status,
                    mimetype="application/problem+json")
    for name, value in (headers or {}).items():
        resp.headers[name] = value
    return resp


# marshmallow's own messages, reworded for readers before translation.
LIBRARY_MESSAGES = {"Missing data for required field.": "This field is required."}


def translate_messages(errors):
    """Run every validation message through the catalog (marshmallow emits English text)."""
    if isinstance(errors, dict):
        return {k: translate_messages(v) for k, v in errors.items()}
    if isinstance(errors, list):
        return [translate_messages(m) for m in errors]
    text = str(errors)
    return _(LIBRARY_MESSAGES.get(text, text))


def handle_domain_error(err):
    extra = dict(err.extra)
    if "errors" in extra:
        extra["errors"] = translate_messages(extra["errors"])
    detail = err.detail if err.detail is not None else None
    return problem(err.status, err.title, detail, slug=err.slug, headers=err.headers, **extra)


def handle_csrf_error(_err):
    return handle_domain_error(CsrfFailed())


def handle_http_exception(err):
    status = err.code or 500
    headers = {k: v for k, v in err.get_headers() if k.lower() not in ("content-type", "content-length")}
    detail = HTTP_DETAILS.get(status)
    return problem(status, HTTP_TITLES.get(status, err.name), detail, headers=headers)


def handle_unexpected(err):
    if isinstance(err, HTTPException):
        return handle_http_exception(err)
    log.exception("unhandled error")  # the traceback goes to the log, never to the client
    return problem(500, HTTP_TITLES[500], HTTP_DETAILS[500])


def init_app(app):
    from flask_wtf.csrf import CSRFError

    app.register_error_handler(DomainError, handle_domain_error)
    from app.services import db_faults

    db_faults.register(app, handle_domain_error, handle_unexpected)  # database unreachable, read-only or full: 503
    app.register_error_handler(CSRFError, handle_csrf_error)  # Flask-WTF's own is an HTML 400
    app.register_error_handler(HTTPException, handle_http_exception)
    app.register_error_handler(Exception, handle_unexpected)
