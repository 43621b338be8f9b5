"""Backtests on a seeded set of comments whose outcomes are known, and the fast comparison checked
against full evaluation on the default policy."""
import copy
import uuid
from pathlib import Path

import pytest

from app.extensions import db
from app.models import AuditEntry, Comment, Status, Thread
from app.models.policies import BacktestStatus
from app.rules import Submission, evaluate
from app.services import backtests, policy_runtime
from app.services.backtest_compare import Comparison
from app.services.policies import documents, drafts

ROOT = Path(__file__).resolve().parents[2]
FRUIT_RULE = {
    "id": "test.fruit", "category": "insult", "type": "lexicon", "fields": ["body"], "action": "hold",
    "description": {"ar": "فاكهة", "en": "fruit"}, "examples": {"match": ["تفاح"], "no_match": ["خبز"]},
    "lexicons": ["fruit"]}


@pytest.fixture
def db_app(app_with):
    return app_with(POLICY_SOURCE="database", POLICY_REFRESH_SECONDS=0, TASK_QUEUE="immediate",
                    BACKTEST_SAMPLES=5)


def add(clock, thread_key, body, *, verdict=None, old_decision=False):
    """A stored comment decided by the active version (or by an older one), optionally decided again
    by a moderator (`verdict`: approve | reject)."""
    thread = db.session.query(Thread).filter_by(key=thread_key).one_or_none()
    if thread is None:
        thread = Thread(key=thread_key, created_at=clock.now())
        db.session.add(thread)
    decision = policy_runtime.decide(body, "قارئ", "").to_dict()
    if old_decision:
        decision["policy"] = {"id": "test", "version": 0}
    status = {"approve": Status.APPROVED, "hold": Status.PENDING, "reject": Status.REJECTED}[decision["outcome"]]
    if verdict:
        status = Status.APPROVED if verdict == "approve" else Status.REJECTED
    comment = Comment(thread=thread, name="قارئ", email="r@example.org", email_hash=uuid.uuid4().hex, body=body,
                      body_html=body, body_fingerprint=uuid.uuid4().hex, status=status, created_at=clock.now(),
                      updated_at=clock.now(), decision=decision, depth=0)
    db.session.add(comment)
    db.session.flush()
    if verdict:
        db.session.add(AuditEntry(created_at=clock.now(), action=verdict, comment_id=comment.id))
    clock.advance(seconds=1)
    return comment.id


@pytest.fixture
def seeded(db_app, clock):
    """16 comments: 6 «تفاح» (2 approved and 1 rejected by moderators), 3 «بطيخ» (held; 1 rejected),
    2 «باذنجان» (rejected), 4 clean, 1 «تفاح» decided by an older version."""
    with db_app.test_request_context():
        for n in range(6):
            add(clock, "news/main", f"أحب التفاح {n}", verdict={0: "approve", 1: "approve", 2: "reject"}.get(n))
        for n in range(3):
            add(clock, "news/main", f"أحب البطيخ {n}", verdict="reject" if n == 0 else None)
        for n in range(2):
            add(clock, "news/other", f"طبق باذنجان {n}")
        for n in range(4):
            add(clock, "news/other", f"خبر جيد {n}")
        add(clock, "news/main", "تفاح قديم", old_decision=True)
        draft = drafts.create_draft(None)
        drafts.put_list(None, draft.id, "fruit", "تفاح\n")
        drafts.add_rule(None, draft.id, FRUIT_RULE)
        db.session.commit()
        return draft.id


def run(db_app, draft_id, **scope):
    with db_app.test_request_context():
        backtest = backtests.start(None, backtests.check_scope(scope), draft_id=draft_id)
        assert backtest.status == BacktestStatus.DONE, backtest.error
        return backtest.total, backtest.processed, backtest.result


