"""Backtests: what a draft would have done to stored comments, compared with the active version.

`start` snapshots the draft, stores a Backtest row and queues `run_backtest` on the task queue;
the worker walks the comments in chunks, storing progress after each, and finally the report:
counts per change (approve → hold …), per category and per rule, sample comments per change, and
precision/recall of both policies against moderators' verdicts (approved = fine; rejected or spam =
a violation; only comments a moderator decided count).

Speed comes from the comparison module: a comment's stored decision is the active version's own
when it names that version, and the draft then only runs the rules it changed. A backtest of
BACKTEST_PARALLEL_MIN (2,000) comments or more compares them in worker processes, one per core
(BACKTEST_WORKERS), this process reading the chunks and building the report (app.services.backtest_pool).
"""
import logging
import multiprocessing
from collections import Counter, defaultdict, deque

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from app.clock import now
from app.errors import NotFound, ValidationFailed
from app.extensions import db
from app.models import AuditEntry, Comment, Status, Thread
from app.models.policies import Backtest, BacktestStatus, PolicyAuditAction, PolicyVersion
from app.services import audit, backtest_pool
from app.services.backtest_compare import Comparison
from app.services.policies import documents, drafts, versions
from app.tasks import background, enqueue

log = logging.getLogger(__name__)
CHUNK = 500
PIECE = 125  # comments per worker task: a chunk's pieces keep both workers busy to the end
PARALLEL_MIN = 2000  # fewer comments run in this process: starting the workers would cost more
VERDICT_ACTIONS = ("approve", "reject", "spam")
POSITIVE = {Status.REJECTED, Status.SPAM}


def start(actor, scope, *, draft_id=None, version=None):
    """Queue a backtest of a draft (or of a version, e.g. before rolling back to it)."""
    if (draft_id is None) == (version is None):
        raise ValidationFailed({"draft": [_("Give a draft or a version to test.")]})
    active = versions.active_version()
    if draft_id is not None:
        draft = drafts.get_draft(draft_id)
        candidate, revision = {"document": draft.document, "word_lists": draft.word_lists}, draft.revision
    else:
        row = versions.get_version(version)
        candidate, revision = {"document": row.document, "word_lists": row.word_lists}, None
    backtest = Backtest(draft_id=draft_id, draft_revision=revision, candidate=candidate,
                        active_version_id=active.id, scope=scope, status=BacktestStatus.QUEUED,
                        total=0, processed=0, created_at=now(), created_by_id=actor.id if actor else None,
                        created_by_email=actor.email if actor else None)
    db.session.add(backtest)
    db.session.flush()
    backtest_id = backtest.id
    audit.record(actor, PolicyAuditAction.BACKTEST, detail={"backtest": backtest_id, "draft": draft_id,
                                                            "version": version, "scope": scope})
    db.session.commit()  # before queueing: the worker must find the row (and SQLite's write lock free)
    enqueue("run_backtest", backtest_id)
    return db.session.get(Backtest, backtest_id)  # an inline queue (tests, tools) has already run it


def get_backtest(backtest_id):
    backtest = db.session.get(Backtest, backtest_id)
    if backtest is None:
        raise NotFound(_("No such backtest."))
    return backtest


def list_backtests(limit=20):
    return db.session.scalars(sa.select(Backtest).order_by(Backtest.created_at.desc(), Backtest.id.desc())
                              .limit(limit)).all()


@background()
def run_backtest(backtest_id):
    run(backtest_id)


def _older_version(number):
    """(compiled Policy, content) of version `number`, for comments it decided; None if unknown."""
    row = db.session.scalar(sa.select(PolicyVersion).where(PolicyVersion.number == number)) if isinstance(
        number, int) else None
    return None if row is None else (documents.compiled(row.document, row.word_lists, row.checksum),
                                     versions.content(row))


def _scope_query(scope):
    query = sa.select(Comment.id).where(Comment.status != Status.DELETED)
    if scope.get("thread"):
        query = query.join(Thread, Thread.id == Comment.thread_id).where(Thread.key == scope["thread"])
    if scope.get("since"):
        query = query.where(Comment.created_at >= _naive(scope["since"]))
    if scope.get("until"):
        query = query.where(Comment.created_at < _naive(scope["until"]))
    limit = scope.get("limit") or current_app.config["BACKTEST_DEFAULT_LIMIT"]
    return query.order_by(Comment.id.desc()).limit(limit)


