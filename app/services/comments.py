"""A comment's life: submit (validate → sanitize → rules → store), list, count, read one's own.

Every accepted submission leaves exactly one row, rejected ones included; a request that fails
validation or errors leaves none. Status changes go through `change_status`, the one place that keeps
a thread's approved count right.
"""
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from app import sanitize
from app.client import email_hash
from app.clock import now
from app.errors import DuplicateComment, NotFound, PolicyViolation, ThreadClosed, ValidationFailed
from app.extensions import db
from app.models import Comment, Status, Thread
from app.services import policy_runtime, settings, thread_controls, threads, trust
from app.services.pagination import encode_cursor, keyset_filter

OUTCOME_STATUS = {"approve": Status.APPROVED, "hold": Status.PENDING, "reject": Status.REJECTED}
HONEYPOT_DECISION = {"outcome": "reject", "score": 0, "thresholds": {}, "policy": None, "hits": [
    {"rule": "honeypot", "category": "spam", "action": "reject", "field": "homepage",
     "start": 0, "end": 0, "text": "", "term": "", "steps": []}]}
_SPACES = re.compile(r"\s+")
MAX_ID = 2**31 - 1  # the id columns are INTEGER


@dataclass
class Submitted:
    comment: Comment
    edit_token: str

    @property
    def published(self):
        return self.comment.status == Status.APPROVED


def token_hash(token):
    return hashlib.sha256(token.encode()).hexdigest()


def fingerprint(body):
    """Same text with whitespace folded: what counts as saying the same thing twice."""
    return hashlib.sha256(_SPACES.sub(" ", body).strip().casefold().encode()).hexdigest()


def change_status(comment, new_status):
    """Set a comment's status, keeping its thread's approved count in step (in SQL, race-free)."""
    old = comment.status
    if old == new_status:
        return
    shown = settings.public_statuses()  # approved, and reported unless the editors hide those
    delta = (new_status in shown) - (old in shown)
    comment.status = new_status
    comment.updated_at = now()
    if delta:
        db.session.execute(sa.update(Thread).where(Thread.id == comment.thread_id)
                           .values(comment_count=Thread.comment_count + delta))


def _resolve_parent(thread, parent_id):
    """(parent id, depth) for a reply; too deep a reply attaches to the deepest allowed ancestor."""
    if parent_id is None:
        return None, 0
    parent = db.session.get(Comment, parent_id)
    if parent is None or parent.thread_id != thread.id or parent.status != Status.APPROVED:
        raise ValidationFailed({"parent_id": [_("Reply to a published comment of this article.")]})
    max_depth = current_app.config["MAX_REPLY_DEPTH"]
    while parent.depth >= max_depth and parent.parent_id is not None:
        parent = db.session.get(Comment, parent.parent_id)
    return parent.id, parent.depth + 1


def _is_duplicate(thread, author_hash, body_print):
    if thread.id is None:
        return False
    return db.session.scalar(sa.select(sa.exists().where(
        Comment.thread_id == thread.id, Comment.email_hash == author_hash,
        Comment.body_fingerprint == body_print, Comment.status != Status.DELETED)))


def _decide(data, honeypot_filled):
    if honeypot_filled:
        return dict(HONEYPOT_DECISION), Status.SPAM
    decision = policy_runtime.decide(data["body"], data["name"], data["website"])
    status = OUTCOME_STATUS[str(decision.outcome)]
    if current_app.config["MODERATION"] == "pre" and status == Status.APPROVED:
        status = Status.PENDING
    return decision, status


def submit_comment(key, data, *, ip_hash=None, user_agent=None):
    """Store a validated submission; returns Submitted, or raises after storing a rejected one."""
    thread = threads.get_or_create(key, data.get("thread_url"), data.get("thread_title"))
    if thread.closed:
        raise ThreadClosed()
    parent_id, depth = _resolve_parent(thread, data.get("parent_id"))
    author_hash = email_hash(data["email"])
    body_print = fingerprint(data["body"])
    if _is_duplicate(thread, author_hash, body_print):
        raise DuplicateComment()

    decision, status = _decide(data, bool(data.get("homepage")))
    decision, status = trust.screen(thread, data, decision, status, ip_hash=ip_hash, email_hash=author_hash)
    token = secrets.token_urlsafe(32)
    stamp = now()
    comment = Comment(
        thread=thread, parent_id=parent_id, depth=depth, name=data["name"], email=data["email"],
        email_hash=author_hash, website=data["website"], body=data["body"],
        body_html=sanitize.clean(data["body"]), body_fingerprint=body_print, status=Status.PENDING,
        created_at=stamp, updated_at=stamp, ip_hash=ip_hash, user_agent=(user_agent or "")[:512],
        decision=decision if isinstance(decision, dict) else decision.to_dict(),
        edit_token_hash=token_hash(token))
    db.session.add(comment)
    db.session.flush()
    change_status(comment, status)
    db.session.commit()
    trust.after_submit(comment)  # a banned author is told; a held comment goes to the webhook

    if status == Status.REJECTED:
        violations = violations_for(decision)
        raise PolicyViolation(violations, detail=_("Your comment breaks the commenting terms: %(terms)s",
                                                    terms="، ".join(v["term"] for v in violations)))
    return Submitted(comment, token)


def violations_for(decision):
    """The broken terms in the reader's language (the seed's wording, never the word list)."""
    from flask_babel import get_locale

    categories = policy_runtime.active_policy().categories
    lang = "en" if str(get_locale()).startswith("en") else "ar"
    out = []
    for item in decision.violations():
        names = categories.get(item["category"], {})
        out.append({"category": item["category"], "term": names.get(lang) or item["category"]})
    return out


def thread_view(key, thread=None):
    """What readers see of a thread; an article nobody has commented on yet needs no registration."""
    if thread is None:
        return {"key": key, "title": None, "url": None, "closed": False, "comment_count": 0}
    return {"key": thread.key, "title": thread.title, "url": thread.url,
            "closed": thread_controls.is_closed(thread), "comment_count": thread.comment_count}


def list_comments(key, limit, cursor=None, order="oldest"):
    """One page of a thread's approved comments, flat, with the cursor of the next page."""
    thread = threads.find(key)
    if thread is None:
        return thread_view(key), [], None
    view = thread_view(key, thread)
    newest = order == "newest"
    query = sa.select(Comment).where(Comment.thread_id == thread.id,
                                     Comment.status.in_(settings.public_statuses()))
    if cursor:
        query = query.where(keyset_filter(Comment.created_at, Comment.id, cursor, newest))
    ordering = (Comment.created_at.desc(), Comment.id.desc()) if newest else (
        Comment.created_at, Comment.id)
    rows = db.session.scalars(query.order_by(*ordering).limit(limit + 1)).all()
    page, more = rows[:limit], len(rows) > limit
    next_cursor = encode_cursor(page[-1].created_at, page[-1].id) if more else None
    return view, page, next_cursor


def own_comment(comment_id, token):
    """The author's own comment, pending included, for the holder of its edit token."""
    # Ids are 32-bit on every backend; a larger one from the URL would overflow the driver (a 500).
    comment = db.session.get(Comment, comment_id) if 0 < comment_id <= MAX_ID else None
    if comment is None or not token or comment.edit_token_hash is None or not hmac.compare_digest(
            comment.edit_token_hash, token_hash(token)):
        raise NotFound(detail=_("No such comment, or the edit token does not match."))
    return comment
