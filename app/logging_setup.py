"""Structured logs: one JSON object per line on stderr, each with the request's id.

- X-Request-Id: taken from the request when it is a short token (a load balancer's id), otherwise
  made here; sent back on every response and put on every log line written during the request.
- Never an email, a token or a raw IP: extra fields are allow-listed, and messages, values and
  tracebacks are scrubbed (emails, bearer tokens, long token-like strings, IPv4/IPv6 addresses).
  The client is identified only by the HMAC of its IP (`ip_hash`, shortened).
- A CR or LF in a name (or anywhere) cannot forge a line: JSON escapes it, and the plain-text
  format (LOG_JSON=false) escapes it too.
"""
import ipaddress
import json
import logging
import re
import sys
import time
import uuid
from datetime import UTC, datetime

from flask import g, has_request_context, request

REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")
_EMAIL = re.compile(r"[^\s@<>\"'(),;:]+@[^\s@<>\"'(),;:]+\.[^\s@<>\"'(),;:]+")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+)[^\s\"',;]+|\b(token|password|secret)([\"']?\s*[:=]\s*[\"']?)[^\s\"',;]+")
_LONG_TOKEN = re.compile(r"\b[A-Za-z0-9_\-]{32,}\b")
_IPV4 = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")
_IPV6_CANDIDATE = re.compile(r"(?<![\w:])[0-9A-Fa-f:]*:[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*(?![\w:])")

# Extra fields a log call may attach (logger.info("…", extra={…})); anything else is dropped.
ALLOWED_EXTRA = {"method", "path", "endpoint", "status", "duration_ms", "ip_hash", "kind", "count",
                 "task", "comment_id", "thread", "outcome", "storage", "event"}
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime",
                                                                         "request_id"}


def _ipv6(match):
    text = match.group(0)
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return text
    return "[ip]"


def scrub(text):
    """The text without emails, tokens, secrets or IP addresses."""
    text = _EMAIL.sub("[email]", str(text))
    text = _BEARER.sub(lambda m: f"{m.group(1) or m.group(3)}{m.group(2) or m.group(4)}[redacted]", text)
    text = _LONG_TOKEN.sub("[redacted]", text)
    text = _IPV4.sub("[ip]", text)
    return _IPV6_CANDIDATE.sub(_ipv6, text)


def current_request_id():
    if has_request_context():
        return getattr(g, "request_id", None)
    return None


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True


def _fields(record):
    out = {}
    for key, value in vars(record).items():
        if key in _STANDARD or key not in ALLOWED_EXTRA:
            continue
        out[key] = value if isinstance(value, int | float | bool) or value is None else scrub(value)
    return out


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": scrub(record.getMessage()),
        }
        request_id = getattr(record, "request_id", None) or current_request_id()
        if request_id:
            entry["request_id"] = request_id
        entry.update(_fields(record))
        if record.exc_info:
            entry["exc_type"] = record.exc_info[0].__name__ if record.exc_info[0] else None
            entry["exc"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class TextFormatter(logging.Formatter):
    """Plain lines for a terminal: scrubbed, with CR/LF and other controls escaped."""

    def format(self, record):
        text = scrub(record.getMessage())
        if record.exc_info:
            text += " | " + scrub(self.formatException(record.exc_info))
        text = text.encode("unicode_escape").decode("ascii") if any(
            ch < " " for ch in text) else text
        rid = getattr(record, "request_id", None) or current_request_id() or "-"
        return f"{self.formatTime(record)} {record.levelname} {record.name} [{rid}] {text}"


def install(level="INFO", as_json=True, stream=None):
    """Put one Majlis handler on the root logger (replacing an earlier one); returns it."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "majlis", False):
            root.removeHandler(handler)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.majlis = True
    handler.setFormatter(JsonFormatter() if as_json else TextFormatter())
    handler.addFilter(RequestIdFilter())
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def _start_request():
    incoming = request.headers.get("X-Request-Id", "")
    g.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()
    request.environ["majlis.request_id"] = g.request_id
    try:
        from app.client import ip_hash

        # For gunicorn's access log (gunicorn.conf.py): the HMAC, never the address.
        request.environ["majlis.ip_hash"] = ip_hash()[:16]
    except Exception:  # noqa: S110  (no secret yet: the access log simply has no client)
        pass


def _finish_request(response):
    if not getattr(g, "request_id", None):  # a before_request hook answered before ours ran
        _start_request()
    response.headers["X-Request-Id"] = g.request_id
    return response


def init_app(app):
    install(app.config.get("LOG_LEVEL", "INFO"), bool(app.config.get("LOG_JSON", True)))
    # First, so that every other hook (rate limits included) already logs with the id.
    app.before_request_funcs.setdefault(None, []).insert(0, _start_request)
    app.after_request(_finish_request)
