"""Retention: how long spam and rejected comments, and the HMACs of readers' IPs, are kept.

Settings (days; 0 keeps forever):
- RETENTION_SPAM_DAYS: spam rows are deleted this long after they became spam (updated_at);
- RETENTION_REJECTED_DAYS: rejected rows, likewise;
- RETENTION_IP_HASH_DAYS: comments older than this lose their ip_hash, and sign-in throttles
  (keyed by hashes of IPs and emails) older than this are forgotten.

`apply_retention` runs daily as a huey periodic task (RETENTION_SCHEDULE_HOUR, minute 17 UTC) on the
task worker (`make worker`); it works in batches so no statement holds locks for long, and appends
one audit entry with what it did. Time comes from the injectable clock.
"""
import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from app.clock import now
from app.extensions import db
from app.models import AuditAction, Comment, SignInThrottle, Status
from app.services import audit

log = logging.getLogger(__name__)
BATCH = 1000


def _cutoff(setting, at):
    days = int(current_app.config.get(setting) or 0)
    return at - timedelta(days=days) if days > 0 else None


def _delete_status(status, cutoff):
    """Delete rows of `status` last changed before `cutoff`, a batch per transaction."""
    total = 0
    while True:
        ids = db.session.scalars(sa.select(Comment.id).where(
            Comment.status == status, Comment.updated_at < cutoff).order_by(Comment.id).limit(BATCH)).all()
        if not ids:
            return total
        # Replies to a removed comment keep their place (parent_id becomes NULL by the foreign key).
        db.session.execute(sa.update(Comment).where(Comment.parent_id.in_(ids)).values(parent_id=None))
        db.session.execute(sa.delete(Comment).where(Comment.id.in_(ids)))
        db.session.commit()
        total += len(ids)


def _clear_ip_hashes(cutoff):
    total = 0
    while True:
        ids = db.session.scalars(sa.select(Comment.id).where(
            Comment.ip_hash.is_not(None), Comment.created_at < cutoff).order_by(Comment.id)
            .limit(BATCH * 10)).all()
        if not ids:
            return total
        db.session.execute(sa.update(Comment).where(Comment.id.in_(ids)).values(ip_hash=None))
        db.session.commit()
        total += len(ids)


def apply_retention():
    """Apply every retention setting now; returns what was done as a dict of counts."""
    at = now()
    done = {"spam_deleted": 0, "rejected_deleted": 0, "ip_hashes_cleared": 0, "throttles_forgotten": 0}
    cutoff = _cutoff("RETENTION_SPAM_DAYS", at)
    if cutoff:
        done["spam_deleted"] = _delete_status(Status.SPAM, cutoff)
    cutoff = _cutoff("RETENTION_REJECTED_DAYS", at)
    if cutoff:
        done["rejected_deleted"] = _delete_status(Status.REJECTED, cutoff)
    cutoff = _cutoff("RETENTION_IP_HASH_DAYS", at)
    if cutoff:
        done["ip_hashes_cleared"] = _clear_ip_hashes(cutoff)
        result = db.session.execute(sa.delete(SignInThrottle).where(SignInThrottle.last_failure_at < cutoff))
        done["throttles_forgotten"] = result.rowcount or 0
    if any(done.values()):
        audit.record(None, AuditAction.RETENTION, note="retention settings applied", detail=done)
    db.session.commit()
    log.info("retention applied", extra={"event": "retention", "count": sum(done.values())})
    return done


def schedule(app):
    """The huey crontab of the daily run."""
    from huey import crontab

    return crontab(minute="17", hour=str(int(app.config.get("RETENTION_SCHEDULE_HOUR", 3))))


def init_app(app):
    """Register the daily periodic task on the app's huey (after tasks.init_app)."""
    huey = app.extensions["huey"]

    def run_retention():
        with app.app_context():
            return apply_retention()

    task = huey.periodic_task(schedule(app), name="majlis.retention")(run_retention)
    app.extensions["majlis.retention_task"] = task
