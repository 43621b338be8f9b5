"""The audit log: `record` appends an entry in the caller's transaction (it commits with the action
it describes, so an action and its entry exist together or not at all); `entries` reads it back."""
import sqlalchemy as sa

from app.clock import now
from app.extensions import db
from app.models import AuditEntry
from app.services.pagination import encode_cursor, keyset_filter


def record(actor, action, *, comment=None, from_status=None, to_status=None, category=None,
           note=None, detail=None):
    """Append one entry; `actor` is a Moderator, or None for the command line and start-up."""
    entry = AuditEntry(
        created_at=now(), actor_id=actor.id if actor else None,
        actor_email=actor.email if actor else None, action=str(action),
        comment_id=comment.id if comment is not None else None,
        from_status=from_status and str(from_status), to_status=to_status and str(to_status),
        category=category, note=note, detail=detail)
    db.session.add(entry)
    return entry


def entries(*, actor=None, comment_id=None, action=None, since=None, until=None, cursor=None,
            limit=50):
    """A page of entries, newest first, filtered; returns (entries, next_cursor)."""
    query = sa.select(AuditEntry)
    if actor is not None:
        query = query.where(AuditEntry.actor_id == actor)
    if comment_id is not None:
        query = query.where(AuditEntry.comment_id == comment_id)
    if action:
        query = query.where(AuditEntry.action == action)
    if since is not None:
        query = query.where(AuditEntry.created_at >= since)
    if until is not None:
        query = query.where(AuditEntry.created_at < until)
    if cursor:
        query = query.where(keyset_filter(AuditEntry.created_at, AuditEntry.id, cursor, True))
    rows = db.session.scalars(query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
                              .limit(limit + 1)).all()
    page = rows[:limit]
    next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if len(rows) > limit else None
    return page, next_cursor


def trails(comment_ids):
    """{comment id: [entries oldest first]} for a page of comments, in one query."""
    out = {cid: [] for cid in comment_ids}
    if not comment_ids:
        return out
    rows = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.comment_id.in_(comment_ids))
                              .order_by(AuditEntry.created_at, AuditEntry.id))
    for entry in rows:
        out[entry.comment_id].append(entry)
    return out
