"""The moderation queue: filtered, sorted, cursor-paged comments with what a moderator needs to
decide each one (thread, parent, the author's history, the claim, the audit trail).

Category and rule filters match the stored decision's JSON text (`"category": "insult"` inside a
hit), which works the same on SQLite and PostgreSQL; the severity sort reads the stored, indexed
`Comment.severity` (the decision's score plus 100 for a hold-rule hit, 1000 for a reject-rule hit:
app.models.comments.severity_of), so rule holds come before borderline scores.
"""
import functools
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from app.client import email_hash
from app.clock import now
from app.extensions import db
from app.models import Comment, CommentClaim, Status, Thread
from app.services import audit
from app.services.pagination import decode_cursor, encode_cursor, keyset_filter

QUEUE_STATUSES = ("pending", "reported", "rejected", "spam", "approved")
RECENT = 5
BODY_EXCERPT = 200


@dataclass(frozen=True)
class RecentComment:
    """One line of an author's history beside a queue item."""

    id: int
    thread_key: str
    status: str
    created_at: datetime
    body: str


@dataclass
class Item:
    comment: Comment
    claim: CommentClaim | None = None
    parent: Comment | None = None
    audit: list = field(default_factory=list)
    history: dict = field(default_factory=dict)


def _json_text():
    return sa.cast(Comment.decision, sa.Text)


def _has(key, value):
    """The decision's JSON text contains "key": "value" (LIKE wildcards in value escaped)."""
    value = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.or_(*(_json_text().like(f'%"{key}"{sep}"{value}"%', escape="\\") for sep in (": ", ":")))


def _filters(f):
    out = []
    if f.get("category"):
        out.append(_has("category", f["category"]))
    if f.get("rule"):
        out.append(_has("rule", f["rule"]))
    if f.get("thread"):
        out.append(Comment.thread_id == sa.select(Thread.id).where(Thread.key == f["thread"])
                   .scalar_subquery())
    if f.get("email"):
        out.append(Comment.email_hash == email_hash(f["email"]))
    if f.get("since") is not None:
        out.append(Comment.created_at >= f["since"])
    if f.get("until") is not None:
        out.append(Comment.created_at < f["until"])
    return out


def _severity_after(cursor):
    """Rows after the cursor in (severity DESC, created_at, id) order. Mixed directions rule out a
    row-value comparison; the OR form still walks ix_comment_queue_severity."""
    score, created_at, comment_id = decode_cursor(cursor, leading=1)
    sev = Comment.severity
    return sa.or_(sev < score, sa.and_(sev == score, sa.or_(
        Comment.created_at > created_at, sa.and_(Comment.created_at == created_at, Comment.id > comment_id))))


def page(status="pending", sort="oldest", cursor=None, limit=25, **filters):
    """(items, counts per status, next cursor)."""
    conditions = _filters(filters)
    query = sa.select(Comment).where(Comment.status == status, *conditions)
    if sort == "severity":
        if cursor:
            query = query.where(_severity_after(cursor))
        query = query.order_by(Comment.severity.desc(), Comment.created_at, Comment.id)
    else:
        newest = sort == "newest"
        if cursor:
            query = query.where(keyset_filter(Comment.created_at, Comment.id, cursor, newest))
        query = query.order_by(*(
            (Comment.created_at.desc(), Comment.id.desc()) if newest else (Comment.created_at, Comment.id)))
    comments = db.session.scalars(query.limit(limit + 1)).all()
    more, comments = len(comments) > limit, comments[:limit]
    next_cursor = None
    if more:
        last = comments[-1]
        leading = (last.severity,) if sort == "severity" else ()
        next_cursor = encode_cursor(last.created_at, last.id, *leading)
    return enrich(comments), counts(conditions), next_cursor


COUNT_CAP = 1_000


def counts(conditions=(), cap=COUNT_CAP):
    """Comments per status, exact up to COUNT_CAP and saturating there.

    Each status is counted over at most cap + 1 index entries, so the tabs stay fast with a
    million approved comments; a tab showing 1000 means "1,000 or more".
    """
    statement = _counts_statement(tuple(conditions), cap) if conditions else _unfiltered_counts(cap)
    found = dict(db.session.execute(statement).all())
    return {status: min(found.get(status, 0), cap) for status in QUEUE_STATUSES}


def _counts_statement(conditions, cap):
    def capped(status):
        rows = sa.select(sa.literal(1)).where(Comment.status == status, *conditions).limit(cap + 1).subquery()
        return sa.select(sa.literal(status).label("status"), sa.func.count().label("n")).select_from(rows)

    return sa.union_all(*(capped(status) for status in QUEUE_STATUSES))


@functools.cache  # the unfiltered tabs, on every queue page: built once
def _unfiltered_counts(cap):
    return _counts_statement((), cap)


