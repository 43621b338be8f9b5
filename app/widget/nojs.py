"""The no-JavaScript fallback: a plain HTML form posted to the comment endpoint.

A form-encoded POST may carry a `redirect` field (else its Referer is used). When the request comes
from an allowed news site or from this server's own pages (its Origin, else its Referer) and the
target is a URL on such an origin, the answer is a 303 back to the article with the outcome in the
query string: `majlis=published|pending|rejected|invalid|duplicate|too-fast|closed|error`, plus
`majlis_comment=<id>`, `majlis_terms=<category,…>` or `majlis_fields=<field,…>`. Otherwise (no
trusted source, a foreign target: no open redirect) the client gets the normal JSON answer.
"""
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from flask import g, json, redirect, request

from app.cors import trusted_origin
from app.errors import DomainError
from app.request_body import read_body
from app.widget import bp

ENDPOINT = "widget.create_comment"
FORM = "application/x-www-form-urlencoded"
FIELD = "redirect"
MAX_URL = 2000
OUTCOMES = {201: "published", 202: "pending", 409: "duplicate", 429: "too-fast", 403: "closed"}


def _origin(url):
    parts = urlsplit(url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}"


@bp.before_request
def take_redirect_field():
    """Remember where a plain form wants to go back to: its `redirect` field, else its Referer."""
    if request.endpoint != ENDPOINT or request.mimetype != FORM:
        return
    try:
        data, _is_form = read_body()
    except DomainError:
        data = {}  # the body loader answers the error itself
    g.nojs_target = data.get(FIELD) or request.referrer


def _target():
    target = g.get("nojs_target")
    if not target or len(target) > MAX_URL:
        return None
    source = request.headers.get("Origin") or _origin(request.referrer)
    if not (source and trusted_origin(source)):
        return None
    origin = _origin(target)
    if origin is None or not trusted_origin(origin):
        return None
    return target


def _outcome(response):
    params, fragment = {}, "majlis-thread"
    try:
        body = json.loads(response.get_data()) if response.is_json or response.mimetype.endswith(
            "+json") else {}
    except ValueError:
        body = {}
    status = response.status_code
    params["majlis"] = OUTCOMES.get(status, "error")
    if status in (201, 202):
        comment_id = (body.get("comment") or {}).get("id")
        params["majlis_comment"] = comment_id
        if status == 201:
            fragment = f"majlis-comment-{comment_id}"
    elif status == 422 and body.get("code") == "policy_violation":
        params["majlis"] = "rejected"
        params["majlis_terms"] = ",".join(v["category"] for v in body.get("violations", []))
    elif status == 422:
        params["majlis"] = "invalid"
        params["majlis_fields"] = ",".join(body.get("errors", {}))
    return params, fragment


@bp.after_request
def redirect_back(response):
    if request.endpoint != ENDPOINT or "nojs_target" not in g:
        return response
    target = _target()
    if target is None:
        return response
    params, fragment = _outcome(response)
    parts = urlsplit(target)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.startswith("majlis")]
    query += list(params.items())
    answer = redirect(urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), fragment)), 303)
    answer.headers["Cache-Control"] = "no-store"
    return answer
