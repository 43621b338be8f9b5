"""Editors' switches for threads: close and reopen, per-thread pre-moderation, auto-close by age.

All of it lives in the database (thread.closed, thread_control rows, the auto_close_days dial), so
the public API and the widget of every process reflect a change on the next request. A thread older
than auto_close_days is closed when the dial is saved and on the next attempt to comment on it; a
thread an editor reopened by hand stays open (keep_open).
"""
from datetime import timedelta

import sqlalchemy as sa
from flask_babel import gettext as _

from app.clock import now
from app.errors import NotFound, ThreadClosed
from app.extensions import db
from app.models import AuditAction, Comment, Status, Thread, ThreadControl
from app.services import audit, settings, threads


def _thread(key):
    thread = threads.find(threads.canonical_key(key))
    if thread is None:
        raise NotFound(_("No such thread."))
    return thread


def _control(thread, actor):
    row = db.session.get(ThreadControl, thread.id)
    if row is None:
        row = ThreadControl(thread_id=thread.id, premoderation=False, keep_open=False)
        db.session.add(row)
    row.updated_at, row.updated_by = now(), actor.id if actor else None
    return row


def set_closed(actor, key, closed, note=None):
    thread = _thread(key)
    control = _control(thread, actor)
    control.keep_open = not closed
    was, thread.closed = thread.closed, closed
    audit.record(actor, AuditAction.THREAD_CLOSE if closed else AuditAction.THREAD_REOPEN, note=note,
                 detail={"thread": thread.key, "was_closed": was})
    db.session.commit()
    return thread


def set_premoderation(actor, key, enabled, note=None):
    thread = _thread(key)
    control = _control(thread, actor)
    control.premoderation = enabled
    audit.record(actor, AuditAction.THREAD_PREMODERATION, note=note,
                 detail={"thread": thread.key, "premoderation": enabled})
    db.session.commit()
    return thread


def premoderated(thread):
    if thread.id is None:
        return False
    row = db.session.get(ThreadControl, thread.id)
    return bool(row and row.premoderation)


def _cutoff():
    days = settings.get("auto_close_days")
    return now() - timedelta(days=days) if days else None


def _past_auto_close(thread):
    cutoff = _cutoff()
    if cutoff is None or thread.id is None or thread.created_at >= cutoff:
        return False
    row = db.session.get(ThreadControl, thread.id)
    return not (row is not None and row.keep_open)


def is_closed(thread):
    """Closed by an editor, or past the auto-close age (unless kept open): what readers see at once,
    before the next comment or `close_stale` writes it down."""
    return thread.closed or _past_auto_close(thread)


def check_open(thread):
    """Close a thread past the auto-close age (committing it) and refuse the comment."""
    if not _past_auto_close(thread):
        return
    db.session.execute(sa.update(Thread).where(Thread.id == thread.id).values(closed=True))
    db.session.commit()
    raise ThreadClosed()


def close_stale():
    """Close every thread older than the auto-close age (not those kept open); returns how many."""
    cutoff = _cutoff()
    if cutoff is None:
        return 0
    kept = sa.select(ThreadControl.thread_id).where(ThreadControl.keep_open.is_(True))
    result = db.session.execute(sa.update(Thread).where(
        Thread.created_at < cutoff, Thread.closed.is_(False), Thread.id.not_in(kept)).values(closed=True)
        .execution_options(synchronize_session=False))
    return result.rowcount


def state(thread):
    """(thread, control or None, pending count) of one thread."""
    pending = db.session.scalar(sa.select(sa.func.count()).where(
        Comment.thread_id == thread.id, Comment.status == Status.PENDING))
    return thread, db.session.get(ThreadControl, thread.id), pending


def list_threads(query=None, limit=50):
    """Recent threads with their switches: [(thread, control or None, pending count)]."""
    select = sa.select(Thread).order_by(Thread.created_at.desc(), Thread.id.desc()).limit(limit)
    if query:
        pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        select = select.where(sa.or_(Thread.key.like(pattern, escape="\\"), Thread.title.like(pattern, escape="\\")))
    rows = db.session.scalars(select).all()
    ids = [t.id for t in rows]
    controls = {c.thread_id: c for c in db.session.scalars(
        sa.select(ThreadControl).where(ThreadControl.thread_id.in_(ids)))} if ids else {}
    pending = dict(db.session.execute(sa.select(Comment.thread_id, sa.func.count()).where(
        Comment.thread_id.in_(ids), Comment.status == Status.PENDING).group_by(Comment.thread_id)).all()) if ids else {}
    return [(t, controls.get(t.id), pending.get(t.id, 0)) for t in rows]
