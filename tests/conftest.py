"""Fixtures: one migrated database per test session, each test rolled back, an injectable clock.

The database is SQLite in a temporary folder unless DATABASE_URL names a PostgreSQL server: then a
fresh database is created on that server for this session and dropped at the end. A service a test
needs and cannot reach fails the run in CI (CI=true) and skips it elsewhere, saying why.
"""
import os
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db, limiter

RUN_ID = uuid.uuid4().hex[:10]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# A policy whose outcomes the tests can predict: «بطيخ» holds, «باذنجان» rejects, all else approves.
TEST_POLICY = (FIXTURES / "policy.yaml").as_posix()


class FakeClock:
    """Time that moves only when a test says so."""

    def __init__(self, start=datetime(2026, 11, 29, 9, 0, 0)):
        self.current = start

    def now(self):
        return self.current

    def advance(self, **delta):
        self.current += timedelta(**delta)


def need_service(reason):
    """Fail in CI, skip elsewhere: a missing service must never pass silently in CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"required service unavailable in CI: {reason}")
    pytest.skip(reason)


def _postgres_database(url, suffix=""):
    """Create a fresh database for this run on the server of `url`; returns (url, drop)."""
    server = make_url(url).set(drivername="postgresql+psycopg")
    name = f"majlis_test_{RUN_ID}{suffix}"
    admin = sa.create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except sa.exc.OperationalError as err:
        need_service(f"PostgreSQL at {server.host}:{server.port} unreachable: {err.orig}")

    def drop():
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()

    return server.set(database=name).render_as_string(hide_password=False), drop


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgresql"):
        test_url, drop = _postgres_database(url)
        yield test_url
        drop()
    else:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'majlis-test.db'}"


@pytest.fixture(scope="session")
def base_config(database_url, tmp_path_factory):
    return {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SECRET_KEY": "test-secret-" + RUN_ID,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "RATELIMIT_KEY_PREFIX": f"majlis-test-{RUN_ID}",
        "POLICY_FILE": TEST_POLICY,
        # The task queue's SQLite file of this run, not instance/tasks.db: another process using
        # that one (a dev server, a second test run) would hold its lock and stall create_app.
        "TASK_QUEUE": f"sqlite:///{(tmp_path_factory.mktemp('tasks') / 'tasks.db').as_posix()}",
    }


@pytest.fixture(scope="session")
def session_app(base_config, tmp_path_factory):
    """The app, with the schema created once for the whole session by the migrations."""
    app = create_app(dict(base_config, CLOCK=FakeClock()))
    with app.app_context():
        upgrade()
    return app


@contextmanager
def rolled_back(*apps):
    """Bind the apps' sessions to one connection inside a transaction that is rolled back."""
    first = apps[0]
    with first.app_context():
        conn = db.engine.connect()
    trans = conn.begin()
    saved = []
    for app in apps:
        with app.app_context():
            engines = db.engines
            saved.append((app, engines, engines[None]))
            engines[None] = conn
            # Services commit; inside the test transaction a commit only releases a savepoint.
            db.session.session_factory.kw["join_transaction_mode"] = "create_savepoint"
    try:
        yield conn
    finally:
        for app, engines, engine in saved:
            with app.app_context():
                db.session.remove()
                engines[None] = engine
        trans.rollback()
        conn.close()


@pytest.fixture
def app(session_app):
    session_app.config["CLOCK"] = FakeClock()
    # flask-limiter keeps `enabled` on its one Limiter object, shared by every app in the process:
    # whichever app was created last decides. Start every test with the session app's setting.
    limiter.enabled = session_app.config["RATELIMIT_ENABLED"]
    with rolled_back(session_app):
        yield session_app


@pytest.fixture
def clock(app):
    return app.config["CLOCK"]


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def make_app(base_config, app):
    """Another app instance on the same test transaction, with its own settings."""
    made = []

    def factory(**overrides):
        other = create_app(dict(base_config, CLOCK=app.config["CLOCK"], **overrides))
        made.append(other)
        return other

    yield factory


@pytest.fixture
def app_with(make_app, app):
    """An app with overrides, sharing the test's rolled-back connection."""
    stack = []

    def factory(**overrides):
        other = make_app(**overrides)
        cm = rolled_back_join(app, other)
        cm.__enter__()
        stack.append(cm)
        return other

    yield factory
    for cm in reversed(stack):
        cm.__exit__(None, None, None)


@contextmanager
def rolled_back_join(app, other):
    """Point `other` at the connection `app` is using in this test."""
    with app.app_context():
        conn = db.engines[None]
    with other.app_context():
        engines = db.engines
        engine = engines[None]
        engines[None] = conn
        db.session.session_factory.kw["join_transaction_mode"] = "create_savepoint"
    try:
        yield
    finally:
        with other.app_context():
            db.session.remove()
            engines[None] = engine
            engine.dispose()


