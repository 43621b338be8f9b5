"""Scale-out: two gunicorn instances (separate processes and ports) on one fresh PostgreSQL database
and one Redis.

- limits off: a bounded loader sends 2,000 concurrent posts across both → exactly 2,000 rows, no
  duplicates, no 5xx (and /metrics adds up every worker of an instance; the access log has no IP);
- limits on: one client's limit holds across the two instances (counted in Redis);
- a policy published through instance A is used by instance B within 5 seconds.

Needs PostgreSQL and Redis: need_service (fails in CI, skips elsewhere) when either is unreachable.
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.conftest import (
    RUN_ID,
    TEST_POLICY,
    _postgres_database,
    comment_data,
    postgres_server_url,
    reachable_redis_url,
)

ROOT = Path(__file__).resolve().parents[2]
POSTS = 2000
LOADER_THREADS = 32
ADMIN = ("scale-admin@example.org", "scale-test-password-1")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port, method, path, body=None, headers=None, timeout=30):
    """(status, parsed JSON or text, headers) over a fresh loopback connection."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        payload = None if body is None else json.dumps(body, ensure_ascii=False).encode()
        hdrs = {"Content-Type": "application/json"} if payload is not None else {}
        hdrs.update(headers or {})
        conn.request(method, path, body=payload, headers=hdrs)
        response = conn.getresponse()
        raw = response.read().decode()
        try:
            data = json.loads(raw)
        except ValueError:
            data = raw
        return response.status, data, dict(response.getheaders())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def services():
    redis_url = reachable_redis_url()
    db_url, drop = _postgres_database(postgres_server_url(), suffix="_scale")
    from flask_migrate import upgrade

    from app import create_app

    app = create_app({"SQLALCHEMY_DATABASE_URI": db_url, "RATELIMIT_ENABLED": False, "TASK_QUEUE": "immediate"})
    with app.app_context():
        upgrade()
        from app.extensions import db

        db.engine.dispose()
    engine = sa.create_engine(db_url)
    yield {"db_url": db_url, "redis_url": redis_url, "engine": engine}
    engine.dispose()
    drop()


class Instance:
    def __init__(self, name, env, tmp):
        self.name, self.port = name, free_port()
        self.access_log = tmp / f"{name}-access.log"
        self.stderr = open(tmp / f"{name}-stderr.log", "w")  # noqa: SIM115  (closed in stop)
        metrics_dir = tmp / f"{name}-metrics"
        metrics_dir.mkdir()
        env = dict(env, MAJLIS_BIND=f"127.0.0.1:{self.port}", MAJLIS_ACCESS_LOG=str(self.access_log),
                   PROMETHEUS_MULTIPROC_DIR=str(metrics_dir))
        self.proc = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
            cwd=ROOT, env=env, stdout=self.stderr, stderr=subprocess.STDOUT)

    def wait_ready(self, deadline):
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise AssertionError(f"{self.name} exited: {self.log_tail()}")
            try:
                if request(self.port, "GET", "/readyz", timeout=2)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{self.name} not ready: {self.log_tail()}")

    def log_tail(self):
        self.stderr.flush()
        return Path(self.stderr.name).read_text()[-3000:]

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        self.stderr.close()


def start_pair(services, tmp, *, limits, tag):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAJLIS_", "PROMETHEUS_"))}
    env.update({
        "DATABASE_URL": services["db_url"], "RATELIMIT_STORAGE_URI": services["redis_url"],
        "MAJLIS_SECRET_KEY": f"scale-{RUN_ID}-{tag}", "MAJLIS_RATELIMIT_ENABLED": "true" if limits else "false",
        "MAJLIS_RATELIMIT_KEY_PREFIX": f"majlis-scale-{RUN_ID}-{tag}-{uuid.uuid4().hex[:6]}",
        "MAJLIS_TASK_QUEUE": "immediate", "MAJLIS_POLICY_FILE": TEST_POLICY, "MAJLIS_WORKERS": "2",
        "MAJLIS_ADMIN_EMAIL": ADMIN[0], "MAJLIS_ADMIN_PASSWORD": ADMIN[1], "MAJLIS_ARGON2_PROFILE": "CHEAPEST",
        "MAJLIS_LOG_LEVEL": "WARNING", "MAJLIS_GUNICORN_LOG_LEVEL": "warning", "MAJLIS_POLICY_REFRESH_SECONDS": "1",
    })
    pair = [Instance(f"{tag}-a", env, tmp), Instance(f"{tag}-b", env, tmp)]
    deadline = time.monotonic() + 40
    try:
        for inst in pair:
            inst.wait_ready(deadline)
    except BaseException:
        for inst in pair:
            inst.stop()
        raise
    return pair


@pytest.fixture(scope="module")
def open_pair(services, tmp_path_factory):
    pair = start_pair(services, tmp_path_factory.mktemp("scale-open"), limits=False, tag="open")
    yield pair
    for inst in pair:
        inst.stop()