def _comment_ids(scope):
    return db.session.scalars(_scope_query(scope)).all()


def _older_contents(scope, active):
    """{number: content} of the other versions the scope's stored decisions name (for the workers,
    which never touch the database)."""
    scoped = _scope_query(scope).subquery()
    number = Comment.decision["policy"]["version"].as_integer()
    numbers = set(db.session.scalars(sa.select(number).distinct().where(Comment.id.in_(sa.select(scoped.c.id)))))
    numbers = {n for n in numbers if isinstance(n, int) and n != active.number}
    if not numbers:
        return {}
    rows = db.session.scalars(sa.select(PolicyVersion).where(PolicyVersion.number.in_(numbers)))
    return {row.number: versions.content(row) for row in rows}


def _naive(value):
    from datetime import datetime

    return datetime.fromisoformat(value.removesuffix("Z")) if isinstance(value, str) else value


def _verdicts(ids):
    """{comment id} of the chunk that a moderator approved, rejected or marked as spam."""
    return set(db.session.scalars(sa.select(AuditEntry.comment_id).distinct().where(
        AuditEntry.comment_id.in_(ids), AuditEntry.action.in_(VERDICT_ACTIONS))))


def run(backtest_id):
    backtest = db.session.get(Backtest, backtest_id)
    if backtest is None or backtest.status not in (BacktestStatus.QUEUED, BacktestStatus.RUNNING):
        return None
    try:
        return _run(backtest)
    except Exception as error:  # a failed run says so instead of staying "running" forever
        log.exception("backtest %s failed", backtest_id)
        db.session.rollback()
        backtest = db.session.get(Backtest, backtest_id)
        backtest.status, backtest.error, backtest.finished_at = BacktestStatus.FAILED, str(error)[:500], now()
        db.session.commit()
        return backtest


def _run(backtest):
    backtest.status, backtest.started_at = BacktestStatus.RUNNING, now()
    active = db.session.get(PolicyVersion, backtest.active_version_id)
    active_content = versions.content(active)
    candidate = backtest.candidate
    comparison = Comparison(documents.compiled(active.document, active.word_lists, active.checksum),
                            active_content,
                            documents.compiled(candidate["document"], candidate["word_lists"]), candidate,
                            older=_older_version)
    ids = _comment_ids(backtest.scope)
    backtest.total = len(ids)
    db.session.commit()
    report = Report(current_app.config["BACKTEST_SAMPLES"])
    processes = _processes(len(ids))
    if processes > 1:
        _compare_parallel(backtest, ids, report, active, candidate, processes)
    else:
        _compare_here(backtest, ids, report, comparison)
    backtest.result = report.to_dict(comparison.changed_rules)
    backtest.status, backtest.finished_at = BacktestStatus.DONE, now()
    db.session.commit()
    return backtest


COLUMNS = (Comment.id, Comment.body, Comment.name, Comment.website, Comment.status, Comment.decision)


def _processes(count):
    """Worker processes for a backtest of `count` comments; 1: run here (small backtests, a
    daemonic task worker, which may not start processes)."""
    config = current_app.config
    wanted = config.get("BACKTEST_WORKERS") or backtest_pool.workers()
    if count < config.get("BACKTEST_PARALLEL_MIN", PARALLEL_MIN) or multiprocessing.current_process().daemon:
        return 1
    return wanted


def _compare_here(backtest, ids, report, comparison):
    for offset in range(0, len(ids), CHUNK):
        chunk = ids[offset:offset + CHUNK]
        decided = _verdicts(chunk)
        for row in db.session.execute(sa.select(*COLUMNS).where(Comment.id.in_(chunk))):
            before, after = comparison.compare(row.body, row.name, row.website or "", row.decision)
            report.add(row, before, after, row.id in decided)
        backtest.processed = offset + len(chunk)
        db.session.commit()


