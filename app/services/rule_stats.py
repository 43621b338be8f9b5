"""Per-rule numbers beside each rule in the editor: hits over the last 7 and 30 days, and how often
moderators overturned the rule.

A hit is a stored decision's non-error hit of the rule (one per comment however often it hit).
Overturned: a moderator approved a comment the rule held or rejected, or rejected (or marked as
spam) a comment that was published although the rule hit it (a scored rule below the threshold).
Only comments a moderator decided (approve/reject/spam in the audit log) count towards the rate.
Computed over the stored comments of the last 30 days, and kept for STATS_CACHE_SECONDS.
"""
import threading
import time
from collections import defaultdict
from datetime import timedelta

import sqlalchemy as sa
from flask import current_app

from app.clock import now
from app.extensions import db
from app.models import AuditEntry, Comment, Status

VERDICTS = ("approve", "reject", "spam")
CACHE_SECONDS = 30
_lock = threading.Lock()


def _empty():
    return {"hits_7d": 0, "hits_30d": 0, "decided": 0, "overturned": 0, "overturn_rate": None}


def _overturned(outcome, status):
    if status == Status.APPROVED:
        return outcome in ("hold", "reject")
    return status in (Status.REJECTED, Status.SPAM) and outcome == "approve"


def compute():
    """{rule id: {hits_7d, hits_30d, decided, overturned, overturn_rate}} for every rule with hits."""
    current = now()
    week, month = current - timedelta(days=7), current - timedelta(days=30)
    decided = set(db.session.scalars(sa.select(AuditEntry.comment_id).distinct().where(
        AuditEntry.created_at >= month, AuditEntry.action.in_(VERDICTS), AuditEntry.comment_id.is_not(None))))
    stats = defaultdict(_empty)
    rows = db.session.execute(sa.select(Comment.id, Comment.created_at, Comment.status, Comment.decision)
                              .where(Comment.created_at >= month, Comment.decision.is_not(None))
                              .execution_options(yield_per=1000))
    for row in rows:
        decision = row.decision if isinstance(row.decision, dict) else {}
        rules = {h.get("rule") for h in decision.get("hits") or [] if not h.get("error")}
        rules.discard(None)
        for rule in rules:
            entry = stats[rule]
            entry["hits_30d"] += 1
            entry["hits_7d"] += row.created_at >= week
            if row.id in decided and row.status in (Status.APPROVED, Status.REJECTED, Status.SPAM):
                entry["decided"] += 1
                entry["overturned"] += _overturned(decision.get("outcome"), row.status)
    for entry in stats.values():
        if entry["decided"]:
            entry["overturn_rate"] = round(entry["overturned"] / entry["decided"], 4)
    return dict(stats)


def rule_stats(rule_ids=(), *, fresh=False):
    """The numbers for `rule_ids` (rules without hits get zeros), cached briefly per app."""
    cache = current_app.extensions.setdefault("majlis.rule_stats", {})
    seconds = current_app.config.get("STATS_CACHE_SECONDS", CACHE_SECONDS)
    with _lock:
        cached = cache.get("stats")
    if fresh or cached is None or time.monotonic() - cached[0] >= seconds:
        cached = (time.monotonic(), compute())
        with _lock:
            cache["stats"] = cached
    stats = cached[1]
    out = {rule: stats.get(rule, _empty()) for rule in rule_ids}
    out.update({rule: values for rule, values in stats.items() if not rule_ids})
    return out
