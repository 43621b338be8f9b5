"""CORS for the news sites in MAJLIS_ALLOWED_ORIGINS, and nobody else.

- A preflight is answered only for an allowed origin; any other origin gets a 403 without
  Access-Control-* headers. Never `*`, never `null`, no credentials (the widget sends no cookies).
- Responses of the public API carry `Vary: Origin`, and Access-Control-Allow-Origin only for an
  allowed origin.
- Cross-origin writes are JSON (which needs the preflight). The one exception is the no-JavaScript
  fallback: an HTML form on an allowed site, posted as a top-level navigation.
"""
from flask import current_app, request
from flask_babel import lazy_gettext as _l

from app.errors import DomainError
from app.extensions import limiter

PUBLIC_PATHS = ("/api/v1/threads/", "/api/v1/comments/", "/api/v1/counts", "/api/v1/terms",
                "/api/v1/avatars/")
ALLOW_METHODS = "GET, POST, PATCH, DELETE"
ALLOW_HEADERS = "Content-Type, X-Edit-Token, Accept-Language"
EXPOSE_HEADERS = "Location, ETag, Retry-After"
WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
NEVER = ("null", "*", "")


class OriginNotAllowed(DomainError):
    status = 403
    slug = "origin-not-allowed"
    title = _l("Origin not allowed")
    detail = _l("This site is not allowed to use the comments of this server.")


class CrossOriginForm(DomainError):
    status = 403
    slug = "cross-origin-form"
    title = _l("Origin not allowed")
    detail = _l("Cross-origin requests must send JSON.")


@limiter.request_filter
def _is_preflight():
    """A preflight is not a post: it must not use up the posting rate limit."""
    return request.method == "OPTIONS"


def own_origin():
    return f"{request.scheme}://{request.host}".lower()


def is_allowed(origin):
    """An origin listed in ALLOWED_ORIGINS (never `null` or `*`, whatever the configuration says)."""
    origin = (origin or "").strip().lower().rstrip("/")
    if origin in NEVER:
        return False
    return origin in {o.lower() for o in current_app.config["ALLOWED_ORIGINS"] if o not in NEVER}


def trusted_origin(origin):
    """An allowed news site, or this server itself (its demo pages)."""
    origin = (origin or "").strip().lower().rstrip("/")
    return origin == own_origin() or is_allowed(origin)


def _public(path):
    return path.startswith(PUBLIC_PATHS)


def answer_preflight():
    if request.method != "OPTIONS" or not _public(request.path):
        return None
    origin = request.headers.get("Origin")
    if not origin or "Access-Control-Request-Method" not in request.headers:
        return None  # a plain OPTIONS: Flask answers it with Allow
    if not is_allowed(origin):
        raise OriginNotAllowed()
    response = current_app.response_class(status=204)
    response.headers["Access-Control-Allow-Methods"] = ALLOW_METHODS
    response.headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
    response.headers["Access-Control-Max-Age"] = "600"
    return response  # the Allow-Origin and Vary headers are added by add_headers


def refuse_cross_origin_forms():
    if request.method not in WRITE_METHODS or not _public(request.path):
        return None
    origin = request.headers.get("Origin")
    if origin is None or origin.lower().rstrip("/") == own_origin() or request.mimetype == "application/json":
        return None
    navigation = request.headers.get("Sec-Fetch-Mode", "navigate") == "navigate"
    if not (is_allowed(origin) and navigation):
        raise CrossOriginForm()
    return None


def add_headers(response):
    if not _public(request.path):
        return response
    response.vary.add("Origin")
    origin = request.headers.get("Origin")
    if origin and is_allowed(origin):
        response.headers["Access-Control-Allow-Origin"] = origin.strip().rstrip("/")
        response.headers["Access-Control-Expose-Headers"] = EXPOSE_HEADERS
    return response


def init_app(app):
    app.before_request(answer_preflight)
    app.before_request(refuse_cross_origin_forms)
    app.after_request(add_headers)
