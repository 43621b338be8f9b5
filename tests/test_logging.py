"""Structured logs: JSON lines with the request id; no emails, tokens or raw IPs; no forged lines."""
import io
import json
import logging
import runpy
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest

from app import logging_setup

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def log_lines(app):
    """Capture what the Majlis handler writes; returns a function giving the parsed lines."""
    stream = io.StringIO()
    handler = logging_setup.install("INFO", True, stream=stream)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line.strip()]
    logging.getLogger().removeHandler(handler)
    logging_setup.install(app.config["LOG_LEVEL"], True)


def test_one_json_object_per_line_with_request_id(app, log_lines):
    log = logging.getLogger("majlis.test")
    with app.test_request_context("/x", headers={"X-Request-Id": "req-42"}):
        app.preprocess_request()
        log.info("hello %s", "world", extra={"kind": "greeting", "email": "secret@example.org"})
    (line,) = log_lines()
    assert line["msg"] == "hello world"
    assert line["request_id"] == "req-42"
    assert line["kind"] == "greeting"
    assert "email" not in line  # extra fields are allow-listed
    assert line["level"] == "info" and line["logger"] == "majlis.test"


def test_crlf_in_a_name_cannot_forge_a_line(app, log_lines):
    forged = 'Ali\r\n{"level": "error", "msg": "admin signed in"}\n'
    logging.getLogger("majlis.test").warning("comment by %s", forged)
    lines = log_lines()
    assert len(lines) == 1
    assert lines[0]["msg"].startswith("comment by Ali\r\n")  # kept as data, inside one JSON string


def test_text_format_escapes_control_characters(app):
    stream = io.StringIO()
    handler = logging_setup.install("INFO", False, stream=stream)
    try:
        logging.getLogger("majlis.test").warning("name=%s", "Ali\r\nINFO forged line")
    finally:
        logging.getLogger().removeHandler(handler)
        logging_setup.install(app.config["LOG_LEVEL"], True)
    assert stream.getvalue().count("\n") == 1
    assert "\\r\\n" in stream.getvalue()


@pytest.mark.parametrize("raw, leaked", [
    ("reader Reader.One+tag@example.org posted", "Reader.One+tag@example.org"),
    ("Authorization: Bearer abc.DEF-123", "abc.DEF-123"),
    ("edit token=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"),
    ("from 203.0.113.77 via proxy", "203.0.113.77"),
    ("from 2001:db8::1234 via proxy", "2001:db8::1234"),
    ("x " + "A1b2" * 11, "A1b2" * 11),
])
def test_scrub_removes_personal_data_and_secrets(raw, leaked):
    assert leaked not in logging_setup.scrub(raw)


def test_scrub_keeps_ordinary_text():
    text = "retention applied at 09:17:00, 12 rows; version 1.2.3"
    assert logging_setup.scrub(text) == text


def test_a_posting_request_logs_no_email_ip_or_token(app, client, post, log_lines):
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # even SQL with its parameters
    try:
        response = post(email="leaky.reader@example.org")
        assert response.status_code == 201
        token = response.get_json()["edit_token"]
        client.get(f"/api/v1/comments/{response.get_json()['comment']['id']}", headers={"X-Edit-Token": token})
        logging.getLogger("app").error("failed for %s from %s with %s", "leaky.reader@example.org",
                                       "127.0.0.1", token)
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    text = json.dumps(log_lines())
    assert log_lines(), "expected some log lines"
    assert "leaky.reader@example.org" not in text
    assert "127.0.0.1" not in text
    assert token not in text


def test_gunicorn_access_line_has_no_ip(monkeypatch, tmp_path):
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))  # the config file sets it otherwise
    conf = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
    resp = SimpleNamespace(status="201 CREATED", headers=[("X-Request-Id", "rid-7")], sent=120)
    req = SimpleNamespace(method="POST")
    environ = {"REMOTE_ADDR": "198.51.100.23", "PATH_INFO": "/api/v1/threads/a/comments",
               "QUERY_STRING": "email=someone@example.org", "HTTP_X_FORWARDED_FOR": "203.0.113.9",
               "majlis.ip_hash": "0123456789abcdef"}
    line = conf["access_line"](resp, req, environ, timedelta(milliseconds=12))
    entry = json.loads(line)
    assert entry["status"] == 201 and entry["request_id"] == "rid-7"
    assert entry["ip_hash"] == "0123456789abcdef" and entry["path"] == "/api/v1/threads/a/comments"
    assert "198.51.100.23" not in line and "203.0.113.9" not in line and "someone@" not in line
    assert conf["logger_class"].__name__ == "MajlisLogger"
