"""Per-request memos: a value computed once per HTTP request, not once per caller.

Kept on the request itself (not `g`, which an outer app context may share across requests), and
computed afresh outside a request (CLI, task queue).
"""
from flask import has_request_context, request

_KEY = "majlis.memo"


def memo(name, compute):
    if not has_request_context():
        return compute()
    store = request.environ.setdefault(_KEY, {})
    if name not in store:
        store[name] = compute()
    return store[name]


def forget(name):
    if has_request_context():
        request.environ.get(_KEY, {}).pop(name, None)
