"""The ops blueprint: /healthz, /readyz (database and Redis, 503 problem+json when down), /metrics."""
import re
import socket

from app.ops import metrics


def closed_port():
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sample(text, name, **labels):
    """The value of one sample in Prometheus text, or None."""
    want = ",".join(f'{k}="{v}"' for k, v in labels.items())
    for line in text.splitlines():
        if line.startswith("#"):
            continue
        head, _, value = line.rpartition(" ")
        if head == (f"{name}{{{want}}}" if labels else name) or (
                labels and head.startswith(name + "{") and all(f'{k}="{v}"' in head for k, v in labels.items())):
            return float(value)
    return None


def test_healthz_is_alive(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_readyz_checks_the_database(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.get_json()["checks"]["database"] == "ok"


def test_readyz_checks_redis_when_limits_live_there(app_with, redis_url):
    response = app_with(RATELIMIT_STORAGE_URI=redis_url).test_client().get("/readyz")
    assert response.status_code == 200
    assert response.get_json()["checks"] == {"database": "ok", "redis": "ok"}


def test_readyz_503_when_redis_is_down(app_with, problem):
    other = app_with(RATELIMIT_STORAGE_URI=f"redis://127.0.0.1:{closed_port()}/0")
    response = other.test_client().get("/readyz")
    body = problem(response, 503)
    assert body["checks"] == {"database": "ok", "redis": "unavailable"}
    assert response.headers["Retry-After"].isdigit()


def test_readyz_503_when_the_database_is_down(make_app, problem):
    other = make_app(SQLALCHEMY_DATABASE_URI=f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/none",
                     DB_CONNECT_TIMEOUT=1)
    response = other.test_client().get("/readyz", headers={"Accept-Language": "en"})
    body = problem(response, 503, arabic=False)
    assert body["checks"]["database"] == "unavailable"
    assert "Not ready" in body["detail"]
    assert "psycopg" not in response.get_data(as_text=True)


def test_metrics_in_prometheus_text_format(client, post):
    for body in ("تعليق عادي ومفيد", "أحب البطيخ كثيراً", "هذا باذنجان"):  # approve, hold, reject
        post(body=body)
    client.get("/api/v1/threads/news/2026/test-article/comments")
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    for name in ("majlis_comments", "majlis_moderation_queue_depth", "majlis_http_request_duration_seconds",
                 "majlis_rule_evaluation_seconds", "majlis_ratelimit_fallback_total",
                 "majlis_comment_submissions_total", "majlis_database_unavailable_total"):
        assert re.search(rf"^# TYPE {name} ", text, re.M), name
    assert sample(text, "majlis_comments", status="approved") >= 1
    assert sample(text, "majlis_comments", status="pending") >= 1
    assert sample(text, "majlis_comments", status="rejected") >= 1
    assert sample(text, "majlis_moderation_queue_depth", status="pending") >= 1
    assert sample(text, "majlis_http_request_duration_seconds_count", method="POST",
                  endpoint="widget.create_comment", status="201") >= 1
    assert sample(text, "majlis_http_request_duration_seconds_bucket", endpoint="widget.list_comments",
                  le="+Inf") >= 1
    for outcome in ("approve", "hold", "reject"):
        assert sample(text, "majlis_comment_submissions_total", outcome=outcome) >= 1
    # Every submission above went through the rule engine, timed.
    assert sample(text, "majlis_rule_evaluation_seconds_count") >= 3


def test_submission_counters_move_by_outcome(post):
    before = {o: metrics.SUBMISSIONS.labels(o)._value.get() for o in ("approve", "hold", "reject")}
    assert post(body="أحب البطيخ").status_code == 202
    assert post(body="باذنجان").status_code == 422
    assert metrics.SUBMISSIONS.labels("hold")._value.get() == before["hold"] + 1
    assert metrics.SUBMISSIONS.labels("reject")._value.get() == before["reject"] + 1
    assert metrics.SUBMISSIONS.labels("approve")._value.get() == before["approve"]


def test_rule_timer_observes_into_the_histogram():
    before = metrics.RULE_EVALUATION._sum.get()
    with metrics.rule_timer():
        sum(range(1000))
    assert metrics.RULE_EVALUATION._sum.get() > before


def test_request_id_round_trip(client):
    response = client.get("/healthz", headers={"X-Request-Id": "lb-1234.abc"})
    assert response.headers["X-Request-Id"] == "lb-1234.abc"
    made = client.get("/healthz", headers={"X-Request-Id": "not a valid id <script>"}).headers["X-Request-Id"]
    assert re.fullmatch(r"[0-9a-f]{32}", made)
    assert client.get("/healthz").headers["X-Request-Id"] != made


def test_errors_carry_the_request_id_too(client, problem):
    response = client.get("/no/such/page")
    problem(response, 404)
    assert response.headers.get("X-Request-Id")
