"""The webhook: a real HTTP receiver on loopback in a thread, the task on huey in immediate mode (a
retry is scheduled with its delay; the test runs the schedule instead of sleeping), the signature, the
backoff, the delivery log, and the address rules."""
import hashlib
import hmac
import json
import threading
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from app import create_app
from app.errors import ValidationFailed
from app.extensions import db
from app.models import DeliveryState, WebhookDelivery
from app.services import settings, webhooks
from tests.conftest import rolled_back_join

SECRET = "a-webhook-secret-for-tests"
HOLD = "أحب البطيخ"


class Receiver:
    """Answers each POST with the next status of `script` (the last one repeats); records them."""

    def __init__(self):
        self.script, self.calls = [200], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls.append((dict(self.headers), body))
                status = receiver.script[min(len(receiver.calls), len(receiver.script)) - 1]
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hooks/majlis"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture(scope="module")
def inline_app(base_config):
    """An app whose task queue runs tasks inline, allowed to call a loopback receiver (made once:
    creating an app while a test holds the database would wait for it)."""
    return create_app(dict(base_config, TASK_QUEUE="immediate", WEBHOOK_ALLOW_LOOPBACK=True,
                           WEBHOOK_RETRY_SECONDS=10, WEBHOOK_ATTEMPTS=4))


@pytest.fixture
def joined(app, inline_app):
    inline_app.config["CLOCK"] = app.config["CLOCK"]
    inline_app.extensions["huey"].flush()  # no retries left over from another test
    with rolled_back_join(app, inline_app):
        yield inline_app


@pytest.fixture
def hook_app(joined, receiver):
    with joined.app_context():
        settings.apply(None, {"webhook_url": receiver.url, "webhook_secret": SECRET})
    return joined


def deliveries(app):
    with app.app_context():
        db.session.remove()
        return [{c.name: getattr(d, c.name) for c in WebhookDelivery.__table__.columns}
                for d in webhooks.deliveries()]


def post_held(app, key="news/hooks"):
    response = app.test_client().post(f"/api/v1/threads/{key}/comments", json={
        "name": "قارئ", "email": "reader@example.org", "body": HOLD})
    assert response.status_code == 202, response.get_data(as_text=True)
    return response.get_json()["comment"]["id"]


def run_schedule(app):
    """Run every scheduled retry now; returns the delays (seconds) they had been scheduled with."""
    huey = app.extensions["huey"]
    delays = []
    for task in huey.read_schedule(datetime.utcnow() + timedelta(days=1)):  # noqa: DTZ003 (huey is naive UTC)
        delays.append(round((task.eta - datetime.utcnow()).total_seconds()))  # noqa: DTZ003
        huey.execute(task, timestamp=task.eta)  # as a consumer would once the eta passes
    return delays


def test_a_held_comment_is_delivered_signed(hook_app, receiver):
    cid = post_held(hook_app)
    assert len(receiver.calls) == 1
    headers, body = receiver.calls[0]
    payload = json.loads(body)
    assert payload["event"] == "comment.held" and payload["comment"]["id"] == cid
    assert payload["comment"]["status"] == "pending" and payload["comment"]["thread"]["key"] == "news/hooks"
    assert "email" not in json.dumps(payload) and "reader@example.org" not in body.decode()
    assert headers["X-Majlis-Event"] == "comment.held"
    expected = hmac.new(SECRET.encode(), headers["X-Majlis-Timestamp"].encode() + b"." + body,
                        hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Majlis-Signature"], "sha256=" + expected)
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.DELIVERED and row["attempts"] == 1 and row["last_status"] == 200


def test_failures_are_retried_with_backoff(hook_app, receiver):
    receiver.script = [500, 503, 200]
    post_held(hook_app)
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.PENDING and row["attempts"] == 1 and row["last_error"] == "HTTP 500"
    assert run_schedule(hook_app) == [10]  # WEBHOOK_RETRY_SECONDS
    assert run_schedule(hook_app) == [20]  # twice as long
    assert run_schedule(hook_app) == []
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.DELIVERED and row["attempts"] == 3 and row["next_attempt_at"] is None
    assert len(receiver.calls) == 3
    assert len({h["X-Majlis-Delivery"] for h, _b in receiver.calls}) == 1  # one delivery, three attempts


def test_it_gives_up_after_the_last_attempt(hook_app, receiver):
    receiver.script = [500]
    post_held(hook_app)
    assert [run_schedule(hook_app) for _ in range(4)] == [[10], [20], [40], []]
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.FAILED and row["attempts"] == 4 and len(receiver.calls) == 4


def test_an_unreachable_receiver_is_retried(hook_app, receiver):
    receiver.close()
    post_held(hook_app)
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.PENDING and "ConnectionError" in row["last_error"]


def test_a_reported_comment_is_delivered(hook_app, receiver):
    with hook_app.app_context():
        settings.apply(None, {"reports_threshold": 1})
    client = hook_app.test_client()
    cid = client.post("/api/v1/threads/news/hooks/comments", json={
        "name": "قارئ", "email": "r@example.org", "body": "تعليق عادي"}).get_json()["comment"]["id"]
    assert client.post(f"/api/v1/comments/{cid}/report", json={"reason": "إساءة"}).status_code == 202
    assert [json.loads(b)["event"] for _h, b in receiver.calls] == ["comment.reported"]
    assert json.loads(receiver.calls[0][1])["comment"]["status"] == "reported"


def test_no_webhook_no_delivery(joined, receiver):
    post_held(joined)
    assert deliveries(joined) == [] and receiver.calls == []


def test_an_address_that_became_private_is_refused_at_delivery(hook_app, receiver):
    with hook_app.app_context():
        settings.update(None, {"webhook_url": "https://10.20.30.40/hook"})  # bypassing the check
        db.session.commit()
    post_held(hook_app)
    [row] = deliveries(hook_app)
    assert row["state"] == DeliveryState.FAILED and row["last_error"].startswith("refused")
    assert receiver.calls == []


@pytest.mark.parametrize("url", [
    "ftp://8.8.8.8/hook", "http://8.8.8.8/hook", "https://10.0.0.5/hook", "https://192.168.1.2/",
    "https://169.254.169.254/latest/meta-data", "https://127.0.0.1/hook", "https://[::1]/hook",
    "https://user:pw@8.8.8.8/hook", "https://0.0.0.0/", "not a url", "https://[fd00::1]/",
])
def test_refused_addresses(app, url):
    with app.app_context(), pytest.raises(ValidationFailed):
        webhooks.validate_url(url)


def test_accepted_addresses(app):
    with app.app_context():
        assert webhooks.validate_url("https://8.8.8.8/hook") == "https://8.8.8.8/hook"
        app.config["WEBHOOK_ALLOW_PRIVATE"] = True
        try:
            assert webhooks.validate_url("https://10.0.0.5/hook")
        finally:
            app.config["WEBHOOK_ALLOW_PRIVATE"] = False
        app.config["WEBHOOK_ALLOW_LOOPBACK"] = True
        try:
            assert webhooks.validate_url("http://127.0.0.1:8080/hook")
            with pytest.raises(ValidationFailed):
                webhooks.validate_url("http://8.8.8.8/hook")  # plain http only to loopback
        finally:
            app.config["WEBHOOK_ALLOW_LOOPBACK"] = False


def test_signature_helper():
    assert webhooks.sign("k", "1", b"{}") == "sha256=" + hmac.new(b"k", b"1.{}", hashlib.sha256).hexdigest()