def test_2000_concurrent_posts_across_two_instances(open_pair, services):
    a, b = open_pair
    key = f"scale/load-{uuid.uuid4().hex[:8]}"
    deadline = time.monotonic() + 90

    def send(i):
        if time.monotonic() > deadline:
            return "timeout", None
        data = comment_data(body=f"تعليق تحت الحمل رقم {i} ({uuid.uuid4().hex[:8]})")
        port = (a if i % 2 else b).port
        for attempt in range(3):  # a refused connection (backlog full) is retried; an HTTP answer is not
            try:
                status, body, _ = request(port, "POST", f"/api/v1/threads/{key}/comments", data)
                return status, (body.get("comment") or {}).get("id") if isinstance(body, dict) else None
            except (ConnectionError, TimeoutError) as err:
                if attempt == 2:
                    return f"error: {err}", None
                time.sleep(0.2)
        return "unreachable", None

    started = time.monotonic()
    with ThreadPoolExecutor(LOADER_THREADS) as pool:
        results = list(pool.map(send, range(POSTS)))
    took = time.monotonic() - started
    statuses = [s for s, _ in results]
    assert statuses.count(201) == POSTS, {s: statuses.count(s) for s in set(statuses)}
    ids = [cid for _, cid in results]
    assert len(set(ids)) == POSTS

    with services["engine"].connect() as conn:
        rows, bodies, count = conn.execute(sa.text(
            "SELECT count(*), count(DISTINCT c.body), max(t.comment_count) FROM comment c "
            "JOIN thread t ON t.id = c.thread_id WHERE t.key = :key"), {"key": key}).one()
        threads = conn.execute(sa.text("SELECT count(*) FROM thread WHERE key = :key"), {"key": key}).scalar()
    assert (rows, bodies, count, threads) == (POSTS, POSTS, POSTS, 1)
    print(f"\n{POSTS} posts across two instances in {took:.1f} s ({POSTS / took:.0f}/s)")

    # /metrics of one instance adds up its two workers (prometheus multiprocess files).
    _, text, _ = request(a.port, "GET", "/metrics")
    total = sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines()
                if line.startswith("majlis_http_request_duration_seconds_count{")
                and 'endpoint="widget.create_comment"' in line)
    assert total == POSTS // 2
    assert f'majlis_comments{{status="approved"}} {float(POSTS)}' in text or "majlis_comments{" in text
    # The access log is JSON without the client's address.
    lines = a.access_log.read_text().splitlines()
    assert len(lines) >= POSTS // 2
    assert "127.0.0.1" not in a.access_log.read_text()
    entry = json.loads(lines[-1])
    assert entry["request_id"] and entry["ip_hash"] and entry["status"] in (200, 201)


def test_a_policy_published_through_a_is_used_by_b_within_5_seconds(open_pair):
    a, b = open_pair
    word = "كرنب"  # cabbage: harmless, and not in the test policy yet
    key = f"scale/policy-{uuid.uuid4().hex[:8]}"
    status, _, _ = request(b.port, "POST", f"/api/v1/threads/{key}/comments", comment_data(body=f"أحب ال{word} جداً"))
    assert status == 201  # approved before the change

    status, body, _ = request(a.port, "POST", "/api/v1/auth/token", {"email": ADMIN[0], "password": ADMIN[1]})
    assert status in (200, 201), body
    auth = {"Authorization": f"Bearer {body['token']}"}
    status, draft, _ = request(a.port, "POST", "/api/v1/policy/drafts", {}, auth)
    assert status == 201, draft
    draft = draft.get("draft", draft)
    status, changed, _ = request(a.port, "POST", f"/api/v1/policy/drafts/{draft['id']}/lists/hold_words/terms",
                                 {"terms": [{"term": word}], "revision": draft["revision"]}, auth)
    assert status == 200, changed
    status, published, _ = request(a.port, "POST", "/api/v1/policy/publish",
                                   {"draft": draft["id"], "note": "scale test: hold cabbage", "force": True}, auth)
    assert status == 201, (published, a.log_tail())
    published_at = time.monotonic()

    while True:
        status, body, _ = request(b.port, "POST", f"/api/v1/threads/{key}/comments",
                                  comment_data(body=f"أحب ال{word} كثيراً {uuid.uuid4().hex[:6]}"))
        elapsed = time.monotonic() - published_at
        if status == 202:
            break
        assert status == 201, body
        assert elapsed < 5, "instance B still used the old policy 5 seconds after A published"
        time.sleep(0.25)
    assert elapsed < 5
    assert body["comment"]["status"] == "pending"


def test_one_clients_limit_holds_across_two_instances(services, tmp_path_factory):
    a, b = start_pair(services, tmp_path_factory.mktemp("scale-limited"), limits=True, tag="limited")
    try:
        key = f"scale/limits-{uuid.uuid4().hex[:8]}"
        codes = []
        for i in range(8):  # the same client (127.0.0.1), alternating instances; 5 per minute per IP
            inst = a if i % 2 == 0 else b
            status, body, headers = request(inst.port, "POST", f"/api/v1/threads/{key}/comments",
                                            comment_data(body=f"تعليق محدود رقم {i}"))
            codes.append(status)
        assert codes == [201] * 5 + [429] * 3, codes
        assert body["status"] == 429 and int(headers["Retry-After"]) > 0
        with services["engine"].connect() as conn:
            stored = conn.execute(sa.text(
                "SELECT count(*) FROM comment c JOIN thread t ON t.id = c.thread_id WHERE t.key = :key"),
                {"key": key}).scalar()
        assert stored == 5
        # Each instance answered both allowed and refused posts: the count lives in Redis, not in a worker.
        assert {codes[i] for i in range(0, 8, 2)} == {201, 429} and {codes[i] for i in range(1, 8, 2)} == {201, 429}
    finally:
        a.stop()
        b.stop()