def enrich(comments):
    """Items with claims, audit trails and author histories, in a handful of queries."""
    ids = [c.id for c in comments]
    claims = {}
    if ids:
        claims = {c.comment_id: c for c in db.session.scalars(
            sa.select(CommentClaim).where(CommentClaim.comment_id.in_(ids)))}
    parent_ids = {c.parent_id for c in comments if c.parent_id is not None}
    parents = {p.id: p for p in db.session.scalars(sa.select(Comment).where(Comment.id.in_(parent_ids)))
               } if parent_ids else {}
    trails = audit.trails(ids)
    histories = author_histories({c.email_hash for c in comments})
    items = []
    for comment in comments:
        claim = claims.get(comment.id)
        claim = claim if claim is not None and claim.claimed_until > now() else None
        items.append(Item(comment, claim, parents.get(comment.parent_id), trails[comment.id],
                          histories.get(comment.email_hash, {})))
    return items


def item(comment):
    return enrich([comment])[0]


TALLIED = (Status.APPROVED, Status.REJECTED, Status.SPAM)


def author_histories(hashes):
    """{email hash: {"approved", "rejected", "spam", "total", "recent": [RecentComment…]}}, in one
    statement: each author's RECENT newest comments (bodies cut to the excerpt by the database), each
    row carrying the author's tallies. Every author here has a row: their queued comment."""
    ordered = sorted(h for h in hashes if h)
    out = {h: {"approved": 0, "rejected": 0, "spam": 0, "total": 0, "recent": []} for h in ordered}
    if not ordered:
        return out
    for row in db.session.execute(*_history_rows(ordered)):
        history = out[row.email_hash]
        if not history["recent"]:  # the tallies repeat on each of the author's rows
            history.update(approved=row.approved, rejected=row.rejected, spam=row.spam, total=row.total)
        history["recent"].append(RecentComment(row.id, row.key, row.status, row.created_at, row.body))
    for history in out.values():
        history["recent"].sort(key=lambda r: (r.created_at, r.id), reverse=True)
    return out


def _history_rows(ordered):
    """(statement, parameters): RECENT short walks down ix_comment_author_recent and a count over
    ix_comment_email_hash per author, however much they wrote. PostgreSQL runs LATERALs over the
    array of hashes (built once, one cached plan); SQLite, which has no LATERAL, a UNION ALL of one
    member per author, built once per page size (building 25 members costs ten times running them)."""
    if db.session.get_bind().dialect.name == "postgresql":
        return _histories_for_array(), {"hashes": ordered}
    return _histories_union(len(ordered)), {f"author_{n}": digest for n, digest in enumerate(ordered)}


def _newest_of(author):
    return (sa.select(Comment.email_hash, Comment.id, Comment.thread_id, Comment.status, Comment.created_at,
                      sa.func.substr(Comment.body, 1, BODY_EXCERPT).label("body"))
            .where(author).order_by(Comment.created_at.desc(), Comment.id.desc()).limit(RECENT))


def _tally_of(author):
    per_status = (sa.func.coalesce(sa.func.sum(sa.case((Comment.status == status, 1), else_=0)), 0).label(str(status))
                  for status in TALLIED)
    return sa.select(*per_status, sa.func.count().label("total")).where(author)


def _with_tallies(recent, tally):
    return (recent.c.email_hash, recent.c.id, recent.c.thread_id, recent.c.status, recent.c.created_at,
            recent.c.body, *(tally.c[str(status)] for status in TALLIED), tally.c.total)


@functools.cache
def _histories_for_array():
    wanted = sa.func.unnest(sa.bindparam("hashes", type_=ARRAY(sa.String))).table_valued(
        "digest").render_derived(name="wanted")
    author = Comment.email_hash == wanted.c.digest
    recent, tally = _newest_of(author).lateral("recent"), _tally_of(author).lateral("tally")
    rows = (sa.select(*_with_tallies(recent, tally)).select_from(wanted)
            .join(recent, sa.true()).join(tally, sa.true()).subquery())
    return _with_thread_key(rows)


@functools.lru_cache(maxsize=64)
def _histories_union(count):
    def member(n):
        author = Comment.email_hash == sa.bindparam(f"author_{n}")
        recent, tally = _newest_of(author).subquery(), _tally_of(author).subquery()  # SQLite: no LIMIT on
        return sa.select(*_with_tallies(recent, tally)).select_from(recent).join(tally, sa.true())  # a bare member

    return _with_thread_key(sa.union_all(*(member(n) for n in range(count))).subquery())


def _with_thread_key(rows):
    tallies = (rows.c[str(status)] for status in TALLIED)
    return (sa.select(rows.c.email_hash, rows.c.id, Thread.key, rows.c.status, rows.c.created_at, rows.c.body,
                      *tallies, rows.c.total)
            .join(Thread, Thread.id == rows.c.thread_id))
