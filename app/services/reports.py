"""Readers' reports: one per reader (IP hash) per comment; after reports_threshold distinct reports a
published comment goes back to the queue as `reported` (still shown to readers unless reports_hide).

The endpoint answers the same whether or not this reader had reported the comment before, so it
cannot be used to learn who reported what.
"""
import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from app.clock import now
from app.errors import NotFound
from app.extensions import db
from app.models import AuditAction, Comment, CommentReport, Status
from app.services import audit, settings, webhooks
from app.services.comments import MAX_ID, change_status


def report(comment_id, reason, ip_hash):
    """Record a reader's report; returns the comment (its status may now be `reported`)."""
    comment = db.session.get(Comment, comment_id) if 0 < comment_id <= MAX_ID else None
    if comment is None or comment.status not in settings.public_statuses():
        raise NotFound(_("No such comment."))
    try:
        with db.session.begin_nested():
            db.session.add(CommentReport(comment_id=comment.id, ip_hash=ip_hash, reason=reason,
                                         created_at=now()))
    except IntegrityError:  # this reader reported it already
        return comment
    db.session.execute(sa.update(Comment).where(Comment.id == comment.id)
                       .values(report_count=Comment.report_count + 1).execution_options(synchronize_session=False))
    db.session.refresh(comment)
    threshold = settings.get("reports_threshold")
    escalate = bool(threshold) and comment.status == Status.APPROVED and comment.report_count >= threshold
    if escalate:
        result = db.session.execute(sa.update(Comment).where(
            Comment.id == comment.id, Comment.status == Status.APPROVED).values(updated_at=now())
            .execution_options(synchronize_session=False))
        escalate = result.rowcount == 1  # two last reports at once: one of them moves it
    if escalate:
        change_status(comment, Status.REPORTED)
        audit.record(None, AuditAction.REPORTED, comment=comment, from_status=Status.APPROVED,
                     to_status=Status.REPORTED, detail={"reports": comment.report_count, "threshold": threshold})
    db.session.commit()
    if escalate:
        webhooks.notify("comment.reported", comment)
    return comment


def reports_of(comment_ids):
    """{comment id: [reports, newest first]} for the desk."""
    out = {cid: [] for cid in comment_ids}
    if comment_ids:
        for row in db.session.scalars(sa.select(CommentReport).where(CommentReport.comment_id.in_(comment_ids))
                                      .order_by(CommentReport.created_at.desc(), CommentReport.id.desc())):
            out[row.comment_id].append(row)
    return out
