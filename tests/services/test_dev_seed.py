"""`flask dev seed`: the bulk loader behind the million-comment benchmark, run small on a fresh database
of its own (it commits through raw connections, past the per-test rollback)."""
import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app
from app.extensions import db
from app.models import Comment, Thread
from app.services import queue


@pytest.fixture
def seeded(fresh_database_url, base_config):
    app = create_app(dict(base_config, SQLALCHEMY_DATABASE_URI=fresh_database_url))
    with app.app_context():
        upgrade()
    result = app.test_cli_runner().invoke(args=["dev", "seed", "--comments", "3000", "--threads", "30",
                                                "--big", "1000", "--chunk", "700"])
    assert result.exit_code == 0, result.output
    yield app, result.output
    with app.app_context():
        db.engine.dispose()


def test_seed_loads_threads_comments_and_counts(seeded):
    app, output = seeded
    assert "3,000 comments" in output
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 3000
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Thread)) == 30
        big = db.session.scalar(sa.select(Thread).where(Thread.key == "seed/big"))
        assert db.session.scalar(sa.select(sa.func.count()).where(Comment.thread_id == big.id)) == 1000
        approved = dict(db.session.execute(sa.select(Comment.thread_id, sa.func.count())
                                           .where(Comment.status == "approved").group_by(Comment.thread_id)).all())
        for thread in db.session.scalars(sa.select(Thread)):
            assert thread.comment_count == approved.get(thread.id, 0), thread.key
        statuses = set(db.session.scalars(sa.select(Comment.status).distinct()))
        assert statuses == {"approved", "pending", "rejected", "spam"}
        # new comments get ids after the seeded ones
        assert db.session.scalar(sa.select(sa.func.max(Comment.id))) == 3000


def test_seeded_queue_sorts_by_the_stored_severity(seeded):
    app, _ = seeded
    with app.test_request_context():
        severities = sorted(set(db.session.scalars(sa.select(Comment.severity).where(Comment.status == "pending"))))
        assert severities == [3.0, 100.0]  # held by score (3), held by a hold rule (0 + 100)
        seen, cursor = [], None
        while True:  # cursor pages of 40 across the change of severity
            items, counts, cursor = queue.page(status="pending", sort="severity", cursor=cursor, limit=40)
            seen += [(-item.comment.severity, item.comment.created_at, item.comment.id) for item in items]
            if cursor is None:
                break
        assert len(seen) == counts["pending"] > 80 and seen == sorted(seen)  # most severe, then oldest first
        assert {severity for severity, _, _ in seen} == {-100.0, -3.0}
