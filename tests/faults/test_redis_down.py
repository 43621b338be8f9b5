"""Redis down: posting goes on under a per-process in-memory limit; the fallback is logged and counted."""
import io
import json
import logging
import socket

import pytest

from app import logging_setup
from app.extensions import limiter
from app.ops import metrics

PATH = "/api/v1/threads/news/faults/redis/comments"


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def redis_down_app(limited_app):
    app = limited_app(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{closed_port()}/0")
    yield app
    # flask-limiter keeps "storage dead" on its one process-wide Limiter; the next app must not
    # start in fallback mode because this test cut its Redis.
    limiter._storage_dead = False


def test_posting_continues_with_a_logged_and_counted_fallback(redis_down_app, valid_comment, problem, caplog):
    client = redis_down_app.test_client()
    before = metrics.RATELIMIT_FALLBACK._value.get()
    with caplog.at_level(logging.WARNING, logger="flask-limiter"):
        codes = [client.post(PATH, json=valid_comment(body=f"تعليق رقم {i}")).status_code for i in range(6)]
    assert codes == [201] * 5 + [429]  # the in-memory fallback still enforces 5 per minute
    assert any("falling back to in-memory" in r.getMessage() for r in caplog.records)
    assert metrics.RATELIMIT_FALLBACK._value.get() == before + 1
    text = client.get("/metrics").get_data(as_text=True)
    assert f"majlis_ratelimit_fallback_total {before + 1}" in text
    assert client.get("/readyz").status_code == 503  # the load balancer is told, posting still works


def test_the_fallback_line_is_structured_json(redis_down_app, valid_comment):
    stream = io.StringIO()
    handler = logging_setup.install("INFO", True, stream=stream)
    try:
        client = redis_down_app.test_client()
        assert client.post(PATH, json=valid_comment(), headers={"X-Request-Id": "redis-down-1"}).status_code == 201
    finally:
        logging.getLogger().removeHandler(handler)
        logging_setup.install(redis_down_app.config["LOG_LEVEL"], True)
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if "falling back" in line]
    assert lines, stream.getvalue()[-2000:]
    assert lines[0]["request_id"] == "redis-down-1" and lines[0]["level"] == "warning"
    assert lines[0]["logger"] == "flask-limiter"