def _compare_parallel(backtest, ids, report, active, candidate, processes):
    """The same walk with the comparisons in worker processes: this process reads the chunks
    (a few ahead), the workers compare them, and the results are added to the report in order."""
    olders = _older_contents(backtest.scope, active)
    raw_decision = sa.type_coerce(Comment.decision, sa.Text).label("decision")  # decoded by the worker
    columns = (*COLUMNS[:-1], raw_decision)
    pending = deque()
    backtest.processed = 0

    def add_oldest():
        rows, decided, futures = pending.popleft()
        results = [result for future in futures for result in future.result()]
        for row, (before, after) in zip(rows, results, strict=True):
            report.add(row, backtest_pool.unpack(before), backtest_pool.unpack(after), row.id in decided)
        backtest.processed += len(rows)
        db.session.commit()

    content = versions.content(active)
    with backtest_pool.pool(content, candidate, olders, processes) as executor:
        try:
            for offset in range(0, len(ids), CHUNK):
                chunk = ids[offset:offset + CHUNK]
                decided = _verdicts(chunk)
                rows = db.session.execute(sa.select(*columns).where(Comment.id.in_(chunk))).all()
                work = [(row.body, row.name, row.website, row.decision) for row in rows]
                pending.append((rows, decided, [backtest_pool.submit(executor, work[start:start + PIECE])
                                                for start in range(0, len(work), PIECE)]))
                if len(pending) > processes * 2:
                    add_oldest()
            while pending:
                add_oldest()
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            raise


def _ratios(counts):
    tp, fp, fn, tn = counts["tp"], counts["fp"], counts["fn"], counts["tn"]
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None}


class Report:
    def __init__(self, samples):
        self.samples_per_change = samples
        self.total = 0
        self.changes = Counter()
        self.samples = defaultdict(list)
        self.outcomes = {"active": Counter(), "draft": Counter()}
        self.rules = defaultdict(Counter)
        self.categories = defaultdict(Counter)
        self.verdicts = {"active": Counter(), "draft": Counter()}

    def add(self, row, before, after, decided):
        self.total += 1
        self.outcomes["active"][before.outcome] += 1
        self.outcomes["draft"][after.outcome] += 1
        for side, result in (("active", before), ("draft", after)):
            for rule in result.rules:
                self.rules[rule][side] += 1
            for category in result.categories:
                self.categories[category][side] += 1
        for rule in after.rules - before.rules:
            self.rules[rule]["added"] += 1
        for rule in before.rules - after.rules:
            self.rules[rule]["removed"] += 1
        if before.outcome != after.outcome:
            change = f"{before.outcome}→{after.outcome}"
            self.changes[change] += 1
            for category in after.categories ^ before.categories or after.categories | before.categories:
                self.categories[category]["changed"] += 1
            if len(self.samples[change]) < self.samples_per_change:
                self.samples[change].append({
                    "id": row.id, "body": row.body[:300], "status": row.status,
                    "active": {"outcome": before.outcome, "rules": sorted(before.rules)},
                    "draft": {"outcome": after.outcome, "rules": sorted(after.rules)}})
        if decided and row.status in (Status.APPROVED, *POSITIVE):
            truth = row.status in POSITIVE
            for side, result in (("active", before), ("draft", after)):
                flagged = result.outcome != "approve"
                self.verdicts[side][("t" if flagged == truth else "f") + ("p" if flagged else "n")] += 1

    def to_dict(self, changed_rules):
        return {
            "comments": self.total,
            "changed": sum(self.changes.values()),
            "changes": dict(self.changes.most_common()),
            "outcomes": {side: dict(counts) for side, counts in self.outcomes.items()},
            "categories": {c: dict(v) for c, v in sorted(self.categories.items())},
            "rules": {r: {"active": v["active"], "draft": v["draft"], "added": v["added"], "removed": v["removed"]}
                      for r, v in sorted(self.rules.items())},
            "changed_rules": sorted(changed_rules),
            "samples": dict(self.samples),
            "verdicts": {"decided": sum(self.verdicts["active"].values()),
                         "active": _ratios(self.verdicts["active"]), "draft": _ratios(self.verdicts["draft"])},
        }


def check_scope(scope):
    """The scope with its limit checked and defaulted; 422 for an impossible one."""
    maximum = current_app.config["BACKTEST_MAX_LIMIT"]
    if scope.get("limit", 0) > maximum:
        raise ValidationFailed({"limit": [_("Must be between %(min)s and %(max)s.", min=1, max=maximum)]})
    if scope.get("since") and scope.get("until") and scope["since"] >= scope["until"]:
        raise ValidationFailed({"until": [_("Must be after since.")]})
    scope.setdefault("limit", current_app.config["BACKTEST_DEFAULT_LIMIT"])
    return scope
