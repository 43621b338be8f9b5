"""SQLite read-only (PRAGMA query_only, as root ignores chmod) and full (PRAGMA max_page_count):
posting answers 503 problem+json with Retry-After and a clear message; nothing is half-written."""
import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app
from app.extensions import db
from tests.conftest import RUN_ID, TEST_POLICY, FakeClock, comment_data

KEY = "news/faults/sqlite"
PATH = f"/api/v1/threads/{KEY}/comments"


@pytest.fixture
def sqlite_app(tmp_path):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'faults.db'}",
                      "SECRET_KEY": "faults-" + RUN_ID, "RATELIMIT_ENABLED": False, "POLICY_FILE": TEST_POLICY,
                      "CLOCK": FakeClock(), "DB_RETRY_AFTER": 7})
    with app.app_context():
        upgrade()
    yield app
    with app.app_context():
        db.engine.dispose()


def on_every_connection(app, *pragmas):
    """Run PRAGMAs on each new connection of the app's engine (and drop the pooled ones)."""
    with app.app_context():
        engine = db.engine

        @sa.event.listens_for(engine, "connect")
        def apply(dbapi_connection, _record):
            cursor = dbapi_connection.cursor()
            for pragma in pragmas:
                cursor.execute(pragma() if callable(pragma) else pragma)
            cursor.close()

        engine.dispose()


def state(app):
    """(comments, approved comments, the thread's count), read on a connection of its own."""
    import sqlite3

    with app.app_context():
        path = db.engine.url.database
    conn = sqlite3.connect(path)
    try:
        comments, approved = conn.execute(
            "SELECT count(*), coalesce(sum(status = 'approved'), 0) FROM comment").fetchone()
        count = conn.execute("SELECT comment_count FROM thread WHERE key = ?", (KEY,)).fetchone()[0]
    finally:
        conn.close()
    return comments, approved, count


def test_read_only_database_gives_503(sqlite_app, problem):
    client = sqlite_app.test_client()
    assert client.post(PATH, json=comment_data()).status_code == 201
    on_every_connection(sqlite_app, "PRAGMA query_only=ON")

    response = client.post(PATH, json=comment_data())
    body = problem(response, 503)
    assert response.headers["Retry-After"] == "7"
    assert "للقراءة فقط" in body["detail"]
    english = problem(client.post(PATH, json=comment_data(), headers={"Accept-Language": "en"}), 503,
                      arabic=False)
    assert "read-only" in english["detail"] and "nothing you sent was saved" in english["detail"]
    assert "sqlite" not in response.get_data(as_text=True).lower()
    # Readers are still served: a request that only reads begins DEFERRED and needs no write lock.
    page = client.get(f"/api/v1/threads/{KEY}/comments")
    assert page.status_code == 200 and len(page.get_json()["comments"]) == 1
    assert state(sqlite_app) == (1, 1, 1)


def test_full_database_gives_503_with_a_clear_message(sqlite_app, problem):
    client = sqlite_app.test_client()
    assert client.post(PATH, json=comment_data()).status_code == 201
    with sqlite_app.app_context():
        pages = db.session.execute(sa.text("PRAGMA page_count")).scalar()
        db.session.rollback()
    on_every_connection(sqlite_app, f"PRAGMA max_page_count={pages + 2}")

    codes = []
    for i in range(200):  # a few comments fit in the last pages; then the database is full
        response = client.post(PATH, json=comment_data(body=f"تعليق طويل رقم {i} " + "نص " * 1200),
                               headers={"Accept-Language": "en"})
        codes.append(response.status_code)
        if response.status_code == 503:
            break
    assert codes[-1] == 503, codes
    body = problem(response, 503, arabic=False)
    assert "full" in body["detail"] and response.headers["Retry-After"] == "7"
    stored, approved, count = state(sqlite_app)
    assert stored == codes.count(201) + 1 and count == approved  # the failed one left nothing


def test_readers_do_not_wait_for_a_writer(sqlite_app):
    """Another process holds SQLite's write lock mid-transaction: pages and counts still answer
    from a snapshot (a request that only reads begins DEFERRED), while writes begin IMMEDIATE."""
    import sqlite3

    client = sqlite_app.test_client()
    with sqlite_app.app_context():
        path, engine = db.engine.url.database, db.engine
    begins = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda _c, _cur, statement, *_: begins.append(statement) if statement.startswith("BEGIN") else None)
    assert client.post(PATH, json=comment_data(body="تعليق قبل القفل")).status_code == 201
    assert begins[-1] == "BEGIN IMMEDIATE"
    writer = sqlite3.connect(path, isolation_level=None, timeout=0)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE thread SET title = 'قيد التعديل'")
        page = client.get(PATH)
        assert page.status_code == 200, page.get_data(as_text=True)
        assert ["تعليق قبل القفل" in c["body_html"] for c in page.get_json()["comments"]] == [True]
        assert client.get(f"/api/v1/counts?thread={KEY}").get_json() == {KEY: 1}
        assert begins[-1] == "BEGIN"
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def unseeded_app(tmp_path):
    """A fresh SQLite database with no policy version yet (tests seed lazily, on first use)."""
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'seed.db'}",
                      "SECRET_KEY": "seed-" + RUN_ID, "RATELIMIT_ENABLED": False, "POLICY_FILE": TEST_POLICY,
                      "POLICY_SOURCE": "database", "CLOCK": FakeClock()})
    with app.app_context():
        upgrade()
    return app


def test_seeding_after_writes_in_a_read_only_context_keeps_them(tmp_path):
    """Tools and benchmarks write inside a GET test_request_context: a transaction that has written
    holds the write lock already, so the first-use seed must not end it and lose that work."""
    from datetime import datetime

    from app.models import Thread
    from app.services.policies import versions

    app = unseeded_app(tmp_path)
    try:
        with app.test_request_context():
            db.session.add(Thread(key="news/kept", created_at=datetime(2026, 11, 29)))
            db.session.flush()
            assert versions.ensure_seeded() is True
            db.session.commit()
        with app.app_context():
            assert db.session.scalar(sa.select(Thread.key).where(Thread.key == "news/kept")) == "news/kept"
            assert versions.active_version().number == 1
    finally:
        with app.app_context():
            db.engine.dispose()


def test_first_readers_racing_to_seed_the_policy_all_get_answers(tmp_path):
    """Several GETs reach a database with no policy version at once (the lazy first-use seed): one
    seeds, the others see it; none fails upgrading its read snapshot to a write (503 "busy")."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from app.models import Role, TokenKind
    from app.models.policies import PolicyVersion
    from app.services import accounts

    app = unseeded_app(tmp_path)
    with app.app_context():
        account = accounts.create_account(None, email="seed-race@newsroom.example", display_name="قارئ",
                                          password="a long enough password 123", role=Role.MODERATOR)
        token, _row = accounts.issue_token(account, TokenKind.API)
    start = threading.Barrier(6)

    def first_read(_):
        client = app.test_client()
        start.wait()
        return client.get("/api/v1/policy/versions", headers={"Authorization": f"Bearer {token}"}).status_code

    try:
        for _round in range(3):
            with ThreadPoolExecutor(6) as pool:
                codes = list(pool.map(first_read, range(6)))
            assert codes == [200] * 6, codes
            with app.app_context():
                assert db.session.scalar(sa.select(sa.func.count()).select_from(PolicyVersion)) == 1
                db.session.execute(sa.text("DELETE FROM policy_state"))  # unseeded again, for another race
                db.session.execute(sa.text("DELETE FROM policy_version"))
                db.session.commit()
    finally:
        with app.app_context():
            db.engine.dispose()