def test_counts_per_change_rule_and_category(db_app, seeded):
    total, processed, result = run(db_app, seeded)
    assert total == processed == result["comments"] == 16
    assert result["changes"] == {"approve→hold": 7} and result["changed"] == 7
    assert result["outcomes"] == {"active": {"approve": 11, "hold": 3, "reject": 2},
                                  "draft": {"approve": 4, "hold": 10, "reject": 2}}
    assert result["rules"]["test.fruit"] == {"active": 0, "draft": 7, "added": 7, "removed": 0}
    assert result["rules"]["test.hold"] == {"active": 3, "draft": 3, "added": 0, "removed": 0}
    assert result["rules"]["test.reject"] == {"active": 2, "draft": 2, "added": 0, "removed": 0}
    assert result["categories"]["insult"] == {"active": 2, "draft": 9, "changed": 7}
    assert result["categories"]["person_offense"] == {"active": 3, "draft": 3}
    assert result["changed_rules"] == ["test.fruit"]
    samples = result["samples"]["approve→hold"]
    assert len(samples) == 5 and all("تفاح" in s["body"] and s["draft"]["rules"] == ["test.fruit"] for s in samples)


def test_precision_and_recall_against_moderators(db_app, seeded):
    verdicts = run(db_app, seeded)[2]["verdicts"]
    assert verdicts["decided"] == 4
    assert verdicts["active"] == {"tp": 1, "fp": 0, "fn": 1, "tn": 2, "precision": 1.0, "recall": 0.5}
    assert verdicts["draft"] == {"tp": 2, "fp": 2, "fn": 0, "tn": 0, "precision": 0.5, "recall": 1.0}


def test_scopes_thread_limit_and_dates(db_app, seeded, clock):
    other = run(db_app, seeded, thread="news/other")[2]
    assert other["comments"] == 6 and other["changed"] == 0
    assert run(db_app, seeded, limit=1)[2]["changes"] == {"approve→hold": 1}  # the newest: «تفاح قديم»
    start = clock.now().replace(microsecond=0)
    assert run(db_app, seeded, since=start.isoformat())[2]["comments"] == 0
    assert run(db_app, seeded, until=start.isoformat())[2]["comments"] == 16


def test_a_failed_run_says_so(db_app, seeded):
    with db_app.test_request_context():
        backtest = backtests.start(None, {"limit": 10}, draft_id=seeded)
        backtest.candidate = {"document": {"broken": True}, "word_lists": {}}
        backtest.status = BacktestStatus.QUEUED
        db.session.commit()
        failed = backtests.run(backtest.id)
        assert failed.status == BacktestStatus.FAILED and failed.error


@pytest.fixture(scope="module")
def default_policy():
    return documents.from_file(str(ROOT / "policies" / "default.yaml"))


def corpus():
    texts = [line.strip() for line in (ROOT / "tests/policy/data/hard_negatives.txt").read_text().splitlines()
             if line.strip() and not line.startswith("#")]
    texts += [line.split("\t")[-1] for line in (ROOT / "tests/policy/data/violations.tsv").read_text().splitlines()
              if line.strip() and not line.startswith("#")]
    return texts