# ------------------------------------------------------------------ rate limits, Redis, fresh DBs


@pytest.fixture
def limited_app(app_with):
    """An app with rate limits on (RATELIMIT_STORAGE_URI or memory), its own key prefix and secret.

    flask-limiter's Limiter is one object for the whole process: creating an app re-initializes it,
    so create every app a test needs through this fixture (or app_with) before sending requests.
    A fresh SECRET_KEY gives fresh IP/email hashes, so no two tests share a counter even where the
    Limiter keeps the first key prefix it saw.
    """

    def factory(**overrides):
        # CI's second run sets RATELIMIT_STORAGE_URI to its Redis: count there too.
        overrides.setdefault("RATELIMIT_STORAGE_URI", os.environ.get("RATELIMIT_STORAGE_URI") or "memory://")
        overrides.setdefault("SECRET_KEY", "limits-" + uuid.uuid4().hex)
        overrides.setdefault("RATELIMIT_KEY_PREFIX", f"majlis-test-{RUN_ID}-{uuid.uuid4().hex[:8]}")
        return app_with(RATELIMIT_ENABLED=True, **overrides)

    yield factory
    limiter.enabled = False


def postgres_server_url():
    """The PostgreSQL server of DATABASE_URL, else the machine's own (tests make their databases on it)."""
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgresql") else "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def reachable_redis_url():
    """The Redis that CI uses for rate limits; need_service when it does not answer."""
    import redis

    url = os.environ.get("RATELIMIT_STORAGE_URI", "")
    if not url.startswith("redis"):
        url = "redis://127.0.0.1:6379/0"
    client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as err:
        need_service(f"Redis at {url} unreachable: {err}")
    finally:
        client.close()
    return url


@pytest.fixture
def redis_url():
    return reachable_redis_url()


@pytest.fixture
def fresh_database_url(tmp_path):
    """An empty database of its own: a new SQLite file, or a new PostgreSQL database."""
    url = os.environ.get("DATABASE_URL")
    if url and url.startswith("postgresql"):
        test_url, drop = _postgres_database(url, suffix="_" + uuid.uuid4().hex[:6])
        yield test_url
        drop()
    else:
        yield f"sqlite:///{(tmp_path / 'fresh.db').as_posix()}"


# ------------------------------------------------------------------ posting comments in tests


def comment_data(**fields):
    """A valid submission with a fresh email and body; a field given as None is left out."""
    tag = uuid.uuid4().hex[:10]
    data = {"name": "قارئ من عمّان", "email": f"reader-{tag}@example.org",
            "body": f"شكراً على المقال، تحليل متوازن ومفيد ({tag})."}
    data.update(fields)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def valid_comment():
    """comment_data as a fixture: valid_comment(body="…") is a submission the test policy approves."""
    return comment_data


@pytest.fixture
def post(client):
    """post(key, **fields) sends a valid comment (fields override); form=True sends it form-encoded."""

    def send(key="news/2026/test-article", data=None, *, form=False, headers=None, via=None, **fields):
        payload = comment_data(**fields) if data is None else data
        target = via or client
        path = f"/api/v1/threads/{key}/comments"
        if form:
            return target.post(path, data=payload, headers=headers)
        return target.post(path, json=payload, headers=headers)

    return send


@pytest.fixture
def rows(app):
    """rows() -> {"thread": n, "comment": n}: what a request left behind, counted in SQL."""
    from app.models import Comment, Thread

    def count():
        with app.app_context():
            return {"thread": db.session.scalar(sa.select(sa.func.count()).select_from(Thread)),
                    "comment": db.session.scalar(sa.select(sa.func.count()).select_from(Comment))}

    return count


@pytest.fixture
def stored(app):
    """stored(comment_id) -> the Comment row as a plain dict (status, decision, email, …)."""
    from app.models import Comment

    def get(comment_id):
        with app.app_context():
            comment = db.session.get(Comment, comment_id)
            if comment is None:
                return None
            return {c.name: getattr(comment, c.name) for c in Comment.__table__.columns}

    return get


def is_arabic(text):
    return any("\u0600" <= ch <= "\u06ff" for ch in str(text))


@pytest.fixture
def problem():
    """problem(response, status) checks an RFC 9457 body and returns it as a dict."""

    def check(response, status, *, arabic=True):
        assert response.status_code == status, (response.status_code, response.get_data(as_text=True)[:300])
        assert response.mimetype == "application/problem+json", response.headers
        text = response.get_data(as_text=True)
        assert "<html" not in text.lower() and "Traceback" not in text
        body = response.get_json(force=True)
        assert body["status"] == status
        assert isinstance(body["type"], str) and body["type"]
        assert isinstance(body["title"], str) and body["title"]
        if arabic:
            assert is_arabic(body["title"]), body
            if "detail" in body:
                assert is_arabic(body["detail"]), body
        return body

    return check
