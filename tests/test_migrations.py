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
