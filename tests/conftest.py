"""Fixtures: one migrated database per test session, each test rolled back, an injectable clock.

The database is SQLite in a temporary folder unless DATABASE_URL names a PostgreSQL server: then a
fresh database is created on that server for this session and dropped at the end. A service a test
needs and cannot reach fails the run in CI (CI=true) and skips it elsewhere, saying why.
"""
import os
import uuid
from contextlib import contextmanager
from datetime import datetime, timedelta

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db

RUN_ID = uuid.uuid4().hex[:10]


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


def _postgres_database(url):
    """Create a fresh database for this run on the server of `url`; returns (url, drop)."""
    server = make_url(url).set(drivername="postgresql+psycopg")
    name = f"majlis_test_{RUN_ID}"
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
