"""Backtest benchmark (run by hand: `.venv/bin/python bench/backtest_bench.py [--comments N]`).

Builds a throw-away SQLite database with the default policy as version 1 and N stored comments
(default 20,000; 100–400 characters of Arabic news-comment prose made from the policy test sets,
about one in four with a hit), each decided by version 1 as the site would have, one in ten also
decided by a moderator. A draft then adds a term to a word list, re-scores a rule and lowers the
hold threshold, and the backtest of the last 10,000 comments runs exactly as the task queue runs it
(backtests.run: reading the comments, the moderators' verdicts, the comparison, progress commits,
the report). Comments per second = comments / wall time of the whole run.

Three cases: "active" — the comments were decided by the active version (its stored decisions are
reused and the draft runs only the rules it changed); "older" — the draft was published as version
2 and a new draft made, so the comments were decided by an older version, which is brought up to
date the same way; "cold" — no stored decision names a known version (say, a database restored
without its versions), so the active version is evaluated in full for every comment.

Target (issue 7): ≥ 2,000 comments per second on the 2-core machine.
"""
import argparse
import random
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from flask_migrate import upgrade  # noqa: E402

from app import create_app  # noqa: E402
from app.extensions import db  # noqa: E402
from app.models import AuditEntry, Comment, Status, Thread  # noqa: E402
from app.models.policies import Backtest  # noqa: E402
from app.services import backtest_pool, backtests, policy_runtime  # noqa: E402
from app.services.policies import drafts, versions  # noqa: E402

STATUS = {"approve": Status.APPROVED, "hold": Status.PENDING, "reject": Status.REJECTED}


def sentences():
    data = ROOT / "tests" / "policy" / "data"
    clean = [s.strip() for s in (data / "hard_negatives.txt").read_text().splitlines()
             if s.strip() and not s.startswith("#")]
    bad = [s.split("\t")[-1] for s in (data / "violations.tsv").read_text().splitlines()
           if s.strip() and not s.startswith("#")]
    return clean, bad


def comment_text(rng, clean, bad):
    parts, target = [], rng.randint(100, 400)
    while sum(len(p) + 1 for p in parts) < target:
        parts.append(rng.choice(clean))
    if rng.random() < 0.25:
        parts[rng.randrange(len(parts))] = rng.choice(bad)
    return " ".join(parts)


def seed(app, count):
    rng = random.Random(7)
    clean, bad = sentences()
    start = datetime(2026, 1, 1)
    with app.test_request_context():
        versions.ensure_seeded()
        threads = []
        for n in range(50):
            thread = Thread(key=f"news/bench-{n}", created_at=start)
            db.session.add(thread)
            threads.append(thread)
        db.session.flush()
        rows, audits = [], []
        for n in range(count):
            body = comment_text(rng, clean, bad)
            decision = policy_runtime.decide(body, "قارئ", "").to_dict()
            status = STATUS[decision["outcome"]]
            if n % 10 == 0:
                status = Status.APPROVED if rng.random() < 0.6 else Status.REJECTED
            created = start + timedelta(seconds=n)
            rows.append({"thread_id": threads[n % 50].id, "depth": 0, "name": "قارئ", "email": "r@example.org",
                         "email_hash": uuid.uuid4().hex, "body": body, "body_html": body,
                         "body_fingerprint": uuid.uuid4().hex, "status": status, "created_at": created,
                         "updated_at": created, "decision": decision})
        db.session.execute(sa.insert(Comment), rows)
        ids = db.session.scalars(sa.select(Comment.id).order_by(Comment.id)).all()
        for n, comment_id in enumerate(ids):
            if n % 10 == 0:
                audits.append({"created_at": start, "action": rng.choice(["approve", "reject"]),
                               "comment_id": comment_id})
        db.session.execute(sa.insert(AuditEntry), audits)
        db.session.commit()


def make_draft(app, term="مسؤول"):
    with app.test_request_context():
        draft = drafts.create_draft(None, "bench")
        drafts.add_terms(None, draft.id, "insults", [(term, "bench")])
        rule = next(r for r in draft.document["rules"] if "score" in r)
        drafts.update_rule(None, draft.id, rule["id"], {"score": rule["score"] + 1})
        thresholds = dict(draft.document["thresholds"])
        drafts.set_thresholds(None, draft.id, dict(thresholds, hold=thresholds["hold"] - 1))
        return draft.id


def age_decisions(app):
    """Pretend every stored decision came from an older version (the cold case)."""
    with app.app_context():
        for comment in db.session.scalars(sa.select(Comment)):
            decision = dict(comment.decision)
            decision["policy"] = {"id": decision["policy"]["id"], "version": 0}
            comment.decision = decision
        db.session.commit()


def timed_run(app, draft_id, limit):
    with app.test_request_context():
        backtest = Backtest(draft_id=draft_id, candidate={}, active_version_id=versions.active_version().id,
                            scope={"limit": limit}, status="queued", total=0, processed=0,
                            created_at=datetime(2026, 1, 1))
        draft = drafts.get_draft(draft_id)
        backtest.candidate = {"document": draft.document, "word_lists": draft.word_lists}
        db.session.add(backtest)
        db.session.commit()
        started = time.perf_counter()
        backtest = backtests.run(backtest.id)
        elapsed = time.perf_counter() - started
        return backtest.processed, elapsed, backtest.result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--limit", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="majlis-bench-"))
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder / 'bench.db'}", "SECRET_KEY": "bench",
                      "RATELIMIT_ENABLED": False, "TASK_QUEUE": "immediate", "POLICY_SOURCE": "database",
                      "POLICY_REFRESH_SECONDS": 3600})
    with app.app_context():
        upgrade()
    began = time.perf_counter()
    seed(app, args.comments)
    print(f"seeded {args.comments:,} comments in {time.perf_counter() - began:.1f} s ({folder})")
    draft_id = make_draft(app)
    began = time.perf_counter()
    backtest_pool.start_fork_server()  # once per worker process, not per backtest: timed on its own
    print(f"fork server started in {time.perf_counter() - began:.2f} s")
    for case in ("active", "older", "cold"):
        if case == "older":
            with app.test_request_context():
                versions.publish(None, draft_id, "bench: version 2")
            draft_id = make_draft(app, "حكومه")
        if case == "cold":
            age_decisions(app)
        processed, elapsed, result = timed_run(app, draft_id, args.limit)
        print(f"{case}: {processed:,} comments in {elapsed:.2f} s = {processed / elapsed:,.0f} comments/s; "
              f"changed {result['changed']:,} {result['changes']}; decided {result['verdicts']['decided']:,}")


if __name__ == "__main__":
    main()
