"""Retention: spam and rejected rows and IP HMACs are removed on schedule (injectable clock)."""
from datetime import datetime

import sqlalchemy as sa

from app.extensions import db
from app.models import AuditEntry, Comment, SignInThrottle
from app.services import retention


def _status(app, comment_id):
    with app.app_context():
        row = db.session.get(Comment, comment_id)
        return None if row is None else (row.status, row.ip_hash)


def _post(post, **fields):
    response = post(**fields)
    return response, (response.get_json() or {}).get("comment", {}).get("id")


def _ids_by_status(app):
    with app.app_context():
        return dict(db.session.execute(sa.select(Comment.status, sa.func.count()).group_by(Comment.status)).all())


def test_spam_then_rejected_rows_go_after_their_windows(app, clock, post):
    _, approved = _post(post, body="تعليق مقبول")
    assert post(body="تعليق مرفوض فيه باذنجان").status_code == 422
    spam_resp, _ = _post(post, homepage="http://spam.example")  # the honeypot: stored as spam
    assert spam_resp.status_code in (201, 202)
    assert _ids_by_status(app) == {"approved": 1, "rejected": 1, "spam": 1}

    clock.advance(days=29)
    with app.app_context():
        assert retention.apply_retention() == {"spam_deleted": 0, "rejected_deleted": 0,
                                               "ip_hashes_cleared": 0, "throttles_forgotten": 0}
    clock.advance(days=2)  # 31 days: spam goes (30), rejected stays (90); IP hashes older than 30 go
    with app.app_context():
        done = retention.apply_retention()
    assert done["spam_deleted"] == 1 and done["rejected_deleted"] == 0 and done["ip_hashes_cleared"] == 2
    assert _ids_by_status(app) == {"approved": 1, "rejected": 1}
    assert _status(app, approved) == ("approved", None)

    clock.advance(days=60)  # 91 days
    with app.app_context():
        assert retention.apply_retention()["rejected_deleted"] == 1
        entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "retention")).all()
    assert _ids_by_status(app) == {"approved": 1}
    assert [e.detail["spam_deleted"] for e in entries] == [1, 0]
    assert all(e.actor_id is None for e in entries)


def test_recent_ip_hashes_are_kept(app, clock, post):
    _, old = _post(post)
    clock.advance(days=20)
    _, recent = _post(post)
    clock.advance(days=11)
    with app.app_context():
        retention.apply_retention()
    assert _status(app, old)[1] is None
    assert _status(app, recent)[1] is not None


def test_zero_keeps_forever(app_with, clock, post):
    other = app_with(RETENTION_SPAM_DAYS=0, RETENTION_REJECTED_DAYS=0, RETENTION_IP_HASH_DAYS=0)
    post(body="باذنجان", via=other.test_client())
    clock.advance(days=3650)
    with other.app_context():
        assert not any(retention.apply_retention().values())
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 1


def test_old_sign_in_throttles_are_forgotten(app, clock):
    with app.app_context():
        db.session.add(SignInThrottle(key="ip:old", failures=3, last_failure_at=clock.now()))
        db.session.commit()
    clock.advance(days=31)
    with app.app_context():
        assert retention.apply_retention()["throttles_forgotten"] == 1
        assert db.session.get(SignInThrottle, "ip:old") is None


def test_a_reply_outlives_its_deleted_spam_parent(app, clock, post):
    _, parent = _post(post)
    _, reply = _post(post, parent_id=parent)
    with app.app_context():
        from app.services.comments import change_status

        change_status(db.session.get(Comment, parent), "spam")
        db.session.commit()
    clock.advance(days=31)
    with app.app_context():
        retention.apply_retention()
        assert db.session.get(Comment, parent) is None
        assert db.session.get(Comment, reply).parent_id is None


def test_runs_daily_as_a_huey_periodic_task(app):
    huey = app.extensions["huey"]
    task = app.extensions["majlis.retention_task"]
    hour = app.config["RETENTION_SCHEDULE_HOUR"]
    due = [t.name for t in huey.read_periodic(datetime(2026, 12, 1, hour, 17))]
    assert task.name in due
    assert task.name not in [t.name for t in huey.read_periodic(datetime(2026, 12, 1, hour, 18))]
    assert task.name not in [t.name for t in huey.read_periodic(datetime(2026, 12, 1, (hour + 1) % 24, 17))]


def test_the_periodic_task_applies_retention(app, clock, post):
    post(homepage="http://spam.example")
    clock.advance(days=31)
    result = app.extensions["majlis.retention_task"].call_local()
    assert result["spam_deleted"] == 1
