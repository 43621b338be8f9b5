"""The active policy for this process, and the decision it gives a submission.

The policy is compiled once per version (file path + modification time) and cached, never per
request.
"""
import os
import threading

from flask import current_app

from app.rules import Submission, evaluate, load_policy_file

_lock = threading.Lock()
_cache = {}


def active_policy():
    path = current_app.config["POLICY_FILE"]
    stamp = (path, os.stat(path).st_mtime_ns)
    policy = _cache.get(stamp)
    if policy is None:
        with _lock:
            policy = _cache.get(stamp) or load_policy_file(path)
            _cache.clear()
            _cache[stamp] = policy
    return policy


def decide(body, name, website):
    """The engine's Decision for the comment's text, name and website."""
    return evaluate(active_policy(), Submission(body=body, name=name, website=website or ""))
