"""Two moderators decide the same comment at the same moment: exactly one wins, the other gets 409.

This test commits for real, outside the per-test rollback: two apps, two engines, two connections,
two threads. On PostgreSQL both transactions read the comment as pending and then race for the
conditional UPDATE (a barrier holds each until both are there); the loser waits for the winner's row
lock and then matches no row. On SQLite writers are serialized, so the second simply finds the
comment decided. The test removes everything it committed.
"""
import threading
import uuid
from datetime import datetime

import pytest
import sqlalchemy as sa

from app import create_app
from app.errors import Conflict
from app.extensions import db
from app.models import ApiToken, AuditEntry, Comment, Moderator, Role, Status, Thread
from app.services import accounts, moderation

GUARD = "UPDATE comment SET updated_at"


@pytest.fixture
def two_apps(session_app, base_config):
    """Two independent apps on the session's database, with the rows of one pending comment."""
    config = dict(base_config, ARGON2_PROFILE="CHEAPEST")
    first, second = create_app(config), create_app(config)
    tag = uuid.uuid4().hex[:8]
    stamp = datetime(2026, 11, 29, 9, 0)
    with first.app_context():
        # every audit entry this fixture's commits write, the accounts' creation included (actor and
        # comment empty there), is newer than this
        audited_before = db.session.scalar(sa.select(sa.func.max(AuditEntry.id))) or 0
        people = [accounts.create_account(None, email=f"race-{n}-{tag}@newsroom.example",
                                          display_name=f"race {n}", password="race test password",
                                          role=Role.MODERATOR).id for n in (1, 2)]
        thread = Thread(key=f"race/{tag}", closed=False, comment_count=0, created_at=stamp)
        comment = Comment(thread=thread, depth=0, name="قارئ", email="race@reader.example",
                          email_hash="h" * 64, body="تعليق", body_html="<p>تعليق</p>",
                          body_fingerprint=tag, status=Status.PENDING, created_at=stamp, updated_at=stamp)
        db.session.add(comment)
        db.session.commit()
        ids = {"people": people, "thread": thread.id, "comment": comment.id}
    yield first, second, ids
    with first.app_context():
        db.session.execute(sa.delete(AuditEntry).where(AuditEntry.id > audited_before))
        db.session.execute(sa.delete(Comment).where(Comment.id == ids["comment"]))
        db.session.execute(sa.delete(Thread).where(Thread.id == ids["thread"]))
        db.session.execute(sa.delete(ApiToken).where(ApiToken.moderator_id.in_(people)))
        db.session.execute(sa.delete(Moderator).where(Moderator.id.in_(people)))
        db.session.commit()
    for app in (first, second):
        with app.app_context():
            db.session.remove()
            db.engine.dispose()


def race(apps, ids, actions):
    """Run the two decisions at once; returns the outcomes ("ok" or "409") in order."""
    first = apps[0]
    with first.app_context():
        postgres = db.engine.dialect.name == "postgresql"
    barrier = threading.Barrier(2, timeout=20)
    outcomes = [None, None]
    hooks = []

    def at_guard(_conn, _cursor, statement, *_args):
        if statement.startswith(GUARD):
            barrier.wait()  # both transactions have read the comment as pending

    for app in apps:
        with app.app_context():
            engine = db.engine
        if postgres:
            sa.event.listen(engine, "before_cursor_execute", at_guard)
            hooks.append(engine)

    def run(index):
        app, (action, kwargs) = apps[index], actions[index]
        with app.app_context():
            actor = db.session.get(Moderator, ids["people"][index])
            try:
                moderation.decide(actor, ids["comment"], action, **kwargs)
                outcomes[index] = "ok"
            except Conflict:
                outcomes[index] = "409"
            finally:
                db.session.remove()

    threads = [threading.Thread(target=run, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    for engine in hooks:
        sa.event.remove(engine, "before_cursor_execute", at_guard)
    return outcomes


def stored(app, ids):
    with app.app_context():
        comment = db.session.get(Comment, ids["comment"])
        thread = db.session.get(Thread, ids["thread"])
        entries = db.session.scalars(sa.select(AuditEntry.action).where(
            AuditEntry.comment_id == ids["comment"])).all()
        return comment.status, thread.comment_count, entries


def test_two_approvals_at_once_one_wins(two_apps):
    first, second, ids = two_apps
    outcomes = race((first, second), ids, [("approve", {}), ("approve", {})])
    assert sorted(outcomes) == ["409", "ok"]
    status, count, entries = stored(first, ids)
    assert status == "approved" and count == 1 and entries == ["approve"]  # counted once


def test_approve_and_reject_at_once_one_wins(two_apps):
    first, second, ids = two_apps
    outcomes = race((first, second), ids, [
        ("approve", {"expected_status": "pending"}),
        ("reject", {"category": "insult", "expected_status": "pending"})])
    assert sorted(outcomes) == ["409", "ok"]
    status, count, entries = stored(first, ids)
    winner = "approve" if outcomes[0] == "ok" else "reject"
    assert entries == [winner]
    assert (status, count) == (("approved", 1) if winner == "approve" else ("rejected", 0))
