"""The schema comes only from the migrations: they upgrade an empty database, match the models, and
downgrade cleanly. Each test gets its own fresh database (a new SQLite file, or a new PostgreSQL
database when DATABASE_URL names a server)."""
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade

from app import create_app
from app.extensions import db

TABLES = {"thread", "comment"}
INDEXES = {"ix_comment_thread_page", "ix_comment_queue", "ix_comment_duplicate", "ix_comment_email_hash",
           "ix_comment_parent_id"}


@pytest.fixture
def fresh_app(fresh_database_url, base_config, tmp_path):
    config = dict(base_config, SQLALCHEMY_DATABASE_URI=fresh_database_url)
    app = create_app(config)
    yield app
    with app.app_context():
        db.engine.dispose()


def tables(app):
    with app.app_context():
        return set(sa.inspect(db.engine).get_table_names())


def test_upgrade_from_empty_creates_the_schema(fresh_app):
    assert tables(fresh_app) == set()
    with fresh_app.app_context():
        upgrade()
        inspector = sa.inspect(db.engine)
        names = set(inspector.get_table_names())
        assert names >= TABLES and "alembic_version" in names
        indexes = {ix["name"] for ix in inspector.get_indexes("comment")}
        assert indexes >= INDEXES
        assert {uc["name"] for uc in inspector.get_unique_constraints("thread")} == {"uq_thread_key"}
        fks = {fk["name"] for fk in inspector.get_foreign_keys("comment")}
        assert {"fk_comment_thread_id_thread", "fk_comment_parent_id_comment"} <= fks


def test_migrations_match_the_models(fresh_app):
    with fresh_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, db.metadata)
    assert diff == [], diff


def test_downgrade_to_base_and_up_again(fresh_app):
    with fresh_app.app_context():
        upgrade()
        downgrade(revision="base")
    assert tables(fresh_app) <= {"alembic_version"}
    with fresh_app.app_context():
        upgrade()  # a round trip leaves a working schema
        with db.engine.connect() as conn:
            version = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
    assert version
    assert tables(fresh_app) >= TABLES


def test_each_step_downgrades_cleanly(fresh_app):
    """Walk down one revision at a time and back up: every downgrade undoes its upgrade."""
    with fresh_app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            head = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
        seen = [tables(fresh_app)]
        steps = 0
        while True:
            with db.engine.connect() as conn:
                current = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            if current is None:
                break
            downgrade(revision="-1")
            seen.append(tables(fresh_app))
            steps += 1
            assert steps < 100
        assert seen[-1] <= {"alembic_version"}
        upgrade()
        with db.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() == head
    assert tables(fresh_app) == seen[0]


def test_the_app_works_on_the_migrated_schema(fresh_app):
    with fresh_app.app_context():
        upgrade()
    client = fresh_app.test_client()
    response = client.post("/api/v1/threads/news/migrated/comments",
                           json={"name": "قارئ", "email": "m@example.org", "body": "بعد الترحيل"})
    assert response.status_code == 201, response.get_json()
    assert client.get("/api/v1/counts?thread=news/migrated").get_json() == {"news/migrated": 1}


def test_0006_fills_in_the_severity_of_existing_comments(fresh_app):
    """Comments stored before 0006 get the severity their decision gives (score, +1000 for a
    reject-rule hit, else +100 for a hold-rule hit), so the severity sort keeps its order."""
    from datetime import datetime

    from app.models.comments import severity_of

    decisions = {
        "score only": {"outcome": "hold", "score": 4, "hits": [{"rule": "links", "score": 4}]},
        "hold rule": {"outcome": "hold", "score": 2, "hits": [{"rule": "insult", "action": "hold"}]},
        "reject rule": {"outcome": "reject", "score": 0, "hits": [{"rule": "blasphemy", "action": "reject"},
                                                                  {"rule": "insult", "action": "hold"}]},
        "no decision": None,
    }
    with fresh_app.app_context():
        upgrade(revision="0005")
        stamp = datetime(2026, 11, 1)
        thread = sa.table("thread", *(sa.column(c) for c in ("id", "key", "closed", "comment_count", "created_at")))
        comment = sa.table("comment", sa.column("decision", sa.JSON), *(sa.column(c) for c in (
            "thread_id", "depth", "name", "email", "email_hash", "body", "body_html", "body_fingerprint", "status",
            "created_at", "updated_at", "report_count")))
        with db.engine.begin() as conn:
            conn.execute(thread.insert().values(id=1, key="news/old", closed=False, comment_count=0, created_at=stamp))
            conn.execute(comment.insert(), [
                {"thread_id": 1, "depth": 0, "name": "قارئ", "email": "o@example.org", "email_hash": "h",
                 "body": body, "body_html": body, "body_fingerprint": body, "status": "pending",
                 "created_at": stamp, "updated_at": stamp, "decision": decision, "report_count": 0}
                for body, decision in decisions.items()])
        upgrade()
        with db.engine.connect() as conn:
            stored = dict(conn.execute(sa.text("SELECT body, severity FROM comment")).all())
    assert stored == {"score only": 4.0, "hold rule": 102.0, "reject rule": 1000.0, "no decision": 0.0}
    assert stored == {body: severity_of(decision) for body, decision in decisions.items()}
