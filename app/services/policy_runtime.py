"""The active policy for this process, and the decision it gives a submission.

Where the policy comes from (config POLICY_SOURCE):
- "database" (the default): the active version in the database. Each process keeps the compiled
  policy of the version it last saw and asks the database which version is active at most every
  POLICY_REFRESH_SECONDS (default 2), so every process uses a newly published or rolled-back
  version within a few seconds, without a restart; the process that publishes switches at once.
  Until version 1 exists (it is seeded from POLICY_FILE at start-up or by the first editor call)
  POLICY_FILE is used as version 1 would be. Nothing here writes to the database.
- "file": POLICY_FILE itself, compiled once per modification time (the editor's versions are not
  used). "auto" means "file" when a test or tool passed POLICY_FILE to create_app as an override,
  and "database" otherwise (MAJLIS_POLICY_FILE in the environment only picks the seed).

A compiled Policy is immutable and `decide` takes it once, so each comment is evaluated by exactly
one whole version; the decision names it ({"policy": {"id", "version"}}).
"""
import threading
import time

import sqlalchemy as sa
from flask import current_app

from app.extensions import db
from app.models.policies import STATE_ROW, PolicyState, PolicyVersion
from app.ops import metrics
from app.rules import Submission, evaluate, load_policy_file

_KEY = "majlis.policy_runtime"


class _State:
    def __init__(self):
        self.lock = threading.Lock()
        self.checked_at = None  # time.monotonic() of the last look at the database
        self.key = None  # (version row id, checksum) of the compiled policy, or ("seed", path)
        self.policy = None


def _state(app):
    return app.extensions.setdefault(_KEY, _State())


def invalidate(app=None):
    """Look at the database on the next call (after this process published or rolled back)."""
    _state(app or current_app._get_current_object()).checked_at = None


def _from_database(app, state):
    from app.services.policies import documents, versions

    row = db.session.execute(
        sa.select(PolicyVersion.id, PolicyVersion.checksum)
        .join(PolicyState, PolicyState.active_version_id == PolicyVersion.id)
        .where(PolicyState.id == STATE_ROW)).first()
    if row is None:
        key = ("seed", app.config["POLICY_FILE"])
        if key != state.key:
            document, word_lists = versions.seed_content()
            return key, documents.compiled(document, word_lists)
        return key, state.policy
    key = (row.id, row.checksum)
    if key == state.key:
        return key, state.policy
    version = db.session.get(PolicyVersion, row.id)
    return key, documents.compiled(version.document, version.word_lists, version.checksum)


def active_policy():
    app = current_app._get_current_object()
    if app.config.get("POLICY_SOURCE") == "file":
        return load_policy_file(app.config["POLICY_FILE"])  # cached by the files' mtimes
    state = _state(app)
    refresh = float(app.config.get("POLICY_REFRESH_SECONDS", 2))
    clock = app.config.get("MONOTONIC_CLOCK", time.monotonic)()  # injectable for tests
    if state.policy is not None and state.checked_at is not None and clock - state.checked_at < refresh:
        return state.policy
    with state.lock:
        if state.policy is None or state.checked_at is None or clock - state.checked_at >= refresh:
            state.key, state.policy = _from_database(app, state)
            state.checked_at = clock
        return state.policy


def decide(body, name, website):
    """The engine's Decision for the comment's text, name and website."""
    policy = active_policy()
    with metrics.rule_timer():
        return evaluate(policy, Submission(body=body, name=name, website=website or ""))