def edited(document, word_lists):
    """A draft that adds a term, turns a reject rule off, rescored a rule and lowers a threshold."""
    document, word_lists = copy.deepcopy(document), dict(word_lists)
    word_lists["insults"] += "مسؤول\n"
    rules = document["rules"]
    next(r for r in rules if r.get("action") == "reject")["enabled"] = False
    scored = next(r for r in rules if "score" in r)
    scored["score"] = scored["score"] + 1
    rules.pop(len(rules) // 2)
    document["thresholds"] = dict(document["thresholds"], hold=3)
    return document, word_lists


def test_the_fast_comparison_equals_full_evaluation(app, default_policy):
    active_doc, active_lists = default_policy
    draft_doc, draft_lists = edited(active_doc, active_lists)
    with app.test_request_context():
        draft_doc, draft_lists = documents.normalized(draft_doc, draft_lists)
    active = documents.compiled(active_doc, active_lists)
    draft = documents.compiled(draft_doc, draft_lists)
    comparison = Comparison(active, {"document": active_doc, "word_lists": active_lists},
                            draft, {"document": draft_doc, "word_lists": draft_lists})
    assert comparison.changed_rules
    shortcuts = 0
    for text in corpus():
        submission = Submission(body=text, name="قارئ", website="")
        stored = evaluate(active, submission).to_dict()
        before, after = comparison.compare(text, "قارئ", "", stored)
        full = evaluate(draft, submission)
        assert after.outcome == str(full.outcome), text
        assert after.rules == {h.rule for h in full.hits if not h.error}, text
        assert before.outcome == stored["outcome"]
        cold = comparison.compare(text, "قارئ", "", None)  # no stored decision: same answers
        assert cold == (before, after), text
        shortcuts += comparison._complete_hits(stored) is not None
    assert shortcuts > 300  # most comments took the fast path


def test_comments_decided_by_an_older_version_are_brought_up_to_date(app, default_policy):
    active_doc, active_lists = default_policy
    old_doc, old_lists = copy.deepcopy(active_doc), dict(active_lists, insults=active_lists["insults"] + "قلم\n")
    old_doc["rules"] = old_doc["rules"][1:]  # version 1 lacked the first rule and had another term
    draft_doc, draft_lists = edited(active_doc, active_lists)
    with app.test_request_context():
        old_doc, old_lists = documents.normalized(dict(old_doc, version=1), old_lists)
        draft_doc, draft_lists = documents.normalized(dict(draft_doc, version=3), draft_lists)
    active_doc = dict(active_doc, version=2)
    old, active, draft = (documents.compiled(d, w) for d, w in (
        (old_doc, old_lists), (active_doc, active_lists), (draft_doc, draft_lists)))
    older = {1: (old, {"document": old_doc, "word_lists": old_lists})}
    comparison = Comparison(active, {"document": active_doc, "word_lists": active_lists},
                            draft, {"document": draft_doc, "word_lists": draft_lists}, older=older.get)
    for text in corpus():
        submission = Submission(body=text, name="قارئ", website="")
        before, after = comparison.compare(text, "قارئ", "", evaluate(old, submission).to_dict())
        full_active, full_draft = evaluate(active, submission), evaluate(draft, submission)
        assert before.outcome == str(full_active.outcome), text
        assert before.rules == {h.rule for h in full_active.hits if not h.error}, text
        assert after.outcome == str(full_draft.outcome), text
        assert after.rules == {h.rule for h in full_draft.hits if not h.error}, text


def test_the_parallel_run_gives_the_sequential_report(db_app, seeded, clock, monkeypatch):
    """Worker processes (forced here for 16 comments) report exactly what this process does, also for
    comments decided by an older version, which the workers get preloaded."""
    from app.services import backtest_pool
    from app.services.policies import versions

    pools = []
    real_pool = backtest_pool.pool
    monkeypatch.setattr(backtest_pool, "pool", lambda *args: pools.append(args[2]) or real_pool(*args))

    def both(draft_id):
        db_app.config.update(BACKTEST_PARALLEL_MIN=10**9)
        sequential = run(db_app, draft_id)
        db_app.config.update(BACKTEST_PARALLEL_MIN=1, BACKTEST_WORKERS=2)
        parallel = run(db_app, draft_id)
        db_app.config.update(BACKTEST_PARALLEL_MIN=10**9)
        assert parallel == sequential
        return sequential

    first = both(seeded)
    assert first[2]["changed"] == 7 and len(pools) == 1 and pools[0] == {}
    with db_app.test_request_context():
        versions.publish(None, seeded, "fruit")
        for n in range(3):
            add(clock, "news/main", f"تفاح جديد {n}")
        draft = drafts.create_draft(None)
        drafts.put_list(None, draft.id, "fruit", "تفاح\nبطيخ\n")
        db.session.commit()
        draft_id = draft.id
    total, processed, result = both(draft_id)
    assert total == processed == result["comments"] == 19 and result["changed_rules"] == ["test.fruit"]
    assert len(pools) == 2 and list(pools[1]) == [1]  # the comments decided by version 1
